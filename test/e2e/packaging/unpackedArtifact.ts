import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Packaged } from '../../support/serverlessPackage';

/** The handler's path in the zip, as the function's `Handler` names it (src/transport/handler.handler). */
export const HANDLER_ENTRY = 'src/transport/handler.js';

/**
 * Writes every file of the zip into a fresh folder of the package's work folder, as Lambda
 * unpacks it into /var/task, and returns that folder.
 */
export function unpackArtifact(packaged: Packaged): string {
  const taskDir = mkdtempSync(path.join(packaged.workDir, 'task-'));
  for (const [entry, data] of packaged.zipEntries) {
    const file = path.join(taskDir, ...entry.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  return taskDir;
}

export interface Invocation {
  /** The handler's result. */
  result: { statusCode?: number; body?: string };
  /** What the handler logged (stdout), one JSON object per line. */
  logLines: unknown[];
  /** The files of the task folder that the process loaded, relative to it (`src/transport/...`). */
  loadedFiles: string[];
}

/**
 * Calls the handler of an unpacked artifact (`unpackArtifact`) with `event`, in a new Node.js
 * process whose whole environment is `environment`, as Lambda would: `require` of the handler
 * file, then one call.
 */
export async function invokeUnpackedHandler(
  taskDir: string,
  event: object,
  environment: NodeJS.ProcessEnv,
): Promise<Invocation> {
  const handlerFile = path.join(taskDir, ...HANDLER_ENTRY.split('/'));
  const script = `require(${JSON.stringify(handlerFile)})
      .handler(${JSON.stringify(event)}, { awsRequestId: 'package-test' })
      .then((result) => {
        const loadedFiles = Object.keys(require.cache);
        process.stdout.write(JSON.stringify({ result, loadedFiles }));
      });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    cwd: taskDir,
    env: environment,
  });
  const lines = stdout.split('\n');
  const { result, loadedFiles } = JSON.parse(lines.at(-1) ?? '') as {
    result: Invocation['result'];
    loadedFiles: string[];
  };
  return {
    result,
    logLines: lines.slice(0, -1).map((line) => JSON.parse(line) as unknown),
    loadedFiles: loadedFiles
      .filter((file) => file.startsWith(`${taskDir}${path.sep}`))
      .map((file) => path.relative(taskDir, file).split(path.sep).join('/')),
  };
}
