/**
 * DynamoDB rejects empty key values and keys over 2048 bytes with a ValidationException (an
 * internal error to the client). Ids that cannot be keys cannot name anything, so datasources
 * answer "not found" for them without asking DynamoDB.
 */
const MAX_KEY_BYTES = 1024;

export function isStorableKey(value: string): boolean {
  return value.length > 0 && Buffer.byteLength(value) <= MAX_KEY_BYTES;
}

/** Promotion codes are case-insensitive: stored, and looked up, upper case. */
export function normalisePromotionCode(code: string): string {
  return code.trim().toUpperCase();
}
