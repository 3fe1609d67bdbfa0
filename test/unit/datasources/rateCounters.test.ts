import { countInWindow, rateWindow, type RateLimitRule } from '../../../src/datasources/rateCounters';

const RULE: RateLimitRule = { action: 'comment', limit: 5, windowSeconds: 60 };
/** 2030-01-01T10:00:00Z, the start of a minute, in epoch seconds. */
const MINUTE = Date.UTC(2030, 0, 1, 10, 0, 0) / 1000;
const at = (secondsIntoMinute: number) => new Date((MINUTE + secondsIntoMinute) * 1000);

describe('rateWindow', () => {
  test('puts every moment of one minute in the same window, and the next minute in another', () => {
    // Act
    const keys = [0, 0.001, 30, 59.999, 60].map((seconds) => rateWindow(RULE, 'alice', at(seconds)).key);

    // Assess
    expect(keys.slice(0, 4)).toEqual(Array(4).fill(`comment#alice#${MINUTE}`));
    expect(keys[4]).toBe(`comment#alice#${MINUTE + 60}`);
  });

  test('counts each user apart', () => {
    // Act
    const alice = rateWindow(RULE, 'alice', at(10));
    const bob = rateWindow(RULE, 'bob', at(10));

    // Assess
    expect(alice.key).not.toBe(bob.key);
  });

  test.each([
    [0, 60],
    [0.5, 60],
    [29.5, 31],
    [59, 1],
    [59.999, 1],
  ])('at %p s into the minute, says to retry in %p whole seconds, never 0', (seconds, retryAfter) => {
    // Act
    const window = rateWindow(RULE, 'alice', at(seconds));

    // Assess
    expect(window.retryAfterSeconds).toBe(retryAfter);
    expect(window.endsAt).toBe(MINUTE + 60);
    expect(window.limit).toBe(5);
  });
});

describe('countInWindow', () => {
  test('adds one to the window’s counter unless it already holds the limit, and expires it at the window’s end', () => {
    // Act
    const item = countInWindow('rate-limits', rateWindow(RULE, 'alice', at(5)));

    // Assess
    expect(item.Update).toMatchObject({
      TableName: 'rate-limits',
      Key: { key: `comment#alice#${MINUTE}` },
      UpdateExpression: 'ADD #count :one SET #expiresAt = :endsAt',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeValues: { ':one': 1, ':endsAt': MINUTE + 60, ':limit': 5 },
    });
  });
});
