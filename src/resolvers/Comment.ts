import type { CommentResolvers } from '../generated/graphql';
import { clientError, ErrorCode } from '../shared/errors';

export const Comment: CommentResolvers = {
  product: async (comment, _args, ctx) => {
    // Staff read the comments of archived products too; shoppers never reach them (an archived
    // product is not listed), so for them an archived product reads as gone.
    const product = ctx.caller?.staff
      ? await ctx.products.getIncludingArchived(comment.productId)
      : await ctx.products.getById(comment.productId);
    // Products are never deleted by the API, so a missing one was removed behind its back.
    if (!product) throw clientError(ErrorCode.NotFound, 'The commented product no longer exists');
    return product;
  },
  rating: (comment) => comment.rating ?? null,
  verifiedPurchase: (comment) => comment.verifiedPurchase === true,
  hidden: (comment) => comment.hidden === true,
};
