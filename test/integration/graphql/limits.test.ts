import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { jsonOfSize } from '../hostile/hostileRequest';
import { apiGatewayEvent } from '../../support/events';
import { PRODUCTION_MODE, useTestApp } from '../../support/fixtures';
import { createTestApp } from '../../support/testApp';

/** The boundaries of the operation limits, and that each one is configuration, not a constant. */
const app = useTestApp({ config: PRODUCTION_MODE });

describe('the request body limit', () => {
  test(`accepts a body of exactly ${DEFAULT_LIMITS.maxBodyBytes} bytes`, async () => {
    // Act
    const result = await app.invoke(apiGatewayEvent({ body: jsonOfSize(DEFAULT_LIMITS.maxBodyBytes) }));

    // Assess
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({
      data: { __typename: 'Query' },
      extensions: {
        cost: {
          requested: 0,
          limit: DEFAULT_LIMITS.maxCost,
          dynamoDbCalls: 0,
          dynamoDbCallLimit: DEFAULT_LIMITS.maxDynamoCalls,
        },
      },
    });
  });

  test('refuses one byte more with a GraphQL-shaped 413 before parsing it', async () => {
    // Prepare: not even JSON, so a 413 proves nothing parsed it.
    const body = '{'.repeat(DEFAULT_LIMITS.maxBodyBytes + 1);

    // Act
    const result = await app.invoke(apiGatewayEvent({ body }));

    // Assess
    expect(result.statusCode).toBe(413);
    expect(result.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(result.body ?? '')).toEqual({
      errors: [
        { message: 'The request body is larger than 65536 bytes', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  });

  test('counts bytes, not characters: multi-byte text over the limit is refused', async () => {
    // Prepare: fewer characters than the limit, but 3 bytes each in UTF-8.
    const body = jsonOfSize(100).replace('xxxx', '€'.repeat(DEFAULT_LIMITS.maxBodyBytes / 3 + 1));

    // Act
    const result = await app.invoke(apiGatewayEvent({ body }));

    // Assess
    expect(body.length).toBeLessThan(DEFAULT_LIMITS.maxBodyBytes);
    expect(result.statusCode).toBe(413);
  });
});

describe('configured limits', () => {
  test.each([
    { limit: 'maxBodyBytes', value: 50, query: '{ products(first: 1) { nodes { id } } }', status: 413 },
    { limit: 'maxDepth', value: 2, query: '{ products(first: 1) { nodes { id } } }', status: 400 },
    {
      limit: 'maxAliases',
      value: 1,
      query: '{ a: __typename b: products(first: 1) { nodes { id } } c: cart { total } }',
      status: 400,
    },
    {
      limit: 'maxDirectives',
      value: 1,
      query: '{ __typename @skip(if: false) __typename @include(if: true) }',
      status: 400,
    },
    { limit: 'maxTokens', value: 5, query: '{ products(first: 1) { nodes { id } } }', status: 400 },
    {
      limit: 'maxCost',
      value: 5,
      query: '{ products(first: 10) { nodes { comments(first: 1) { nodes { id } } } } }',
      status: 400,
    },
  ] as const)('$limit = $value refuses what the default allows', async ({ limit, value, query, status }) => {
    // Prepare
    const strict = await createTestApp({ limits: { ...DEFAULT_LIMITS, [limit]: value } });
    const event = apiGatewayEvent({ body: JSON.stringify({ query }) });

    // Act
    const [refused, allowed] = [await strict.invoke(event), await app.invoke(event)];

    // Assess
    expect(refused.statusCode).toBe(status);
    expect(allowed.statusCode).toBe(200);
  });
});
