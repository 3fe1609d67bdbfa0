import type { CommentResolvers } from '../generated/graphql';
import { clientError, ErrorCode } from '../shared/errors';

export const Comment: CommentResolvers = {
  product: async (comment, _args, ctx) => {
    const product = await ctx.products.getById(comment.productId);
    // Comments are only written for existing products and products are never deleted by the
    // API, so a missing product means the catalogue was edited behind the API's back.
    if (!product) throw clientError(ErrorCode.NotFound, 'The commented product no longer exists');
    return product;
  },
  rating: (comment) => comment.rating ?? null,
};
