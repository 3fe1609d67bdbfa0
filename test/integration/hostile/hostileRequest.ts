import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { apiGatewayEvent, graphqlPost, type GraphQLRequest } from '../../support/events';
import { STAFF_GROUP } from '../../../src/auth/tokenVerifier';
import { LONELY_BIRD } from '../../support/fixtures';
import type { TestApp } from '../../support/testApp';

/**
 * Requests an attacker, a scanner or a broken client sends to a public GraphQL endpoint, after
 * the OWASP GraphQL Cheat Sheet and graphql-armor's protections. Each names the answer it must
 * get: the HTTP status and the `extensions.code` of its errors (null: answered without error, for
 * inputs that are harmless by construction, such as an id that names nothing).
 * Tokens are minted for the run's user pool (local/poolTokens.ts), so each JWT variant differs from a valid
 * token in one way only.
 */
export interface HostileCase {
  name: string;
  event: (app: TestApp) => APIGatewayProxyEventV2;
  status: number;
  code: string | null;
  /** For refusals by a limit: the message that names it, so no other rule can pass for it. */
  message?: RegExp;
}

/** The signed-in victim whose cart the write attempts target. */
export const VICTIM = 'victim';
export const PRODUCT_ID = LONELY_BIRD.id;

export const HUGE = 'x'.repeat(60_000);
export const ADD_TO_CART =
  'mutation Add($id: ID!, $n: Int) { addToCart(productId: $id, quantity: $n) { itemCount } }';

/** A POST of `body`, whatever it holds, declared as JSON. */
export const json = (body: string) => apiGatewayEvent({ body });

/** A valid GraphQL request body of exactly `bytes` bytes (padded with an unused variable). */
export function jsonOfSize(bytes: number): string {
  const base = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
  return base.replace('"pad":""', `"pad":"${'x'.repeat(bytes - base.length)}"`);
}

/** A JSON POST, signed in as the victim. */
export const signed =
  (request: GraphQLRequest) =>
  (app: TestApp): APIGatewayProxyEventV2 =>
    graphqlPost(request, { token: app.tokenFor(VICTIM, 'Victim') });

/** A JSON POST, signed in as a member of the staff group. */
export const staffSigned =
  (request: GraphQLRequest) =>
  (app: TestApp): APIGatewayProxyEventV2 =>
    graphqlPost(request, {
      token: app.tokenFor('hostile-staff', 'Staff', { 'cognito:groups': [STAFF_GROUP] }),
    });

export const anonymous = (request: GraphQLRequest) => () => graphqlPost(request);

/** A request refused by a limit, with the message that names the limit. */
export interface LimitedRequest {
  event: HostileCase['event'];
  message: RegExp;
}

/** Cases that all get one answer: each name with its request (or its refusal by a limit). */
export function answered(
  status: number,
  code: string | null,
  cases: Record<string, HostileCase['event'] | LimitedRequest>,
): HostileCase[] {
  return Object.entries(cases).map(([name, request]) =>
    typeof request === 'function'
      ? { name, event: request, status, code }
      : { name, ...request, status, code },
  );
}
