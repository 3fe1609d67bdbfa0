import { TABLE_KEYS, type TableNames } from '../../../src/datasources/tableDefinitions';
import { bodyWithoutCost, costExtensions } from '../../support/cost';
import { graphqlPost, lambdaContext } from '../../support/events';
import { PRODUCTION_MODE, useTestApp } from '../../support/fixtures';
import { captureLogs, LOGGING, requestLines } from '../../support/logCapture';

/**
 * A deployment whose tables are missing (a misconfigured stage): every DynamoDB call fails with
 * an AWS error that names the table. In production the client learns only that the server failed
 * and which request id to quote; the operator finds the cause under that id.
 */
const MISSING: TableNames = Object.fromEntries(
  TABLE_KEYS.map((key) => [key, `missing-${key}-table`]),
) as TableNames;

const app = useTestApp({ config: { ...PRODUCTION_MODE, tables: MISSING, observability: LOGGING } });

describe('an unexpected failure in production', () => {
  test('reaches the client as a generic INTERNAL_SERVER_ERROR with the request id', async () => {
    // Act
    const { result } = await captureLogs(() =>
      app.handler(
        graphqlPost({ query: '{ products(first: 1) { nodes { id } } }' }),
        lambdaContext('req-broken'),
      ),
    );

    // Assess
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({
      data: null,
      errors: [
        {
          message: 'Internal server error',
          path: ['products'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-broken' },
        },
      ],
      // One Query, the one that failed.
      extensions: costExtensions({ requested: 1, dynamoDbCalls: 1 }),
    });
  });

  test('leaks no table name, AWS error or stack trace', async () => {
    // Act
    const { result } = await captureLogs(() =>
      app.handler(
        graphqlPost({ query: '{ cart { itemCount } }' }, { token: app.tokenFor('alice') }),
        lambdaContext(),
      ),
    );

    // Assess
    expect(bodyWithoutCost(result.body)).not.toMatch(
      /missing-|ResourceNotFound|dynamodb|\bat .+:\d+:\d+|stacktrace/i,
    );
  });

  test('logs the cause at ERROR under the same request id, next to the request line', async () => {
    // Act
    const { logs } = await captureLogs(() =>
      app.handler(
        graphqlPost({ query: 'query Catalogue { products(first: 1) { nodes { id } } }' }),
        lambdaContext('req-cause'),
      ),
    );

    // Assess
    const errors = logs.lines.filter((line) => line.level === 'ERROR');
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Unexpected error while serving a GraphQL request',
        requestId: 'req-cause',
        path: 'products',
        error: expect.objectContaining({ name: 'ResourceNotFoundException' }),
      }),
    ]);
    expect(requestLines(logs)).toEqual([
      expect.objectContaining({
        requestId: 'req-cause',
        operationName: 'Catalogue',
        errorCodes: ['INTERNAL_SERVER_ERROR'],
      }),
    ]);
  });
});
