import type { Resolvers } from '../generated/graphql';
import { CartItem } from './CartItem';
import { catalogueMutations } from './catalogueMutations';
import { cartMutations } from './cartMutations';
import { checkoutMutation } from './checkoutMutation';
import { Comment } from './Comment';
import { commentMutations } from './commentMutations';
import { Product } from './Product';
import { promotionMutations } from './promotionMutations';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation: {
    ...cartMutations,
    ...checkoutMutation,
    ...commentMutations,
    ...catalogueMutations,
    ...promotionMutations,
  },
  Product,
  Comment,
  CartItem,
};
