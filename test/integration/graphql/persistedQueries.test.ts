import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_PERSISTED_QUERY_BOUNDS } from '../../../src/datasources/PersistedQueryStore';
import { createLambdaHandler } from '../../../src/transport/lambdaHandler';
import { costExtensions } from '../../support/cost';
import { lambdaContext } from '../../support/events';
import { LONELY_BIRD, PRODUCTION_MODE, useTestApp } from '../../support/fixtures';
import { apqGet, apqPost, sha256 } from '../../support/persistedQueries';
import { errorCodes } from '../../support/storeApi';
import { parseResult } from '../../support/testApp';

/**
 * Automatic persisted queries through the real handler, over DynamoDB Local: the protocol, the
 * table shared by Lambda instances, GET for CDN-cacheable reads, and the store's bounds.
 */

const PRODUCT = 'query Product($id: ID!) { product(id: $id) { id name price } }';
const PRODUCT_HASH = sha256(PRODUCT);
const VARIABLES = { id: 'lonely-bird' };
const PRODUCT_DATA = { product: { id: 'lonely-bird', name: 'Lonely Bird', price: 2999 } };

const app = useTestApp({ config: PRODUCTION_MODE, products: [LONELY_BIRD] });

const registered = () => app.scan('persistedQueries');

/** Runs `act` and asserts that no table but the persisted-query cache changed. */
async function withoutDataWrites<T>(act: () => Promise<T>): Promise<T> {
  const { persistedQueries: _before, ...before } = await app.snapshot();
  const result = await act();
  const { persistedQueries: _after, ...after } = await app.snapshot();
  expect(after).toEqual(before);
  return result;
}

