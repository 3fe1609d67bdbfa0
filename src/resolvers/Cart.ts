import type { CartResolvers } from '../generated/graphql';

/** The lines' fields need only the products; the discount's also the promotion (domain/pricing.ts). */
export const Cart: CartResolvers = {
  items: async (cart) => (await cart.priced()).items,
  promotionCode: async (cart) => (await cart.priced()).promotionCode,
  subtotal: async (cart) => (await cart.priced()).subtotal,
  itemCount: async (cart) => (await cart.priced()).itemCount,
  updatedAt: async (cart) => (await cart.priced()).updatedAt,
  discountPercentage: async (cart) => (await cart.withPromotion()).discountPercentage,
  promotionNotice: async (cart) => (await cart.withPromotion()).promotionNotice,
  discount: async (cart) => (await cart.withPromotion()).discount,
  total: async (cart) => (await cart.withPromotion()).total,
};
