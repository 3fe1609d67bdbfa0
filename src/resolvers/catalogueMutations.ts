import { adjustStock, createProduct, setArchived, updateProduct } from '../domain/catalogue';
import type { MutationResolvers } from '../generated/graphql';
import { requireStaff } from './caller';

/** The back office's catalogue: staff only, checked before any read; rules in domain/catalogue.ts. */
export const catalogueMutations: Pick<
  MutationResolvers,
  'createProduct' | 'updateProduct' | 'adjustStock' | 'archiveProduct' | 'unarchiveProduct'
> = {
  createProduct: (_parent, { input }, ctx) => {
    requireStaff(ctx);
    return createProduct(ctx, input);
  },
  updateProduct: (_parent, { id, input }, ctx) => {
    requireStaff(ctx);
    return updateProduct(ctx, id, input);
  },
  adjustStock: (_parent, { productId, delta, expectedStock }, ctx) => {
    requireStaff(ctx);
    return adjustStock(ctx, productId, delta, expectedStock);
  },
  archiveProduct: (_parent, { id }, ctx) => {
    requireStaff(ctx);
    return setArchived(ctx, id, true);
  },
  unarchiveProduct: (_parent, { id }, ctx) => {
    requireStaff(ctx);
    return setArchived(ctx, id, false);
  },
};
