/**
 * Fixed-window rate limits kept in DynamoDB, so every Lambda instance counts against the same
 * number. The rule (what is counted, how many per window) belongs to the domain; this file turns
 * it into the counter item that a write's own transaction updates.
 *
 * rateLimits table: key `key` = `<action>#<userId>#<window start, epoch seconds>`, attributes
 * `count` and `expiresAt` (its TTL). One item per caller per window rather than one per caller
 * reset at each window: a new window is simply a new item, so counting needs no read and no
 * reset, and a window's count can never leak into the next. TTL deletes the old items.
 */

/** At most `limit` of `action` per caller in each fixed window of `windowSeconds`. */
export interface RateLimitRule {
  action: string;
  limit: number;
  windowSeconds: number;
}

/** The window `now` falls in, for one caller. */
export interface RateWindow {
  /** The counter item's key. */
  key: string;
  limit: number;
  /** When the window ends, in epoch seconds: the counter's TTL. */
  endsAt: number;
  /** Whole seconds from `now` until the window ends: at least 1. */
  retryAfterSeconds: number;
}

export function rateWindow(rule: RateLimitRule, userId: string, now: Date): RateWindow {
  const windowMs = rule.windowSeconds * 1000;
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const endMs = startMs + windowMs;
  return {
    key: `${rule.action}#${userId}#${startMs / 1000}`,
    limit: rule.limit,
    endsAt: endMs / 1000,
    retryAfterSeconds: Math.max(1, Math.ceil((endMs - now.getTime()) / 1000)),
  };
}

/**
 * Access pattern: the TransactWriteItems Update that counts one write in its window, if the
 * window is not full. A cancelled transaction counts nothing, so a refused or failed write is never
 * counted, and an accepted one exactly once. Its condition failing means the window is full.
 */
export function countInWindow(tableName: string, window: RateWindow) {
  return {
    Update: {
      TableName: tableName,
      Key: { key: window.key },
      UpdateExpression: 'ADD #count :one SET #expiresAt = :endsAt',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt' },
      ExpressionAttributeValues: { ':one': 1, ':endsAt': window.endsAt, ':limit': window.limit },
    },
  };
}
