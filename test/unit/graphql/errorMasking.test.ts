import { createLogger } from '../../../src/observability/logger';
import { createApolloServer } from '../../../src/graphql/server';
import { costExtensions } from '../../support/cost';
import { ALICE, execute, stubContext, stubStores } from '../../support/stubContext';

const AWS_MESSAGE =
  'ResourceNotFoundException: table prod-products not found in us-east-1 (account 123456789012)';

describe.each([
  { mode: 'development', production: false },
  { mode: 'production', production: true },
])('in $mode mode, an unexpected store failure', ({ production }) => {
  // Causes go to the structured log (powertools), not to console.error.
  const logger = createLogger({ serviceName: 'store-api-test', logLevel: 'SILENT' });
  const server = createApolloServer({ production, enableSandbox: false, logger });
  let loggedError: jest.SpyInstance;

  beforeEach(() => {
    loggedError = jest.spyOn(logger, 'error');
  });

  afterEach(() => loggedError.mockRestore());

  afterAll(() => server.stop());

  test('reaches the client only as "Internal server error" with INTERNAL_SERVER_ERROR', async () => {
    // Prepare
    const stores = stubStores();
    stores.products.list.mockRejectedValue(new Error(AWS_MESSAGE));

    // Act
    const result = await execute(server, stubContext(stores), '{ products(first: 1) { nodes { id } } }');

    // Assess
    expect(result).toEqual({
      data: null,
      errors: [
        {
          message: 'Internal server error',
          path: ['products'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
      extensions: costExtensions({ dynamoDbCallLimit: null }),
    });
  });

  test('leaks neither the table name, the AWS message nor a stack trace', async () => {
    // Prepare
    const stores = stubStores();
    stores.carts.getForUser.mockRejectedValue(new Error(AWS_MESSAGE));

    // Act
    const result = await execute(server, stubContext(stores, ALICE), '{ cart { itemCount } }');

    // Assess
    const text = JSON.stringify(result);
    expect(text).not.toContain('prod-products');
    expect(text).not.toContain('ResourceNotFoundException');
    expect(text).not.toContain('123456789012');
    expect(text).not.toMatch(/stacktrace|\bat .+\(.+:\d+:\d+\)/i);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  test('is logged with its original message for the operator', async () => {
    // Prepare
    const stores = stubStores();
    const failure = new Error(AWS_MESSAGE);
    stores.products.getById.mockRejectedValue(failure);

    // Act
    await execute(server, stubContext(stores), '{ product(id: "a") { id } }');

    // Assess
    expect(loggedError).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ error: failure }));
  });

  test('nulls only the failing nullable field: sibling fields still resolve', async () => {
    // Prepare
    const stores = stubStores();
    stores.products.getById.mockRejectedValue(new Error(AWS_MESSAGE));

    // Act
    const result = await execute(
      server,
      stubContext(stores),
      '{ product(id: "a") { id } products(first: 1) { nodes { id } } }',
    );

    // Assess
    expect(result).toEqual({
      data: { product: null, products: { nodes: [] } },
      errors: [
        {
          message: 'Internal server error',
          path: ['product'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
      extensions: costExtensions({ dynamoDbCallLimit: null }),
    });
  });
});

describe('a client error', () => {
  test('keeps its message and code through the masking formatter', async () => {
    // Prepare
    const server = createApolloServer({ production: true, enableSandbox: false });
    const stores = stubStores();

    // Act
    const result = await execute(
      server,
      stubContext(stores, ALICE),
      'mutation { applyPromotionCode(code: "nope") { total } }',
    );
    await server.stop();

    // Assess
    expect(result.errors?.[0]).toMatchObject({
      message: 'Unknown promotion code "NOPE"',
      extensions: { code: 'BAD_USER_INPUT', field: 'promotionCode' },
    });
  });
});
