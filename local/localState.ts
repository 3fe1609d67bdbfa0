import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TableNames } from '../src/datasources/tableDefinitions';
import type { LocalUserPool } from './userPool';

/**
 * Everything the local runtime keeps between runs lives in one git-ignored folder
 * (`LOCAL_STATE_DIR`, default `.local/`): DynamoDB Local's database and cognito-local's users and
 * pools. `npm run reset` deletes it.
 */
export function localStatePaths(env: Readonly<Record<string, string | undefined>> = process.env) {
  const root = resolve(env.LOCAL_STATE_DIR ?? '.local');
  return {
    root,
    dynamoDir: resolve(root, 'dynamodb'),
    cognitoDir: resolve(root, 'cognito'),
    /** The ids of the local user pool and its app client (local/userPool.ts). */
    userPoolFile: resolve(root, 'cognito', 'pool.json'),
    /**
     * Written while `npm start` runs, so `npm run reset` can refuse to pull data from under it; it
     * also says where the running user pool answers (`userPool`), for `npm run token` and the
     * storefront.
     */
    runtimeFile: resolve(root, 'runtime.json'),
  };
}

export const LOCAL_TABLES: TableNames = {
  products: 'store-products',
  productListings: 'store-product-listings',
  categories: 'store-categories',
  comments: 'store-comments',
  carts: 'store-carts',
  promotions: 'store-promotions',
  orders: 'store-orders',
  ratings: 'store-ratings',
  persistedQueries: 'store-persisted-queries',
  rateLimits: 'store-rate-limits',
};

/** What a running `npm start` records in its runtime file. */
export interface RuntimeRecord {
  pid: number;
  /** Once the local user pool is up. */
  userPool?: LocalUserPool;
}

/** The running `npm start`'s record, or null when none holds the state folder. */
export function runningStart(runtimeFile: string): RuntimeRecord | null {
  if (!existsSync(runtimeFile)) return null;
  let record: RuntimeRecord;
  try {
    record = JSON.parse(readFileSync(runtimeFile, 'utf8')) as RuntimeRecord;
  } catch {
    // Being written this instant, or left half-written by a crash: no start to speak of yet.
    return null;
  }
  return isProcessAlive(record.pid) ? record : null;
}

/** The pid of the live `npm start` that holds the state folder, or null when none does. */
export function runningStartPid(runtimeFile: string): number | null {
  return runningStart(runtimeFile)?.pid ?? null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
