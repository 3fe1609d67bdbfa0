import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

/**
 * Runs codegen.yml's client-preset output in memory and prints the files it would write as JSON;
 * arguments replace its `documents`. A child process of clientCodegen.test.ts, because the code
 * generator loads ES modules that jest's module system cannot.
 */
const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const CLIENT_OUTPUT = 'web/src/generated/';

async function main(documents: string[]): Promise<void> {
  const { config } = await loadCodegenConfig({ configFilePath: path.join(PROJECT_DIR, 'codegen.yml') });
  const output = config.generates[CLIENT_OUTPUT];
  if (!output || Array.isArray(output) || typeof output !== 'object') {
    throw new Error(`codegen.yml has no ${CLIENT_OUTPUT} output`);
  }
  // generate() is typed as returning `any` when it does not write files: these are its FileOutputs.
  const files: Array<{ filename: string; content: string }> = await generate(
    {
      ...config,
      cwd: PROJECT_DIR,
      silent: true,
      generates: { [CLIENT_OUTPUT]: documents.length > 0 ? { ...output, documents } : output },
    },
    false,
  );
  process.stdout.write(JSON.stringify(files.map(({ filename, content }) => ({ filename, content }))));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
