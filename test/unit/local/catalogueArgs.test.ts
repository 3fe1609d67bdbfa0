import { parseCommandLine } from '../../../local/catalogueArgs';

/** The catalogue command line: what it accepts, and the usage errors that never show the token. */
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
