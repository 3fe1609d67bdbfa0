import { createPromotion, updatePromotion } from '../domain/promotionAdmin';
import type { MutationResolvers } from '../generated/graphql';
import { requireStaff } from './caller';

/** The back office's promotion codes: staff only, checked before any read; rules in domain/promotionAdmin.ts. */
export const promotionMutations: Pick<MutationResolvers, 'createPromotion' | 'updatePromotion'> = {
  createPromotion: (_parent, { input }, ctx) => {
    requireStaff(ctx);
    return createPromotion(ctx, input);
  },
  updatePromotion: (_parent, { code, input }, ctx) => {
    requireStaff(ctx);
    return updatePromotion(ctx, code, input);
  },
};