describe('automatic persisted queries', () => {
  test('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND and registers nothing', async () => {
    // Prepare
    const hash = sha256('{ products(first: 1) { nodes { id } } }');

    // Act
    const result = parseResult(await app.invoke(apqPost({ hash })));

    // Assess: the protocol's answer (200, and a code the client reacts to by sending the query).
    expect(result.status).toBe(200);
    expect(errorCodes(result)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(result.headers['cache-control']).toBe('private, no-cache, must-revalidate');
    expect((await registered()).map((item) => item.hash)).not.toContain(hash);
  });

  test('registers a query sent with its hash, then runs it from the hash alone', async () => {
    // Prepare
    const before = Math.floor(Date.now() / 1000);

    // Act
    const registering = parseResult(
      await app.invoke(apqPost({ hash: PRODUCT_HASH, query: PRODUCT, variables: VARIABLES })),
    );
    const hashOnly = parseResult(await app.invoke(apqPost({ hash: PRODUCT_HASH, variables: VARIABLES })));

    // Assess
    expect(registering.body).toEqual({ data: PRODUCT_DATA, extensions: costExtensions() });
    expect(hashOnly.body).toEqual({ data: PRODUCT_DATA, extensions: costExtensions() });
    const item = (await registered()).find((candidate) => candidate.hash === PRODUCT_HASH);
    expect(item).toEqual({ hash: PRODUCT_HASH, query: PRODUCT, expiresAt: expect.any(Number) });
    const lifetime = Number(item?.expiresAt) - before;
    expect(lifetime).toBeGreaterThanOrEqual(DEFAULT_PERSISTED_QUERY_BOUNDS.ttlSeconds);
    expect(lifetime).toBeLessThanOrEqual(DEFAULT_PERSISTED_QUERY_BOUNDS.ttlSeconds + 5);
  });

  test('serves a hash registered through one Lambda instance from a freshly started one', async () => {
    // Prepare: a query only the first instance has seen.
    const query = '{ products(first: 1) { nodes { name } } }';
    const hash = sha256(query);
    expect(parseResult(await app.invoke(apqPost({ hash, query }))).body.data).toBeDefined();

    // Act: a new instance (its own server, DynamoDB client and empty memory) on the same tables.
    const coldInstance = createLambdaHandler(app.config);
    const result = parseResult(await coldInstance(apqPost({ hash }), lambdaContext()));

    // Assess
    expect(result.body).toEqual({
      data: { products: { nodes: [{ name: 'Lonely Bird' }] } },
      extensions: costExtensions(),
    });
  });

  test('runs a persisted query over GET, with every parameter in the URL, as a cacheable public read', async () => {
    // Prepare
    await app.invoke(apqPost({ hash: PRODUCT_HASH, query: PRODUCT, variables: VARIABLES }));

    // Act
    const result = parseResult(await app.invoke(apqGet({ hash: PRODUCT_HASH, variables: VARIABLES })));

    // Assess
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: PRODUCT_DATA, extensions: costExtensions() });
    expect(result.headers['cache-control']).toBe('public, max-age=60');
  });

  test('refuses a persisted GET without a preflight header as a possible CSRF', async () => {
    // Act
    const result = parseResult(
      await app.invoke(apqGet({ hash: PRODUCT_HASH, variables: VARIABLES }, { preflight: false })),
    );

    // Assess
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    expect(result.headers['cache-control']).toBe('no-store');
  });

  test('refuses a persisted mutation over GET with 405, and writes nothing', async () => {
    // Prepare: registered through a POST that fails harmlessly (anonymous: UNAUTHENTICATED).
    const mutation = 'mutation { addToCart(productId: "lonely-bird", quantity: 1) { itemCount } }';
    const hash = sha256(mutation);
    const registering = parseResult(await app.invoke(apqPost({ hash, query: mutation })));
    expect(errorCodes(registering)).toEqual(['UNAUTHENTICATED']);
    expect((await registered()).map((item) => item.hash)).toContain(hash);

    // Act: a cross-site GET would carry the victim's token.
    const result = await withoutDataWrites(async () =>
      parseResult(await app.invoke(apqGet({ hash, token: app.tokenFor('get-victim') }))),
    );

    // Assess
    expect(result.status).toBe(405);
    expect(result.headers.allow).toBe('POST');
    expect(result.body.errors?.[0]?.message).toBe(
      'GET requests only support query operations, not mutation operations',
    );
  });

  test('refuses a query sent with a hash that is not its own with 400, registering nothing', async () => {
    // Prepare
    const query = '{ products(first: 2) { nodes { id } } }';
    const wrongHash = sha256(`${query} `);

    // Act
    const result = parseResult(await app.invoke(apqPost({ hash: wrongHash, query })));

    // Assess
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }],
      // Refused before it was priced, without a lookup or a registration.
      extensions: costExtensions({ requested: null, dynamoDbCalls: 0 }),
    });
    expect((await registered()).map((item) => item.hash)).not.toContain(wrongHash);
  });

  test('treats a registration past its expiry as unknown, though DynamoDB has not deleted it yet', async () => {
    // Prepare: DynamoDB removes expired items lazily, up to days late.
    const query = '{ product(id: "lonely-bird") { price } }';
    const hash = sha256(query);
    const expiresAt = Math.floor(Date.now() / 1000) - 1;
    await app.db.send(
      new PutCommand({ TableName: app.tables.persistedQueries, Item: { hash, query, expiresAt } }),
    );

    // Act
    const result = parseResult(await app.invoke(apqPost({ hash })));

    // Assess
    expect(errorCodes(result)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  test.each([
    ['a 60,000-character hash', 'a'.repeat(60_000)],
    ['a hash that is not hexadecimal', 'z'.repeat(64)],
    ['an upper-case hash', PRODUCT_HASH.toUpperCase()],
  ])('answers %s as unknown, and registers nothing even when a query comes with it', async (_name, hash) => {
    // Act
    const lookup = parseResult(await app.invoke(apqPost({ hash })));
    const registering = parseResult(
      await app.invoke(apqPost({ hash, query: PRODUCT, variables: VARIABLES })),
    );

    // Assess
    expect(errorCodes(lookup)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(registering.status).toBe(400);
    expect(registering.body.errors?.[0]?.message).toBe('provided sha does not match query');
    expect((await registered()).map((item) => item.hash)).not.toContain(hash);
  });

  test('runs but never registers a document over the size bound, nor one that fails validation', async () => {
    // Prepare: a valid query padded by a comment past 8 KB, and an invalid one.
    const large = `${'#'.repeat(DEFAULT_PERSISTED_QUERY_BOUNDS.maxQueryBytes)}\n{ products(first: 1) { nodes { id } } }`;
    const invalid = '{ products(first: 1) { nodes { unknownField } } }';

    // Act
    const ran = parseResult(await app.invoke(apqPost({ hash: sha256(large), query: large })));
    const refused = parseResult(await app.invoke(apqPost({ hash: sha256(invalid), query: invalid })));
    const lookup = parseResult(await app.invoke(apqPost({ hash: sha256(large) })));

    // Assess
    expect(ran.body).toEqual({
      data: { products: { nodes: [{ id: 'lonely-bird' }] } },
      extensions: costExtensions(),
    });
    expect(errorCodes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(errorCodes(lookup)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const hashes = (await registered()).map((item) => item.hash);
    expect(hashes).not.toContain(sha256(large));
    expect(hashes).not.toContain(sha256(invalid));
  });

  test('keeps answering when the persisted-query table is unavailable: lookups miss, queries run', async () => {
    // Prepare: an instance whose table does not exist (every call to it fails).
    const broken = createLambdaHandler({
      ...app.config,
      tables: { ...app.tables, persistedQueries: `${app.tables.persistedQueries}-missing` },
    });
    const query = '{ products(first: 1) { nodes { price } } }';

    // Act
    const lookup = parseResult(await broken(apqPost({ hash: sha256(query) }), lambdaContext()));
    const registering = parseResult(await broken(apqPost({ hash: sha256(query), query }), lambdaContext()));

    // Assess
    expect(errorCodes(lookup)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(registering.body).toEqual({
      data: { products: { nodes: [{ price: 2999 }] } },
      extensions: costExtensions(),
    });
  });
});
