import type { Caller } from '../auth/tokenVerifier';
import type { Stores } from '../domain/ports';

/**
 * What every resolver receives: who is asking and the stores (as the interfaces of
 * domain/ports.ts). graphql/createContext.ts builds one per request, so the datasources' DataLoaders
 * and memoised reads never serve one caller's data to another or outlive the request.
 */
export interface StoreContext extends Stores {
  requestId: string;
  /** Null for anonymous callers. */
  caller: Caller | null;
}
