import type { CartItemResolvers } from '../generated/graphql';

/** A line's name, code and price are always the product's current catalogue values. */
export const CartItem: CartItemResolvers = {
  name: (line) => line.product.name,
  code: (line) => line.product.code,
  price: (line) => line.product.price,
};
