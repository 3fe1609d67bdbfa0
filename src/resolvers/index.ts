import type { Resolvers } from '../generated/graphql';
import { CartItem } from './CartItem';
import { cartMutations } from './cartMutations';
import { checkoutMutation } from './checkoutMutation';
import { Comment } from './Comment';
import { commentMutations } from './commentMutations';
import { Product } from './Product';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation: { ...cartMutations, ...checkoutMutation, ...commentMutations },
  Product,
  Comment,
  CartItem,
};
