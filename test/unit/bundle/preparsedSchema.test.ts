import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as fromSource from '../../../src/graphql/schemaDocument';

/**
 * The Lambda bundle replaces src/graphql/schemaDocument.ts with the syntax tree the build parsed
 * and validated (build/preparsedSchema.mjs, preparsedSchema). These tests build that module alone
 * with the bundle's options, in a child process (esbuild.config.mjs is an ES module), and compare.
 */
const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const MODULE = path.join('src', 'graphql', 'schemaDocument.ts');

/** The module as the bundle has it, built from `projectDir`, evaluated. */
async function bundledModule(projectDir: string): Promise<typeof fromSource> {
  const script = `
    import { build } from 'esbuild';
    import { bundleOptions } from ${JSON.stringify(path.join(PROJECT_DIR, 'esbuild.config.mjs'))};
    const result = await build({
      ...bundleOptions,
      entryPoints: [${JSON.stringify(path.join(projectDir, MODULE))}],
      write: false,
      logLevel: 'silent',
    });
    process.stdout.write(result.outputFiles[0].text);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_DIR,
    maxBuffer: 16 * 1024 * 1024,
  });
  const module = { exports: {} as typeof fromSource };
  new Function('module', 'exports', 'require', stdout)(module, module.exports, require);
  return module.exports;
}

describe("the bundle's pre-parsed schema", () => {
  test('is the syntax tree that the module parses from schema.graphql when run from source', async () => {
    // Act
    const bundled = await bundledModule(PROJECT_DIR);

    // Assess
    expect(bundled.validatedAtBuild).toBe(true);
    expect(fromSource.validatedAtBuild).toBe(false);
    expect(bundled.schemaDocument).toEqual(fromSource.schemaDocument);
    expect(bundled.schemaDocument.definitions.length).toBeGreaterThan(10);
  });

  test('is refused at build time when schema.graphql is not valid SDL', async () => {
    // Prepare: the module beside an SDL naming a type that does not exist.
    const projectDir = mkdtempSync(path.join(tmpdir(), 'store-api-schema-'));
    try {
      mkdirSync(path.join(projectDir, 'src', 'graphql'), { recursive: true });
      cpSync(path.join(PROJECT_DIR, MODULE), path.join(projectDir, MODULE));
      writeFileSync(path.join(projectDir, 'schema.graphql'), 'type Query { product: Missing }\n');

      // Act
      const building = bundledModule(projectDir);

      // Assess
      await expect(building).rejects.toThrow(/Unknown type "Missing"/);
    } finally {
      rmSync(projectDir, { recursive: true, force: true });
    }
  });
});
