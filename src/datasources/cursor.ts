import { InvalidCursorError } from './errors';
import { isStorableKey } from './keys';

/**
 * Cursors are opaque to clients: base64url JSON of the DynamoDB key a page continues after,
 * tagged with the collection it belongs to so a comment cursor cannot be replayed on products.
 * Decoding checks the exact shape and key sizes, so garbage never reaches DynamoDB as an
 * ExclusiveStartKey.
 */
export function encodeCursor(collection: string, key: Readonly<Record<string, string>>): string {
  return Buffer.from(JSON.stringify({ c: collection, k: key })).toString('base64url');
}

export function decodeCursor<F extends string>(
  collection: string,
  cursor: string,
  fields: readonly F[],
): Record<F, string> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!isRecord(decoded) || decoded.c !== collection || !isRecord(decoded.k)) {
    throw new InvalidCursorError();
  }
  const key = decoded.k;
  const names = Object.keys(key);
  const wellFormed =
    names.length === fields.length &&
    fields.every((field) => {
      const value = key[field];
      return typeof value === 'string' && isStorableKey(value);
    });
  if (!wellFormed) throw new InvalidCursorError();
  return key as Record<F, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
