import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { runToCompletion } from '../../local/childProcess';
import type { CfnTemplate } from './cloudFormation';

/**
 * `serverless package` (osls + serverless-esbuild), run offline and without AWS credentials, and
 * what it produced: the CloudFormation template AWS would deploy and the zip Lambda would run.
 */

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const SERVERLESS_BIN = path.join(PROJECT_DIR, 'node_modules', 'serverless', 'bin', 'serverless.js');

/** How long a jest hook may wait for `packageService`. */
export const PACKAGE_TIMEOUT_MS = 120_000;

export interface Packaged {
  /** The folder the service was packaged in; `invokeBundledHandler` works in it too. */
  workDir: string;
  template: CfnTemplate;
  templateText: string;
  zipEntries: Map<string, Buffer>;
}

/**
 * Packages a copy of the service (node_modules linked, not copied) for `stage` into `workDir`, so
 * that this run's staging folders (osls always stages in `<service>/.serverless` and deletes it,
 * even with `--package`) cannot collide with a developer's `npm run package` in the project itself.
 * HOME and the environment hold no AWS credentials or configuration. `params` are passed as
 * `--param=name=value`, as a deployer would.
 */
export async function packageService(
  workDir: string,
  stage = 'dev',
  params: Readonly<Record<string, string>> = {},
): Promise<Packaged> {
  const serviceDir = copyProject(workDir);
  const outputDir = path.join(workDir, 'artifact');

  await runToCompletion(
    process.execPath,
    [
      SERVERLESS_BIN,
      'package',
      '--stage',
      stage,
      '--package',
      outputDir,
      ...Object.entries(params).map(([name, value]) => `--param=${name}=${value}`),
    ],
    {
      quiet: true,
      timeoutMs: PACKAGE_TIMEOUT_MS - 5_000,
      cwd: serviceDir,
      env: offlineEnvironment(workDir),
    },
  );

  const templateText = readFileSync(
    path.join(outputDir, 'cloudformation-template-update-stack.json'),
    'utf8',
  );
  return {
    workDir,
    template: JSON.parse(templateText) as CfnTemplate,
    templateText,
    zipEntries: readZip(readFileSync(path.join(outputDir, 'store-api.zip'))),
  };
}

/** Top-level folders of the project a copy leaves out: installed, built, generated or local. */
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  '.serverless',
  '.esbuild',
  'dist',
  '.local',
  'coverage',
  'test-results',
]);
/** Deeper folders left out: the storefront's build, the benchmark's output (git-ignored too). */
const NOT_COPIED_PATHS = new Set(['web/dist', 'bench/.out']);
/** The storefront's machine-local Vite settings (git-ignored), which would change a build's. */
const MACHINE_LOCAL = /^web\/\.env(\..+)?\.local$/;

/**
 * Copies the project into `<workDir>/service`, without what is built, installed or machine-local
 * (so no earlier `.serverless/` or `web/dist/`, and no `web/.env.local`), with the project's
 * node_modules linked, not copied, and returns that folder: commands run in it (`npm run package`,
 * `npm run build:storefront`) write their output there, never over the developer's own.
 */
export function copyProject(workDir: string): string {
  const serviceDir = path.join(workDir, 'service');
  cpSync(PROJECT_DIR, serviceDir, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(PROJECT_DIR, source).split(path.sep);
      return (
        !NOT_COPIED.has(relative[0] ?? '') &&
        !NOT_COPIED_PATHS.has(relative.slice(0, 2).join('/')) &&
        !MACHINE_LOCAL.test(relative.join('/'))
      );
    },
  });
  symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(serviceDir, 'node_modules'), 'dir');
  return serviceDir;
}

/**
 * This process's environment without AWS or Serverless Framework variables (so no credentials,
 * profile or region), with a HOME of its own in `workDir` (so no ~/.aws, and nothing written to
 * the developer's home): what a command that needs no AWS account is run with.
 */
export function offlineEnvironment(workDir: string): NodeJS.ProcessEnv {
  const home = path.join(workDir, 'home');
  mkdirSync(home, { recursive: true });
  return {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(AWS_|SLS_|SERVERLESS_)/.test(name)),
    ),
    HOME: home,
    USERPROFILE: home,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** The bundled handler in the zip. */
export function zippedHandler(packaged: Packaged): Buffer {
  const bundle = packaged.zipEntries.get('src/transport/handler.js');
  if (!bundle) throw new Error('The artifact has no src/transport/handler.js');
  return bundle;
}

/**
 * Writes `bundle` alone into a fresh folder of the package's work folder, calls its `handler` with
 * `event` in a new Node.js process whose whole environment is `environment`, and returns what that
 * process printed: the handler's result as JSON.
 */
export async function invokeBundledHandler(
  packaged: Packaged,
  bundle: Buffer,
  event: object,
  environment: NodeJS.ProcessEnv,
): Promise<string> {
  const bundleDir = mkdtempSync(path.join(packaged.workDir, 'bundle-'));
  const bundlePath = path.join(bundleDir, 'handler.js');
  writeFileSync(bundlePath, bundle);
  const script = `require(${JSON.stringify(bundlePath)})
      .handler(${JSON.stringify(event)}, { awsRequestId: 'package-test' })
      .then((result) => process.stdout.write(JSON.stringify(result)));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    cwd: bundleDir,
    env: environment,
  });
  return stdout;
}

/** The entries of a zip file (stored or deflated; no ZIP64), read through its central directory. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('Not a zip file');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('Corrupt zip central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (!name.endsWith('/')) entries.set(name, method === 0 ? data : inflateRawSync(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
