import type { Resolvers } from '../generated/graphql';
import { Cart } from './Cart';
import { CartItem } from './CartItem';
import { catalogueMutations } from './catalogueMutations';
import { cartMutations } from './cartMutations';
import { Category } from './Category';
import { categoryMutations } from './categoryMutations';
import { checkoutMutation } from './checkoutMutation';
import { Comment } from './Comment';
import { commentMutations } from './commentMutations';
import { Order } from './Order';
import { orderMutations } from './orderMutations';
import { Product } from './Product';
import { promotionMutations } from './promotionMutations';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation: {
    ...cartMutations,
    ...checkoutMutation,
    ...orderMutations,
    ...commentMutations,
    ...catalogueMutations,
    ...categoryMutations,
    ...promotionMutations,
  },
  Product,
  Category,
  Comment,
  Cart,
  CartItem,
  Order,
};
