import { ProductNotFoundError } from '../datasources/errors';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';
import type { MutationResolvers } from '../generated/graphql';
import { requireCaller } from './caller';

export const MAX_COMMENT_LENGTH = 2000;

export const commentMutations: Pick<MutationResolvers, 'addComment'> = {
  addComment: async (_parent, { productId, text, rating }, ctx) => {
    const caller = requireCaller(ctx);
    const trimmed = text.trim();
    // Counted in code points, so an emoji is one character as a reader would count it.
    const length = [...trimmed].length;
    if (length < 1 || length > MAX_COMMENT_LENGTH) {
      throw badUserInput(`text must be 1 to ${MAX_COMMENT_LENGTH} characters after trimming`, {
        field: 'text',
      });
    }
    if (rating !== null && rating !== undefined && (rating < 1 || rating > 5)) {
      throw badUserInput('rating must be between 1 and 5', { field: 'rating' });
    }
    try {
      const comment = await ctx.comments.add({
        productId,
        authorId: caller.userId,
        author: caller.displayName,
        text: trimmed,
        ...(rating ? { rating } : {}),
      });
      // `addComment { product { commentCount rating } }` must include the comment just added.
      ctx.products.markChanged(productId);
      return comment;
    } catch (error) {
      if (error instanceof ProductNotFoundError) {
        throw clientError(ErrorCode.NotFound, 'No product has that id', { field: 'productId' });
      }
      throw error;
    }
  },
};
