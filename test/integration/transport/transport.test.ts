import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { costExtensions } from '../../support/cost';
import { apiGatewayEvent, graphqlPost } from '../../support/events';
import { LONELY_BIRD, useTestApp } from '../../support/fixtures';

const app = useTestApp({ products: [LONELY_BIRD] });

const PRODUCTS = '{ products(first: 1) { nodes { id name price } } }';
const ADD_TO_CART = 'mutation { addToCart(productId: "lonely-bird", quantity: 1) { itemCount } }';
const CSRF_MESSAGE = /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)/;

function parse(body: string | undefined): {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: unknown }>;
  extensions?: unknown;
} {
  return JSON.parse(body ?? '') as {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: unknown }>;
    extensions?: unknown;
  };
}

async function invokeWithoutWrites(event: APIGatewayProxyEventV2) {
  const before = await app.snapshot();
  const result = await app.invoke(event);
  expect(await app.snapshot()).toEqual(before);
  return result;
}

describe('the HTTP transport', () => {
  test('answers a JSON POST with 200 and the data', async () => {
    // Act
    const result = await app.invoke(graphqlPost({ query: PRODUCTS }));

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(parse(result.body)).toEqual({
      data: { products: { nodes: [{ id: 'lonely-bird', name: 'Lonely Bird', price: 2999 }] } },
      extensions: costExtensions(),
    });
  });

  test('decodes a base64-encoded body and gives the same answer as the plain one', async () => {
    // Prepare
    const plain = graphqlPost({ query: PRODUCTS });
    const encoded = {
      ...plain,
      body: Buffer.from(plain.body ?? '').toString('base64'),
      isBase64Encoded: true,
    };

    // Act
    const [fromPlain, fromEncoded] = [await app.invoke(plain), await app.invoke(encoded)];

    // Assess
    expect(fromEncoded.statusCode).toBe(200);
    expect(fromEncoded.body).toBe(fromPlain.body);
  });

  test('serves the Sandbox landing page to a browser GET that accepts text/html', async () => {
    // Act
    const result = await app.invoke(apiGatewayEvent({ method: 'GET', headers: { accept: 'text/html' } }));

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toBe('text/html');
    expect(result.body).toMatch(/^\s*<!DOCTYPE html>/);
    expect(result.body).toContain('embeddable-sandbox');
  });

  test('runs a query from the GET query string when apollo-require-preflight is set', async () => {
    // Prepare
    const event = apiGatewayEvent({
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true' },
      query: { query: '{products(first:1){nodes{id}}}' },
    });

    // Act
    const result = await app.invoke(event);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(parse(result.body)).toEqual({
      data: { products: { nodes: [{ id: 'lonely-bird' }] } },
      extensions: costExtensions(),
    });
  });

  test('refuses a GET query without a preflight header as a possible CSRF with 400', async () => {
    // Act
    const result = await app.invoke(
      apiGatewayEvent({ method: 'GET', query: { query: '{products(first:1){nodes{id}}}' } }),
    );

    // Assess
    expect(result.statusCode).toBe(400);
    expect(parse(result.body).errors?.[0]?.message).toMatch(CSRF_MESSAGE);
  });

  test('answers a malformed JSON body with a GraphQL-shaped JSON 400, not plain text', async () => {
    // Prepare
    const event = apiGatewayEvent({ body: '{"query": ' });

    // Act
    const result = await app.invoke(event);

    // Assess: left alone, the integration answers with the parser's message as plain text.
    expect(result.statusCode).toBe(400);
    expect(result.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(parse(result.body)).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  test('refuses a text/plain POST as a possible CSRF with 400 and writes nothing', async () => {
    // Prepare
    const event = apiGatewayEvent({
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${app.tokenFor('csrf-victim')}` },
      body: JSON.stringify({ query: ADD_TO_CART }),
    });

    // Act
    const result = await invokeWithoutWrites(event);

    // Assess
    expect(result.statusCode).toBe(400);
    const body = parse(result.body);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toMatch(CSRF_MESSAGE);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  test('refuses a mutation sent over GET with 405 and writes nothing', async () => {
    // Prepare
    const event = apiGatewayEvent({
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${app.tokenFor('get-victim')}` },
      query: { query: ADD_TO_CART },
    });

    // Act
    const result = await invokeWithoutWrites(event);

    // Assess
    expect(result.statusCode).toBe(405);
    expect(result.headers?.allow).toBe('POST');
    expect(parse(result.body)).toEqual({
      errors: [
        {
          message: 'GET requests only support query operations, not mutation operations',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
      // Refused before it was priced or ran.
      extensions: costExtensions({ requested: null, dynamoDbCalls: 0 }),
    });
  });

  test('writes the cart for the same mutation sent as a JSON POST, so the refusals above are meaningful', async () => {
    // Act
    const result = await app.graphql({ query: ADD_TO_CART }, { token: app.tokenFor('control') });

    // Assess
    expect(result.body).toEqual({ data: { addToCart: { itemCount: 1 } }, extensions: costExtensions() });
    expect((await app.scan('carts')).map((cart) => cart.userId)).toContain('control');
  });

  test('refuses a batched array of operations with 400', async () => {
    // Prepare
    const event = apiGatewayEvent({ body: JSON.stringify([{ query: PRODUCTS }, { query: PRODUCTS }]) });

    // Act
    const result = await app.invoke(event);

    // Assess
    expect(result.statusCode).toBe(400);
    expect(parse(result.body)).toEqual({
      errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});
