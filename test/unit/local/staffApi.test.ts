import { ApiError, StaffApi, StopError, type StaffApiOptions } from '../../../local/staffApi';

/**
 * How the catalogue import's client reads what comes back over HTTP, with fetch answering from a
 * script (the e2e suite talks to the real handler): what is retried, what stops the import, and
 * what is one product's refusal.
 */
const ENDPOINT = 'http://localhost:4000/query';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-payload.signature';

function answers(...responses: Array<Response | Error>): jest.SpyInstance {
  const spy = jest.spyOn(globalThis, 'fetch');
  for (const response of responses) {
    if (response instanceof Error) spy.mockRejectedValueOnce(response);
    else spy.mockResolvedValueOnce(response);
  }
  return spy;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const graphqlError = (code: string, message: string, field?: string, status = 200) =>
  json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] }, status);

/** The client's waits between attempts, recorded instead of slept. */
let waits: number[] = [];
const recordWait = (ms: number) => {
  waits.push(ms);
  return Promise.resolve();
};

const api = (options: StaffApiOptions = {}) =>
  new StaffApi(ENDPOINT, TOKEN, { retries: 2, retryDelayMs: 1, sleep: recordWait, ...options });

/** The error `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

beforeEach(() => {
  waits = [];
});
afterEach(() => jest.restoreAllMocks());

describe('StaffApi', () => {
  test('posts JSON with the Bearer token and reads the product, its categories by slug', async () => {
    const product = { id: 'mug', name: 'Mug', archived: true };
    const fetch = answers(json({ data: { product: { ...product, categories: [{ slug: 'kitchen' }] } } }));

    await expect(api().product('mug')).resolves.toEqual({ ...product, categories: ['kitchen'] });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toBe(ENDPOINT);
    expect(init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    });
    expect(JSON.parse(String(init?.body))).toMatchObject({ variables: { id: 'mug' } });
  });

  test('asks for each product’s categories, to compare them with the file’s', async () => {
    const fetch = answers(json({ data: { product: null } }));

    await expect(api().product('mug')).resolves.toBeNull();
    const { query } = JSON.parse(String(fetch.mock.calls[0]?.[1]?.body)) as { query: string };
    expect(query).toMatch(/categories \{ slug \}/);
  });

  test('reads the categories in the store’s order and sends the category mutations', async () => {
    const categories = [
      { slug: 'home', name: 'Home' },
      { slug: 'garden', name: 'Garden' },
    ];
    const fetch = answers(
      json({ data: { categories } }),
      json({ data: { createCategory: { slug: 'gifts' } } }),
      json({ data: { renameCategory: { slug: 'home' } } }),
      json({ data: { reorderCategories: [] } }),
    );
    const client = api();

    await expect(client.categories()).resolves.toEqual(categories);
    await client.createCategory({ slug: 'gifts', name: 'Gifts' });
    await client.renameCategory('home', 'Home & Living');
    await client.reorderCategories(['gifts', 'home', 'garden']);

    const sent = fetch.mock.calls.map(
      ([, init]) => JSON.parse(String(init?.body)) as { query: string; variables: unknown },
    );
    // Each operation's top field: what the API runs, whatever the operation is named.
    expect(sent.map((body) => /\{\s*(\w+)/.exec(body.query)?.[1])).toEqual([
      'categories',
      'createCategory',
      'renameCategory',
      'reorderCategories',
    ]);
    expect(sent.map((body) => body.variables)).toEqual([
      {},
      { input: { slug: 'gifts', name: 'Gifts' } },
      { slug: 'home', name: 'Home & Living' },
      { slugs: ['gifts', 'home', 'garden'] },
    ]);
  });

  test('a refused category mutation is an ApiError, a refused category list stops the import', async () => {
    answers(
      graphqlError('CONFLICT', 'A category with slug "home" already exists', 'slug'),
      json(
        {
          errors: [
            {
              message: 'Cannot query field "categories" on type "Query".',
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ],
        },
        400,
      ),
    );

    const refused = await failure(api().createCategory({ slug: 'home', name: 'Home' }));
    const stopped = await failure(api().categories());

    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).reason).toBe(
      'CONFLICT: A category with slug "home" already exists (field slug)',
    );
    expect(stopped).toBeInstanceOf(StopError);
    expect(stopped.message).toBe(
      'http://localhost:4000/query refused to list the categories: GRAPHQL_VALIDATION_FAILED: Cannot query field "categories" on type "Query".',
    );
  });

  test('tries again after a 429 or a 503, waiting as retry-after says', async () => {
    const fetch = answers(
      json({ message: 'Too Many Requests' }, 429, { 'retry-after': '2' }),
      json({ message: 'Service Unavailable' }, 503, { 'retry-after': '0' }),
      json({ data: { product: null } }),
    );

    await expect(api({ retryDelayMs: 250 }).product('mug')).resolves.toBeNull();
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([2000, 0]);
  });

  test('without retry-after, waits the first delay doubled each time; a long retry-after is capped at 10 s', async () => {
    answers(
      json({ message: 'Too Many Requests' }, 429),
      json({ message: 'Too Many Requests' }, 429),
      json({ message: 'Service Unavailable' }, 503, { 'retry-after': '3600' }),
      json({ data: { product: null } }),
    );

    await expect(api({ retries: 3, retryDelayMs: 250 }).product('mug')).resolves.toBeNull();
    expect(waits).toEqual([250, 500, 10_000]);
  });

  test('one product’s refusal is an ApiError with the code, message and field', async () => {
    answers(graphqlError('BAD_USER_INPUT', 'price must be a whole number from 0 to 2147483647', 'price'));

    const error = await failure(api().create({ id: 'a', name: 'A', code: 'A', price: -1 }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'price must be a whole number from 0 to 2147483647',
      field: 'price',
    });
  });

  test.each([
    {
      what: 'a shopper’s token',
      answer: () => graphqlError('FORBIDDEN', 'Staff only'),
      says: /not a staff token/,
    },
    {
      what: 'a token that fails verification',
      answer: () => graphqlError('UNAUTHENTICATED', 'Invalid token', undefined, 401),
      says: /the token was refused \(UNAUTHENTICATED: Invalid token\)/,
    },
    {
      what: 'an answer that is not GraphQL',
      answer: () => json({ message: 'Not Found' }, 404),
      says: /answered HTTP 404 .* not GraphQL: is it the API, ending in \/query\?/,
    },
    {
      what: 'an HTML page',
      answer: () => new Response('<html></html>', { status: 200 }),
      says: /answered HTTP 200 "<html><\/html>", not GraphQL/,
    },
    {
      what: 'throttling that does not end',
      answer: () => json({ message: 'Too Many Requests' }, 429),
      says: /answered HTTP 429/,
    },
    {
      what: 'a refused connection',
      answer: () =>
        Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED') }),
      says: /^cannot reach http:\/\/localhost:4000\/query: connect ECONNREFUSED$/,
    },
  ])('$what stops the import, never showing the token', async ({ answer, says }) => {
    answers(answer(), answer(), answer());

    const error = await failure(api().checkStaff());

    expect(error).toBeInstanceOf(StopError);
    expect(error.message).toMatch(says);
    expect(error.message).not.toContain(TOKEN);
  });

  test('names the endpoint without its credentials or query string', async () => {
    answers(new TypeError('fetch failed'));

    const error = await failure(new StaffApi('https://user:pw@api.example/query?key=k', TOKEN).checkStaff());

    expect(error.message).toBe('cannot reach https://api.example/query: fetch failed');
  });
});
