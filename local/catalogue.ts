import { readFileSync } from 'node:fs';
import { parseCommandLine, USAGE } from './catalogueArgs';
import { CatalogueFileError, parseCatalogueFile, type CatalogueFile } from './catalogueFile';
import { exitCodeOf, importCatalogue, summaryLine } from './catalogueImport';
import { StaffApi } from './staffApi';

/**
 * `npm run --silent catalogue -- import <file.json> --endpoint <url> --token <token>`: upserts the file's
 * categories by slug and products by id through the staff GraphQL API, so it works against
 * `npm start` and a deployed stage alike (docs/catalogue-import.md). One line per category and
 * product on stdout, then a summary; usage and the reason for stopping on stderr. The token is sent to the endpoint and printed nowhere.
 */
async function main(args: readonly string[]): Promise<number> {
  const commandLine = parseCommandLine(args, process.env);
  if (commandLine.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (commandLine.kind === 'usage') return usageError(commandLine.problem);
  let file: CatalogueFile;
  try {
    file = parseCatalogueFile(readFileSync(commandLine.file, 'utf8'));
  } catch (error) {
    if (error instanceof CatalogueFileError)
      return usageError(`Cannot import ${commandLine.file}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      return usageError(`Cannot read ${commandLine.file} (${code})`);
    }
    throw error;
  }
  const api = new StaffApi(commandLine.endpoint, commandLine.token);
  const summary = await importCatalogue(api, file, (line) => console.log(line));
  console.log(summaryLine(summary));
  if (summary.stopped) console.error(`Stopped: ${summary.stopped.reason}`);
  return exitCodeOf(summary);
}

function usageError(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error('The import failed unexpectedly:', error instanceof Error ? error.message : error);
    process.exitCode = 3;
  },
);
