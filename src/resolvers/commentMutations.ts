import { addComment } from '../domain/comments';
import type { MutationResolvers } from '../generated/graphql';
import { requireCaller } from './caller';

/** Thin on purpose: validation and the rating aggregates live in domain/comments.ts. */
export const commentMutations: Pick<MutationResolvers, 'addComment'> = {
  addComment: (_parent, { productId, text, rating }, ctx) =>
    addComment(ctx, requireCaller(ctx), { productId, text, rating }),
};
