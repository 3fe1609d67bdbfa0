import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { apiGatewayEvent, graphqlPost, lambdaContext } from '../../support/events';
import { LONELY_BIRD, useTestApp } from '../../support/fixtures';
import { captureLogs, LOGGING, requestLines } from '../../support/logCapture';

const app = useTestApp({ config: { observability: LOGGING }, products: [LONELY_BIRD] });

const ADD_COMMENT = `mutation AddComment($id: ID!, $text: String!) {
  addComment(productId: $id, text: $text) { id }
}`;
/** Personal data a customer might type: it must reach DynamoDB, never the log. */
const PERSONAL_TEXT = 'Call me on +44 7700 900123, Alice Liddell';

describe('the request log', () => {
  test('writes one JSON line per request: request id, operation, status, duration, codes, DynamoDB calls', async () => {
    // Prepare
    const token = app.tokenFor('log-alice', 'Alice');
    const event = graphqlPost(
      { query: ADD_COMMENT, variables: { id: 'lonely-bird', text: PERSONAL_TEXT } },
      { token },
    );

    // Act
    const { result, logs } = await captureLogs(() => app.handler(event, lambdaContext('req-comment')));

    // Assess
    expect(result.statusCode).toBe(200);
    expect(requestLines(logs)).toEqual([
      {
        level: 'INFO',
        message: 'request',
        service: 'store-api',
        timestamp: expect.any(String),
        sampling_rate: 0,
        requestId: 'req-comment',
        operationName: 'AddComment',
        statusCode: 200,
        durationMs: expect.any(Number),
        errorCodes: [],
        // The author's orders (is it a verified purchase?), the product's recent comments, then the
        // comment's transaction.
        dynamoCalls: 3,
      },
    ]);
  });

  test('never contains the token, the Authorization header or the variables', async () => {
    // Prepare
    const token = app.tokenFor('log-bob', 'Bob');
    const signature = token.split('.')[2] ?? '';
    const event = graphqlPost(
      { query: ADD_COMMENT, variables: { id: 'lonely-bird', text: PERSONAL_TEXT } },
      { token },
    );

    // Act
    const { logs } = await captureLogs(() => app.handler(event, lambdaContext('req-private')));

    // Assess
    expect(requestLines(logs)).toHaveLength(1);
    expect(logs.text).not.toContain(signature);
    expect(logs.text).not.toContain(token.split('.')[1]);
    expect(logs.text).not.toMatch(/authorization|bearer/i);
    expect(logs.text).not.toContain('7700 900123');
    expect(logs.text).not.toContain('Liddell');
  });

  test('gives the error codes of a refused token, with no operation and no DynamoDB call', async () => {
    // Prepare
    const event = graphqlPost({ query: '{ cart { itemCount } }' }, { token: 'not-a-jwt' });

    // Act
    const { logs } = await captureLogs(() => app.handler(event, lambdaContext('req-bad-token')));

    // Assess
    expect(requestLines(logs)).toEqual([
      expect.objectContaining({
        requestId: 'req-bad-token',
        operationName: '(none)',
        statusCode: 401,
        errorCodes: ['UNAUTHENTICATED'],
        dynamoCalls: 0,
      }),
    ]);
    expect(logs.text).not.toContain('not-a-jwt');
  });

  test('logs transport refusals too: an oversized body', async () => {
    // Prepare
    const event = apiGatewayEvent({ body: ' '.repeat(DEFAULT_LIMITS.maxBodyBytes + 1) });

    // Act
    const { logs } = await captureLogs(() => app.handler(event, lambdaContext('req-too-big')));

    // Assess
    expect(requestLines(logs)).toEqual([
      expect.objectContaining({ requestId: 'req-too-big', statusCode: 413, errorCodes: ['BAD_REQUEST'] }),
    ]);
  });

  test('names an anonymous operation and lists every error code of a partial failure', async () => {
    // Prepare: the cart needs a token; the product does not.
    const event = graphqlPost({ query: '{ product(id: "lonely-bird") { name } cart { itemCount } }' });

    // Act
    const { logs } = await captureLogs(() => app.handler(event, lambdaContext('req-partial')));

    // Assess
    expect(requestLines(logs)).toEqual([
      expect.objectContaining({
        operationName: '(anonymous)',
        statusCode: 200,
        errorCodes: ['UNAUTHENTICATED'],
      }),
    ]);
  });

  test('counts each request’s own DynamoDB calls while requests run concurrently', async () => {
    // Prepare: a product and a cart read (one BatchGetItem, one GetItem), and a request with none.
    const token = app.tokenFor('log-carol');
    const reading = graphqlPost(
      { query: 'query Reads { product(id: "lonely-bird") { name } cart { itemCount } }' },
      { token },
    );
    const idle = graphqlPost({ query: 'query Idle { __typename }' });

    // Act
    const { logs } = await captureLogs(() =>
      Promise.all(
        Array.from({ length: 5 }, (_, index) => [
          app.handler(reading, lambdaContext(`reads-${index}`)),
          app.handler(idle, lambdaContext(`idle-${index}`)),
        ]).flat(),
      ),
    );

    // Assess
    const calls = Object.fromEntries(requestLines(logs).map((line) => [line.requestId, line.dynamoCalls]));
    expect(calls).toEqual({
      ...Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`reads-${index}`, 2])),
      ...Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`idle-${index}`, 0])),
    });
  });
});
