import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The storefront's typed documents come from codegen.yml's client-preset output. Codegen
 * validates every operation against schema.graphql, so an operation the API would refuse fails
 * `npm run codegen` (and CI's codegen freshness gate) instead of failing in a browser.
 */
const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');

/** codegen.yml's client output, with `documents` replaced when given. */
async function clientCodegen(...documents: string[]): Promise<Array<{ filename: string; content: string }>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'test/unit/web/runClientCodegen.ts', ...documents],
    { cwd: PROJECT_DIR, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Array<{ filename: string; content: string }>;
}

describe('client codegen (codegen.yml, client preset)', () => {
  test('generates exactly the committed typed documents from the storefront operations', async () => {
    // Act
    const files = await clientCodegen();

    // Assess
    expect(
      files.map((file) => path.relative(PROJECT_DIR, path.resolve(PROJECT_DIR, file.filename))).sort(),
    ).toEqual(['web/src/generated/gql.ts', 'web/src/generated/graphql.ts', 'web/src/generated/index.ts']);
    for (const file of files) {
      expect(file.content).toBe(readFileSync(path.resolve(PROJECT_DIR, file.filename), 'utf8'));
    }
  }, 60_000);

  test('refuses an operation that does not match the schema', async () => {
    // Act
    const generating = clientCodegen('test/unit/web/invalidStorefrontOperation.ts');

    // Assess
    await expect(generating).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /Int cannot represent non-integer value: "twenty"[\s\S]*Cannot query field "priceInDollars" on type "Product"/,
      ),
    });
  }, 60_000);
});
