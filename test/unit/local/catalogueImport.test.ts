import { parseCommandLine } from '../../../local/catalogueArgs';
import { parseCatalogueFile, type StoredProduct } from '../../../local/catalogueFile';
import { exitCodeOf, importCatalogue, summaryLine, type CatalogueApi } from '../../../local/catalogueImport';
import { ApiError, StopError } from '../../../local/staffApi';

/**
 * The upsert loop over a plain fake of the staff API (the e2e suite runs it against the real
 * handler): what it reports, and how it ends when the API stops answering part-way.
 */
function fakeApi(stored: StoredProduct[], refuse: (id: string) => Error | undefined = () => undefined) {
  const products = new Map(stored.map((product) => [product.id, product]));
  const calls: string[] = [];
  const api: CatalogueApi = {
    checkStaff: async () => void calls.push('checkStaff'),
    async product(id) {
      calls.push(`product ${id}`);
      const refusal = refuse(id);
      if (refusal) throw refusal;
      return products.get(id) ?? null;
    },
    create: async (input) => void calls.push(`create ${input.id} ${JSON.stringify(input)}`),
    update: async (id, input) => void calls.push(`update ${id} ${JSON.stringify(input)}`),
  };
  return { api, calls };
}

const STORED: StoredProduct = {
  id: 'mug',
  name: 'Mug',
  description: null,
  image: null,
  code: 'M-1',
  price: 900,
  stock: 4,
  archived: false,
};
const entries = (...products: object[]) => parseCatalogueFile(JSON.stringify({ products }));

async function run(api: CatalogueApi, ...products: object[]) {
  const lines: string[] = [];
  const summary = await importCatalogue(api, entries(...products), (line) => lines.push(line));
  return { lines, summary };
}

describe('importCatalogue', () => {
  test('creates the absent, updates the changed (never the stock), and leaves the rest', async () => {
    const { api, calls } = fakeApi([STORED, { ...STORED, id: 'cup', archived: true }]);

    const { lines, summary } = await run(
      api,
      { id: 'plate', name: 'Plate', code: 'P-1', price: 1200 },
      { id: 'mug', name: 'Mug', code: 'M-1', price: 950, stock: 99 },
      { id: 'cup', name: 'Mug', code: 'M-1', price: 900 },
    );

    expect(lines).toEqual(['+ created plate', '~ updated mug (price)', '= unchanged cup [archived]']);
    expect(summary).toEqual({ created: 1, updated: 1, unchanged: 1, failed: 0, total: 3 });
    expect(calls).toEqual([
      'checkStaff',
      'product plate',
      'create plate {"id":"plate","name":"Plate","code":"P-1","price":1200,"stock":0}',
      'product mug',
      'update mug {"price":950}',
      'product cup',
    ]);
  });

  test('reports a product the API refuses with its code, message and field, and goes on', async () => {
    const { api } = fakeApi([], (id) =>
      id === 'taken' ? new ApiError('CONFLICT', 'A product with id "taken" already exists', 'id') : undefined,
    );

    const { lines, summary } = await run(
      api,
      { id: 'taken', name: 'T', code: 'T', price: 1 },
      { id: 'free', name: 'F', code: 'F', price: 1 },
    );

    expect(lines).toEqual([
      '! #1 taken: CONFLICT: A product with id "taken" already exists (field id)',
      '+ created free',
    ]);
    expect(exitCodeOf(summary)).toBe(1);
  });

  test('stops at the product where the API stopped answering, trying no more', async () => {
    const { api, calls } = fakeApi([], (id) =>
      id === 'second' ? new StopError('cannot reach http://localhost:4000/query: ECONNREFUSED') : undefined,
    );

    const { lines, summary } = await run(
      api,
      { id: 'first', name: 'F', code: 'F', price: 1 },
      { id: 'second', name: 'S', code: 'S', price: 1 },
      { id: 'third', name: 'T', code: 'T', price: 1 },
    );

    expect(lines).toEqual(['+ created first']);
    expect(summaryLine(summary)).toBe('1 created, 0 updated, 0 unchanged, 0 failed; stopped at #2 of 3');
    expect(summary.stopped?.reason).toBe('cannot reach http://localhost:4000/query: ECONNREFUSED');
    expect(calls).not.toContain('product third');
    expect(exitCodeOf(summary)).toBe(3);
  });

  test('sends nothing for the products when the staff check stops it', async () => {
    const { api, calls } = fakeApi([]);
    api.checkStaff = () => Promise.reject(new StopError('the token is not a staff token (FORBIDDEN)'));

    const { lines, summary } = await run(api, { id: 'a', name: 'A', code: 'A', price: 1 });

    expect(lines).toEqual([]);
    expect(calls).toEqual([]);
    expect(summaryLine(summary)).toBe(
      '0 created, 0 updated, 0 unchanged, 0 failed; stopped before the first product',
    );
  });
});

