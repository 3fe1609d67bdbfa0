import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PersistedQueryCache } from '../../../src/graphql/persistedQueries';
import {
  DEFAULT_PERSISTED_QUERY_BOUNDS,
  PersistedQueryStore,
} from '../../../src/datasources/PersistedQueryStore';
import { createApolloServer } from '../../../src/graphql/server';
import { within } from '../../support/deadline';
import { fakeDocumentClient } from '../../support/fakeDynamo';
import { sha256 } from '../../support/persistedQueries';
import { product, stubContext, stubStores } from '../../support/stubContext';

const QUERY = '{ products(first: 1) { nodes { id } } }';
const HASH = sha256(QUERY);
const NOW_MS = Date.UTC(2026, 10, 22);
const NOW_S = NOW_MS / 1000;

type Send = (command: unknown) => Promise<unknown>;

/** A store over a document client whose `send` a test scripts. */
function storeWith(send: Send) {
  const sendMock = jest.fn(send);
  const client = fakeDocumentClient(sendMock);
  return {
    store: new PersistedQueryStore(client, 'apq', DEFAULT_PERSISTED_QUERY_BOUNDS, () => NOW_MS),
    send: sendMock,
  };
}

function deferred() {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('PersistedQueryStore', () => {
  test.each([
    ['a longer key', `${HASH}0`],
    ['an upper-case hash', HASH.toUpperCase()],
    ["Apollo's prefixed key", `apq:${HASH}`],
  ])('looks nothing up, and writes nothing, for %s', async (_name, key) => {
    // Prepare
    const { store, send } = storeWith(async () => ({}));

    // Act
    const found = await store.get(key);
    await store.set(key, QUERY);

    // Assess
    expect(found).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });

  test('reads a registered query from DynamoDB once, then from the instance’s memory', async () => {
    // Prepare
    const { store, send } = storeWith(async () => ({
      Item: { hash: HASH, query: QUERY, expiresAt: NOW_S + 60 },
    }));

    // Act
    const first = await store.get(HASH);
    const second = await store.get(HASH);

    // Assess
    expect([first, second]).toEqual([QUERY, QUERY]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toBeInstanceOf(GetCommand);
  });

  test.each([
    ['expired a second ago', { hash: HASH, query: QUERY, expiresAt: NOW_S - 1 }],
    ['whose text does not hash to its key', { hash: HASH, query: `${QUERY} `, expiresAt: NOW_S + 60 }],
    ['without an expiry', { hash: HASH, query: QUERY }],
  ])('treats an item %s as unknown', async (_name, item) => {
    // Prepare
    const { store } = storeWith(async () => ({ Item: item }));

    // Act
    const found = await store.get(HASH);

    // Assess
    expect(found).toBeUndefined();
  });

  test.each([
    ['no TTL asked', undefined, DEFAULT_PERSISTED_QUERY_BOUNDS.ttlSeconds],
    ['a shorter TTL', 60, 60],
    ['a TTL over the bound', 10 * 365 * 24 * 3600, DEFAULT_PERSISTED_QUERY_BOUNDS.ttlSeconds],
  ])('registers with %s an item that expires within the bound', async (_name, ttl, lifetime) => {
    // Prepare
    const { store, send } = storeWith(async () => ({}));

    // Act
    await store.set(HASH, QUERY, ttl === undefined ? undefined : { ttl });

    // Assess
    const command = send.mock.calls[0]?.[0];
    expect(command).toBeInstanceOf(PutCommand);
    expect((command as PutCommand).input).toEqual({
      TableName: 'apq',
      Item: { hash: HASH, query: QUERY, expiresAt: NOW_S + lifetime },
    });
  });

  test('never writes a query over the size bound', async () => {
    // Prepare
    const { store, send } = storeWith(async () => ({}));
    const large = `${QUERY}${' '.repeat(DEFAULT_PERSISTED_QUERY_BOUNDS.maxQueryBytes)}`;

    // Act
    await store.set(sha256(large), large);

    // Assess
    expect(send).not.toHaveBeenCalled();
  });

  test('flush waits for a registration still being written', async () => {
    // Prepare
    const write = deferred();
    const { store } = storeWith(() => write.promise);
    void store.set(HASH, QUERY);
    let flushed = false;

    // Act
    const flushing = store.flush().then(() => (flushed = true));
    await new Promise((resolve) => setImmediate(resolve));
    const beforeRelease = flushed;
    write.release();
    await flushing;

    // Assess
    expect([beforeRelease, flushed]).toEqual([false, true]);
  });

  test('refuses to delete: entries only expire', async () => {
    // Prepare
    const { store } = storeWith(async () => ({}));

    // Act
    const deleting = store.delete();

    // Assess
    await expect(deleting).rejects.toThrow('Persisted queries expire; they are never deleted');
  });
});

describe('persisted-query registration', () => {
  test('answers a registering request only once its registration is written', async () => {
    // Prepare: a cache whose write the test releases, and that tells when the response asks for it.
    const write = deferred();
    const flushAsked = deferred();
    const cache: PersistedQueryCache = {
      get: async () => undefined,
      set: () => write.promise,
      delete: async () => undefined,
      flush: () => {
        flushAsked.release();
        return write.promise;
      },
    };
    const server = createApolloServer({ production: false, enableSandbox: false, persistedQueries: cache });
    const contextValue = stubContext(stubStores({ products: [product({ id: 'a' })] }));
    const events: string[] = [];

    // Act: once the response asks for the flush (or comes without it), one turn of the event loop
    // runs every continuation that does not wait for the write; only then is the write released.
    const answering = server
      .executeOperation(
        { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } },
        { contextValue },
      )
      .then((response) => {
        events.push('answered');
        return response;
      });
    await within(Promise.race([flushAsked.promise, answering]), 2_000, 'flush request or answer');
    await new Promise((resolve) => setImmediate(resolve));
    events.push('written');
    write.release();
    const response = await answering;
    await server.stop();

    // Assess
    expect(events).toEqual(['written', 'answered']);
    expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({
      products: { nodes: [{ id: 'a' }] },
    });
  });
});
