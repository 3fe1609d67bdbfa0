import type { CostReport } from '../../src/graphql/costLimit';
import { DEFAULT_LIMITS } from '../../src/graphql/operationLimits';

/**
 * The `extensions` of every response the GraphQL server answers (src/graphql/costLimit.ts): the
 * cost report, and nothing else. For whole-body comparisons:
 * `expect(body).toEqual({ data, extensions: costExtensions() })`.
 *
 * What a test does not state is what a Lambda request with the default limits reports: any number
 * for `requested` and `dynamoDbCalls`, the default `limit` and `dynamoDbCallLimit`. State
 * `requested: null` for a request refused before it was priced, and `dynamoDbCallLimit: null` for
 * `executeOperation` outside a Lambda request.
 */
export function costExtensions(cost: Partial<CostReport> = {}): { cost: CostReport } {
  return {
    cost: {
      requested: expect.any(Number),
      limit: DEFAULT_LIMITS.maxCost,
      dynamoDbCalls: expect.any(Number),
      dynamoDbCallLimit: DEFAULT_LIMITS.maxDynamoCalls,
      ...cost,
    },
  };
}

/**
 * A raw response body with its cost report checked (as `costExtensions(cost)`) and taken out, to
 * scan the rest for leaks: the report's own keys (`dynamoDbCalls`) would match /dynamodb/i.
 */
export function bodyWithoutCost(rawBody: string | undefined, cost: Partial<CostReport> = {}): string {
  const { extensions, ...rest } = JSON.parse(rawBody ?? '') as Record<string, unknown>;
  expect(extensions).toEqual(costExtensions(cost));
  return JSON.stringify(rest);
}
