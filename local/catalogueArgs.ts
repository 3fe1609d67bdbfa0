/**
 * The catalogue command line: `import <file.json> --endpoint <url> --token <token>` (options in any
 * position, `--name value` or `--name=value`). Messages never repeat an argument's value, which
 * could be the token.
 */
export const USAGE = `Usage: npm run --silent catalogue -- import <file.json> --endpoint <url> --token <token>
(--silent: without it, npm prints the command line, token included)

Upserts the file's categories, by slug, then its products, by id, through the staff GraphQL API
(docs/catalogue-import.md).

  <file.json>       { "categories"?: [ { "slug", "name" } ],
                      "products": [ { "id", "name", "code", "price", "description"?, "image"?,
                                      "stock"?, "categories"?: [ "<slug>" ] } ] }
                    e.g. docs/examples/catalogue.json
  --endpoint <url>  the GraphQL URL: http://localhost:4000/query (npm start), or a stage's
                    <HttpApiUrl>/query
  --token <token>   a staff member's ID token (Cognito group "admin"); locally:
                    TOKEN=$(npm run --silent token -- sam Sam --admin)
                    Or leave it out and set STORE_STAFF_TOKEN: a command line is visible
                    to every user of the machine (ps) and stays in the shell's history.

Exit code: 0 everything is in, 1 some failed (the others are in), 2 usage or file error,
3 stopped (endpoint unreachable, token refused).`;

export type CommandLine =
  | { kind: 'import'; file: string; endpoint: string; token: string }
  | { kind: 'help' }
  | { kind: 'usage'; problem: string };

const OPTIONS = ['endpoint', 'token'] as const;
type Option = (typeof OPTIONS)[number];

/** Where the token may come from instead of the command line. */
export const TOKEN_VARIABLE = 'STORE_STAFF_TOKEN';

export function parseCommandLine(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): CommandLine {
  if (args.some((arg) => arg === '--help' || arg === '-h')) return { kind: 'help' };
  const values: Partial<Record<Option, string>> = {};
  const positionals: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [flag = '', inline] = splitOnce(arg);
    const name = flag.slice(2) as Option;
    if (!flag.startsWith('--') || !OPTIONS.includes(name)) {
      return usage(`Unknown option ${flag.slice(0, 30)}`);
    }
    const value = inline ?? args[++index];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return usage(`${flag} needs a value`);
    }
    if (values[name] !== undefined) return usage(`${flag} is given twice`);
    values[name] = value;
  }
  const [command, file, ...extra] = positionals;
  if (command === undefined) return usage('No command: the only one is import');
  if (command !== 'import') return usage('Unknown command: the only one is import');
  if (file === undefined || file === '') return usage('import needs the file to import');
  if (extra.length > 0) return usage(`import takes one file; ${extra.length} more argument(s) given`);
  const endpoint = values.endpoint;
  if (endpoint === undefined) return usage('--endpoint is required');
  if (!isHttpUrl(endpoint))
    return usage('--endpoint must be an http(s) URL, such as http://localhost:4000/query');
  const token = (values.token ?? env[TOKEN_VARIABLE])?.trim().replace(/^bearer\s+/i, '');
  if (token === undefined) return usage(`--token (or ${TOKEN_VARIABLE}) is required`);
  if (token === '') return usage('--token is empty');
  // An ID token is a JWT: base64url parts and dots. Anything else could not be sent as a header.
  if (!/^[\x21-\x7e]+$/.test(token)) return usage('--token must be one word of visible ASCII (an ID token)');
  return { kind: 'import', file, endpoint, token };
}

function usage(problem: string): CommandLine {
  return { kind: 'usage', problem };
}

function splitOnce(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return at === -1 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)];
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
