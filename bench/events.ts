import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { graphqlPost } from '../test/support/events';

/**
 * An API Gateway HTTP API (payload 2.0) POST /query, as AWS delivers it to the function: the
 * tests' event factory (test/support/events.ts), so the benchmark times the requests they check.
 */
export function graphqlEvent(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
): APIGatewayProxyEventV2 {
  return graphqlPost({ query, variables }, { token });
}