describe('summaryLine', () => {
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0, total: 0 };

  test.each([
    {
      summary: { ...counts, created: 3, updated: 1, unchanged: 10 },
      code: 0,
      line: '3 created, 1 updated, 10 unchanged, 0 failed',
    },
    {
      summary: { ...counts, unchanged: 10 },
      code: 0,
      line: '0 created, 0 updated, 10 unchanged, 0 failed: nothing to change',
    },
    { summary: counts, code: 0, line: '0 created, 0 updated, 0 unchanged, 0 failed: nothing to change' },
    {
      summary: { ...counts, created: 3, failed: 1 },
      code: 1,
      line: '3 created, 0 updated, 0 unchanged, 1 failed: fix the products marked ! and run it again',
    },
  ])('"$line", exit $code', ({ summary, line, code }) => {
    expect(summaryLine(summary)).toBe(line);
    expect(exitCodeOf(summary)).toBe(code);
  });
});

describe('parseCommandLine', () => {
  const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.payload.signature';

  test.each([
    [['import', 'c.json', '--endpoint', 'http://localhost:4000/query', '--token', TOKEN]],
    [['--token', TOKEN, 'import', '--endpoint=http://localhost:4000/query', 'c.json']],
    [['import', 'c.json', '--endpoint', 'http://localhost:4000/query', '--token', `Bearer ${TOKEN}\n`]],
  ])('reads %j', (args) => {
    expect(parseCommandLine(args)).toEqual({
      kind: 'import',
      file: 'c.json',
      endpoint: 'http://localhost:4000/query',
      token: TOKEN,
    });
  });

  test.each([
    [[], 'No command: the only one is import'],
    [[TOKEN], 'Unknown command: the only one is import'],
    [['import', '--endpoint', 'http://x/query', '--token', TOKEN], 'import needs the file to import'],
    [
      ['import', 'c.json', TOKEN, '--endpoint', 'http://x/query', '--token', 'x'],
      'import takes one file; 1 more argument(s) given',
    ],
    [['import', 'c.json', '--token', TOKEN], '--endpoint is required'],
    [
      ['import', 'c.json', '--endpoint', 'localhost:4000', '--token', TOKEN],
      '--endpoint must be an http(s) URL, such as http://localhost:4000/query',
    ],
    [['import', 'c.json', '--endpoint', 'http://x/query'], '--token (or STORE_STAFF_TOKEN) is required'],
    [['import', 'c.json', '--endpoint', 'http://x/query', '--token', ' '], '--token is empty'],
    [
      ['import', 'c.json', '--endpoint', 'http://x/query', '--token', `${TOKEN}\n${TOKEN}`],
      '--token must be one word of visible ASCII (an ID token)',
    ],
    [['import', 'c.json', '--endpoint', '--token', TOKEN], '--endpoint needs a value'],
    [['import', 'c.json', '--endpoint', 'http://x/query', '--token'], '--token needs a value'],
    [
      ['import', 'c.json', '--endpoint', 'http://x/query', '--token', TOKEN, '--token', TOKEN],
      '--token is given twice',
    ],
    [['import', 'c.json', `--tokn=${TOKEN}`], 'Unknown option --tokn'],
    [['import', 'c.json', '-t', TOKEN], 'Unknown option -t'],
  ])('%j is a usage error: %s (never showing the token)', (args, problem) => {
    expect(parseCommandLine(args)).toEqual({ kind: 'usage', problem });
    expect(problem).not.toContain(TOKEN);
  });

  test('takes the token from STORE_STAFF_TOKEN when the command line has none, and prefers --token', () => {
    const args = ['import', 'c.json', '--endpoint', 'http://localhost:4000/query'];

    expect(parseCommandLine(args, { STORE_STAFF_TOKEN: TOKEN })).toMatchObject({
      kind: 'import',
      token: TOKEN,
    });
    expect(parseCommandLine([...args, '--token', 'given'], { STORE_STAFF_TOKEN: TOKEN })).toMatchObject({
      token: 'given',
    });
    expect(parseCommandLine(args, {})).toEqual({
      kind: 'usage',
      problem: '--token (or STORE_STAFF_TOKEN) is required',
    });
  });

  test('--help anywhere asks for the usage', () => {
    expect(parseCommandLine(['import', '--help'])).toEqual({ kind: 'help' });
  });
});
