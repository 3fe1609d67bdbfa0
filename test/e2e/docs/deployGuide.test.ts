import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyProject, offlineEnvironment } from '../../support/serverlessPackage';

/**
 * docs/deploy.md's commands that need no AWS account, run exactly as the page writes them (in
 * bash, from the root of a copy of the project, so that they write that copy's `.serverless/` and
 * `web/dist/`, never the developer's own), with sample values for the variables the earlier,
 * online steps set: if the page and the project drift apart, this fails. Its other commands need
 * AWS: they are only syntax-checked, and the stack outputs they read are checked against the
 * packaged template.
 */
const ROOT = path.resolve(__dirname, '../../..');
const GUIDE = readFileSync(path.join(ROOT, 'docs/deploy.md'), 'utf8');
/** What steps 1 and 2 would have set, for a stage in eu-west-1: all https, as a stage's are. */
const SAMPLE_STAGE = {
  API_URL: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/query',
  REGION: 'eu-west-1',
  CLIENT_ID: '4k9sampleclientid0000000000',
};
/** The stack outputs the guide's steps read. */
const OUTPUTS_READ = [
  'HttpApiUrl',
  'UserPoolId',
  'UserPoolClientId',
  'StorefrontUrl',
  'StorefrontBucketName',
  'StorefrontDistributionId',
];
const PACKAGE_TIMEOUT_MS = 300_000;
const BUILD_TIMEOUT_MS = 180_000;

const SH_BLOCK = /^```sh\n([\s\S]*?)^```/gm;

/** The shell blocks that follow a line "_Offline:_", in page order. */
function offlineBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^_Offline:_\s*\n+```sh\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? '');
}

/** Every other shell block of the page, in page order. */
function onlineBlocks(markdown: string): string[] {
  const offline = new Set(offlineBlocks(markdown));
  return [...markdown.matchAll(SH_BLOCK)]
    .map((match) => match[1] ?? '')
    .filter((block) => !offline.has(block));
}

/** The names the page's `output <Name>` calls read from the stack. */
function outputsRead(markdown: string): string[] {
  return [...markdown.matchAll(/\$\(output\s+([A-Za-z0-9]+)\)/g)].map((match) => match[1] ?? '');
}

/**
 * Runs `script` in bash in `cwd`; rejects with its output if it fails or outlives `timeoutMs`. In
 * a process group of its own, so that a timeout stops npm and what it started as well as bash.
 */
function bash(
  args: string[],
  { cwd, env, timeoutMs }: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<void> {
  const child = spawn('bash', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`bash ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output}`));
    });
  });
}

/** Modification times of the files under `folder` (none if it does not exist), by path. */
function fingerprint(folder: string): Record<string, number> {
  if (!existsSync(folder)) return {};
  return Object.fromEntries(
    readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => [
      file,
      statSync(path.join(folder, file)).mtimeMs,
    ]),
  );
}

describe('docs/deploy.md', () => {
  const [packaging = '', storefrontBuild = ''] = offlineBlocks(GUIDE);
  let workDir: string;
  let projectCopy: string;
  let environment: NodeJS.ProcessEnv;
  let template: { Resources: Record<string, { Type: string }>; Outputs: Record<string, unknown> } | undefined;
  const developersOwn = () => ({
    serverless: fingerprint(path.join(ROOT, '.serverless')),
    storefront: fingerprint(path.join(ROOT, 'web/dist')),
  });
  let before: ReturnType<typeof developersOwn>;

  beforeAll(() => {
    before = developersOwn();
    workDir = mkdtempSync(path.join(tmpdir(), 'store-deploy-guide-'));
    projectCopy = copyProject(workDir);
    // No AWS account, and no storefront settings but those the guide sets.
    environment = Object.fromEntries(
      Object.entries(offlineEnvironment(workDir)).filter(([name]) => !name.startsWith('VITE_')),
    );
  });

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('marks two commands as offline: packaging the stage and building the storefront', () => {
    expect(offlineBlocks(GUIDE)).toHaveLength(2);
    expect(packaging).toContain('npm run package');
    expect(storefrontBuild).toContain('npm run build:storefront');
  });

  test('writes the other commands, which need AWS, as valid bash', async () => {
    // Prepare: the check itself refuses broken bash.
    const blocks = onlineBlocks(GUIDE);
    const broken = bash(['-n', '-c', 'output() {\n  aws cloudformation describe-stacks \\\n'], {
      cwd: projectCopy,
      env: environment,
      timeoutMs: 10_000,
    });

    // Act and Assess
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(blocks.join('\n')).toContain('serverless deploy');
    await expect(broken).rejects.toThrow(/syntax error|unexpected end of file/);
    for (const block of blocks) {
      await expect(
        bash(['-n', '-c', block], { cwd: projectCopy, env: environment, timeoutMs: 10_000 }),
      ).resolves.toBeUndefined();
    }
  });

  test(
    'packages the prod stage, storefront hosting included, as written',
    async () => {
      // Act
      await bash(['-euo', 'pipefail', '-c', packaging], {
        cwd: projectCopy,
        env: environment,
        timeoutMs: PACKAGE_TIMEOUT_MS - 10_000,
      });

      // Assess
      template = JSON.parse(
        readFileSync(path.join(projectCopy, '.serverless/cloudformation-template-update-stack.json'), 'utf8'),
      ) as NonNullable<typeof template>;
      expect(template.Resources.StorefrontDistribution?.Type).toBe('AWS::CloudFront::Distribution');
    },
    PACKAGE_TIMEOUT_MS,
  );

  test('reads only stack outputs that the packaged template has', () => {
    // Prepare
    if (!template) throw new Error('The prod stage was not packaged: see the test before');
    const read = outputsRead(GUIDE);
    const { Outputs: outputs } = template;

    // Assess
    expect(read).toEqual(expect.arrayContaining(OUTPUTS_READ));
    expect(read.filter((name) => !(name in outputs))).toEqual([]);
  });

  test(
    'builds the storefront with the stage’s API, Cognito endpoint and app client, as written',
    async () => {
      // Act
      await bash(['-euo', 'pipefail', '-c', storefrontBuild], {
        cwd: projectCopy,
        env: { ...environment, ...SAMPLE_STAGE },
        timeoutMs: BUILD_TIMEOUT_MS - 10_000,
      });

      // Assess: the settings are in the built code, and so is nothing of the local runtime.
      const dist = path.join(projectCopy, 'web/dist');
      expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
      const code = readdirSync(path.join(dist, 'assets'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(path.join(dist, 'assets', file), 'utf8'))
        .join('\n');
      expect(code).toContain(SAMPLE_STAGE.API_URL);
      expect(code).toContain('https://cognito-idp.eu-west-1.amazonaws.com/');
      expect(code).toContain(SAMPLE_STAGE.CLIENT_ID);
      expect(code).not.toContain('Shopper-demo-1');
    },
    BUILD_TIMEOUT_MS,
  );

  test('leaves the project’s own .serverless/ and web/dist/ as they were', () => {
    expect(developersOwn()).toEqual(before);
  });
});
