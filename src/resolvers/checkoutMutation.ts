import { checkout } from '../domain/checkout';
import type { MutationResolvers } from '../generated/graphql';
import { requireCaller } from './caller';

/** Thin on purpose: the retry loop, idempotency and pricing live in domain/checkout.ts. */
export const checkoutMutation: Pick<MutationResolvers, 'checkout'> = {
  checkout: (_parent, { idempotencyKey }, ctx) => checkout(ctx, requireCaller(ctx).userId, idempotencyKey),
};
