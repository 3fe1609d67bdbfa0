import type { LambdaResult } from '../../support/events';
import { LONELY_BIRD, PRODUCTION_MODE, useTestApp } from '../../support/fixtures';
import { HOSTILE_CASES } from './hostileCases';
import { PRODUCT_ID, VICTIM } from './hostileRequest';

/**
 * Every hostile request of hostileCases.ts, through the real Lambda handler in production mode
 * (NODE_ENV=production: no introspection, no schema hints), over tables that hold a product, a
 * promotion, a comment and the victim's cart. Only the token issuer differs from production: the
 * run's user pool signer (local/poolTokens.ts) lets it mint each flawed token.
 */
const app = useTestApp({ config: PRODUCTION_MODE, products: [LONELY_BIRD], promotions: { WELCOME10: 10 } });

beforeAll(async () => {
  const token = app.tokenFor(VICTIM, 'Victim');
  const seeded = await Promise.all([
    app.graphql(
      { query: `mutation { addToCart(productId: "${PRODUCT_ID}", quantity: 2) { itemCount } }` },
      { token },
    ),
    app.graphql(
      { query: `mutation { addComment(productId: "${PRODUCT_ID}", text: "Mine", rating: 5) { id } }` },
      { token },
    ),
  ]);
  for (const response of seeded) expect(response.body.errors).toBeUndefined();
});

/** What a response may never contain: stack frames, storage names, AWS and file-system details. */
function leaks(result: LambdaResult): string[] {
  const text = `${JSON.stringify(result.headers ?? {})}\n${result.body ?? ''}`;
  const forbidden = [
    /\bat .+:\d+:\d+/,
    /stacktrace/i,
    // DynamoDB's own words (its errors, its names for tables and keys); the API's documented
    // unit, "DynamoDB calls" (`extensions.cost`, the cost and budget refusals), is not a leak.
    /dynamodb(?!(Calls|CallLimit| calls|_BUDGET_EXCEEDED))/i,
    /amazonaws/i,
    /ValidationException/,
    /node_modules/,
    /ECONNREFUSED/,
    /\/work\/|[A-Z]:\\/,
    ...Object.values(app.tables).map((table) => new RegExp(table)),
  ];
  return forbidden.filter((pattern) => pattern.test(text)).map(String);
}

function errorsOf(result: LambdaResult): Array<{ message: string; extensions?: { code?: unknown } }> {
  const body = JSON.parse(result.body ?? '') as {
    errors?: Array<{ message: string; extensions?: { code?: unknown } }>;
  };
  return body.errors ?? [];
}

describe('a hostile request', () => {
  test('table has at least 40 cases, each with a unique name', () => {
    // Assess
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HOSTILE_CASES.map(({ name }) => name)).size).toBe(HOSTILE_CASES.length);
  });

  test.each(HOSTILE_CASES)(
    'is answered $status $code, leaks nothing and writes nothing: $name',
    async ({ event, status, code, message }) => {
      // Prepare
      const before = await app.snapshot();

      // Act
      const result = await app.invoke(event(app));

      // Assess: one rule may report several errors (a depth bomb is also costly), all of one code.
      const errors = errorsOf(result);
      expect({
        status: result.statusCode,
        codes: [...new Set(errors.map((error) => error.extensions?.code))],
      }).toEqual({
        status,
        codes: code === null ? [] : [code],
      });
      if (message)
        expect(errors.map((error) => error.message)).toContainEqual(expect.stringMatching(message));
      expect(result.headers?.['content-type']).toMatch(/^application\/json/);
      expect(leaks(result)).toEqual([]);
      expect(await app.snapshot()).toEqual(before);
    },
  );
});
