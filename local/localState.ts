import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TableNames } from '../src/datasources/tableDefinitions';

/**
 * Everything the local runtime keeps between runs lives in one git-ignored folder
 * (`LOCAL_STATE_DIR`, default `.local/`): DynamoDB Local's database and the local issuer's keys.
 * `npm run reset` deletes it.
 */
export function localStatePaths(env: Readonly<Record<string, string | undefined>> = process.env) {
  const root = resolve(env.LOCAL_STATE_DIR ?? '.local');
  return {
    root,
    dynamoDir: resolve(root, 'dynamodb'),
    issuerKeys: resolve(root, 'issuer-keys.json'),
    /** Written while `npm start` runs, so `npm run reset` can refuse to pull data from under it. */
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

/** The pid of the live `npm start` that holds the state folder, or null when none does. */
export function runningStartPid(runtimeFile: string): number | null {
  if (!existsSync(runtimeFile)) return null;
  const { pid } = JSON.parse(readFileSync(runtimeFile, 'utf8')) as { pid: number };
  return isProcessAlive(pid) ? pid : null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
