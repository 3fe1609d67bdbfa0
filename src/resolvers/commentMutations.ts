import { addComment, setCommentHidden } from '../domain/comments';
import type { MutationResolvers } from '../generated/graphql';
import { requireCaller, requireStaff } from './caller';

/** Thin on purpose: validation and the rating aggregates live in domain/comments.ts. */
export const commentMutations: Pick<MutationResolvers, 'addComment' | 'hideComment' | 'unhideComment'> = {
  addComment: (_parent, { productId, text, rating }, ctx) =>
    addComment(ctx, requireCaller(ctx), { productId, text, rating }),
  hideComment: (_parent, { id }, ctx) => {
    requireStaff(ctx);
    return setCommentHidden(ctx, id, true);
  },
  unhideComment: (_parent, { id }, ctx) => {
    requireStaff(ctx);
    return setCommentHidden(ctx, id, false);
  },
};
