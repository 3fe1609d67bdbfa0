import { generateKeyPairSync } from 'node:crypto';
import { signPoolToken } from '../../../local/poolTokens';
import { STAFF_GROUP } from '../../../src/auth/tokenVerifier';
import {
  fileProduct,
  importArgs,
  runCatalogue,
  unreachableUrl,
  useCatalogueCli,
} from '../../support/catalogueCli';
import { shopper, useTestApp } from '../../support/fixtures';

/**
 * `npm run catalogue -- import` refusing to run: a token that is not staff's, an endpoint that
 * does not answer, a bad file or command line. The real CLI in a child process, the real handler
 * behind the local API Gateway stand-in, DynamoDB Local.
 */
const app = useTestApp();
const cli = useCatalogueCli(app);
const { files, fileOf, runImport } = cli;

describe('npm run catalogue -- import', () => {
  test.each([
    { who: 'a shopper', token: () => shopper(app).token, says: 'the token is not a staff token (FORBIDDEN)' },
    {
      who: 'a staff token signed by a key the pool does not have',
      token: () =>
        signPoolToken(
          { ...app.signer, privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey },
          { sub: 'sam', 'cognito:groups': [STAFF_GROUP] },
        ),
      says: 'the token was refused (UNAUTHENTICATED',
    },
  ])('$who is refused with a clear message and writes nothing', async ({ token, says }) => {
    // Prepare
    const refused = token();
    const path = fileOf([fileProduct('refused')]);
    const before = await app.snapshot();

    // Act
    const result = await runImport(path, refused);

    // Assert
    expect(result.stderr).toContain(says);
    expect(result.lines).toEqual([
      '0 created, 0 updated, 0 unchanged, 0 failed; stopped before the first product',
    ]);
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).not.toContain(refused);
    expect(await app.snapshot()).toEqual(before);
  });

  test('an unreachable endpoint stops with a clear message', async () => {
    // Prepare
    const url = await unreachableUrl();
    const path = fileOf([fileProduct('unreachable')]);

    // Act
    const result = await runCatalogue(importArgs(path, url, cli.staffToken));

    // Assert
    expect(result.stderr).toContain(`Stopped: cannot reach ${url}: connect ECONNREFUSED`);
    expect(result.code).toBe(3);
  });

  const USAGE = 'Usage: npm run --silent catalogue -- import <file.json> --endpoint <url> --token <token>';
  test.each([
    {
      what: 'a file that is not JSON',
      args: () => importArgs(files.write('not.json', 'id,name\n'), cli.url, cli.staffToken),
      says: 'is not JSON',
    },
    {
      what: 'a file without a products list',
      args: () => importArgs(files.write('list.json', '[]'), cli.url, cli.staffToken),
      says: 'not an object with a "products" list',
    },
    { what: 'no arguments', args: () => [], says: 'No command' },
    {
      what: 'no --token',
      args: () => ['import', files.write('ok.json', { products: [] }), '--endpoint', cli.url],
      says: '--token (or STORE_STAFF_TOKEN) is required',
    },
    {
      what: 'no --endpoint',
      args: () => ['import', files.write('ok.json', { products: [] }), '--token', cli.staffToken],
      says: '--endpoint is required',
    },
    {
      what: 'an unknown option',
      args: () => [...importArgs('x.json', cli.url, cli.staffToken), '--dry-run'],
      says: 'Unknown option --dry-run',
    },
  ])('$what exits 2 with the usage, writing nothing and never showing the token', async ({ args, says }) => {
    // Prepare
    const before = await app.snapshot();

    // Act
    const result = await runCatalogue(args());

    // Assert
    expect(result.stderr).toContain(says);
    expect(result.stderr).toContain(USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(cli.staffToken);
    expect(result.code).toBe(2);
    expect(await app.snapshot()).toEqual(before);
  });
});
