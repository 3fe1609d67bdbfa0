import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { runToCompletion } from '../../../local/childProcess';
import { DEMO_USERS } from '../../../local/demoUsers';

/**
 * The storefront build with a stage's settings: `vite build` with VITE_STORE_API_URL,
 * VITE_COGNITO_ENDPOINT and VITE_COGNITO_CLIENT_ID set to a stage's stack outputs, as a deployment
 * runs it. The build signs in against that stage's Cognito and carries nothing of the local
 * runtime: no demo account, no address of this machine. It refuses to run without those settings,
 * with an address that is not https, or with the demo accounts set, whether in the environment or
 * in one of the env files Vite reads from web/. And what serverless deploys holds no storefront
 * code at all.
 */
const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const VITE = path.join(PROJECT_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
/** A stage's settings, in the shapes its stack outputs have (they are never called). */
const STAGE = {
  VITE_STORE_API_URL: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/query',
  VITE_COGNITO_ENDPOINT: 'https://cognito-idp.eu-west-1.amazonaws.com/',
  VITE_COGNITO_CLIENT_ID: '4example5clientid6abcdefgh',
};

/** The environment of the jest run, without any VITE_* variable of the developer's shell. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')));
  return { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...extra };
}

/**
 * `vite build --config web/vite.config.ts` into `outDir`, as docs/deploy.md runs it (web/dist
 * there); `config` names another copy of the config (copyOfWeb).
 */
async function buildStorefront(
  outDir: string,
  env: Record<string, string>,
  config = 'web/vite.config.ts',
): Promise<void> {
  await runToCompletion(
    process.execPath,
    [VITE, 'build', '--config', config, '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: PROJECT_DIR,
      quiet: true,
      timeoutMs: 60_000,
      env: environment(env),
    },
  );
}

/**
 * A copy of web/ (its build output left out) in `dir`, with `envFiles` (name → content) in it, as
 * a developer's web/.env.production.local would be; its config finds Vite through a link to the
 * project's node_modules. Returns the copy's vite.config.ts. Nothing is written to web/ itself.
 */
function copyOfWeb(dir: string, envFiles: Record<string, string>): string {
  const web = path.join(dir, 'web');
  cpSync(path.join(PROJECT_DIR, 'web'), web, {
    recursive: true,
    filter: (source) => !/^(dist|\.env)/.test(path.relative(path.join(PROJECT_DIR, 'web'), source)),
  });
  symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [name, content] of Object.entries(envFiles)) writeFileSync(path.join(web, name), content);
  return path.join(web, 'vite.config.ts');
}

/** Settings as an env file writes them: one NAME=value a line. */
function envFile(settings: Record<string, string>): string {
  return Object.entries(settings)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
}

/** Every text file of a build (HTML, scripts, styles, the SVG pictures), concatenated. */
function builtText(outDir: string): string {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|js|css|svg)$/.test(entry.name))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe("the storefront build with a stage's settings", () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'store-web-stage-build-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  test("carries the stage's API and Cognito settings, and no demo account nor npm start's address", async () => {
    // Act
    await buildStorefront(outDir, STAGE);

    // Assess
    const text = builtText(outDir);
    expect(text).toContain(STAGE.VITE_STORE_API_URL);
    expect(text).toContain(STAGE.VITE_COGNITO_ENDPOINT);
    expect(text).toContain(STAGE.VITE_COGNITO_CLIENT_ID);
    expect(text).toContain('AWSCognitoIdentityProviderService.');
    for (const { email, password, displayName } of DEMO_USERS) {
      expect(text).not.toContain(email);
      expect(text).not.toContain(password);
      expect(text).not.toContain(`Sign in as ${displayName}`);
    }
    // The API's address is the stage's alone: nothing calls `npm start`'s.
    expect(text).not.toContain('localhost:4000');
  });

  test('refuses to build with the local demo accounts set, so no stage can offer them', async () => {
    // Act
    const built = buildStorefront(outDir, { ...STAGE, VITE_DEMO_USERS: JSON.stringify(DEMO_USERS) });

    // Assess
    await expect(built).rejects.toThrow(/VITE_DEMO_USERS lists the local demo accounts/);
  });

  test.each(['.env', '.env.local', '.env.production', '.env.production.local'])(
    'refuses to build with the local demo accounts in web/%s, which Vite reads too',
    async (name) => {
      // Prepare
      const copy = mkdtempSync(path.join(tmpdir(), 'store-web-env-'));
      try {
        const config = copyOfWeb(copy, { [name]: envFile({ VITE_DEMO_USERS: JSON.stringify(DEMO_USERS) }) });

        // Act
        const built = buildStorefront(outDir, STAGE, config);

        // Assess
        await expect(built).rejects.toThrow(/VITE_DEMO_USERS lists the local demo accounts/);
        expect(readdirSync(outDir)).toEqual([]);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
  );

  test("takes the stage's settings from web/.env.production as from the environment", async () => {
    // Prepare
    const copy = mkdtempSync(path.join(tmpdir(), 'store-web-env-'));
    try {
      const config = copyOfWeb(copy, { '.env.production': envFile(STAGE) });

      // Act
      await buildStorefront(outDir, {}, config);

      // Assess
      const text = builtText(outDir);
      expect(text).toContain(STAGE.VITE_STORE_API_URL);
      expect(text).toContain(STAGE.VITE_COGNITO_ENDPOINT);
      expect(text).toContain(STAGE.VITE_COGNITO_CLIENT_ID);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test.each(Object.keys(STAGE))('refuses to build without %s, in words', async (name) => {
    // Prepare
    const settings: Record<string, string> = Object.fromEntries(
      Object.entries(STAGE).filter(([setting]) => setting !== name),
    );

    // Act
    const built = buildStorefront(outDir, settings);

    // Assess
    await expect(built).rejects.toThrow(`${name} is not set: set it to the stage's value`);
    expect(readdirSync(outDir)).toEqual([]);
  });

  test.each([
    ['VITE_STORE_API_URL', 'http://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/query'],
    ['VITE_COGNITO_ENDPOINT', 'http://cognito-idp.eu-west-1.amazonaws.com/'],
    ['VITE_COGNITO_ENDPOINT', 'cognito-idp.eu-west-1.amazonaws.com'],
  ])('refuses to build with %s=%s, which is not https', async (name, value) => {
    // Act
    const built = buildStorefront(outDir, { ...STAGE, [name]: value });

    // Assess
    await expect(built).rejects.toThrow(
      new RegExp(`${name} (must be an https:// address|is not an absolute URL)`),
    );
  });

  test.each(['http://localhost:4000/query', 'http://127.0.0.1:4000/query', 'http://[::1]:4000/query'])(
    'builds with an http:// address of this machine (%s), to preview a build locally',
    async (apiUrl) => {
      // Act
      await buildStorefront(outDir, {
        ...STAGE,
        VITE_STORE_API_URL: apiUrl,
        VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229/',
      });

      // Assess
      expect(builtText(outDir)).toContain(apiUrl);
    },
  );
});

describe('what serverless deploys', () => {
  test('is the esbuild bundle of src/transport/handler.ts only: serverless.yml names no other code', () => {
    // Act
    const serverlessYml = readFileSync(path.join(PROJECT_DIR, 'serverless.yml'), 'utf8');
    const handlers = [...serverlessYml.matchAll(/^\s+handler:\s*(\S+)/gm)].map((match) => match[1]);

    // Assess: serverless-esbuild packages each handler's bundle and nothing else (the package
    // test checks the zip holds src/transport/handler.js and its lazy/ files alone); no pattern
    // pulls web/ in.
    expect(handlers).toEqual(['src/transport/handler.handler']);
    expect(serverlessYml).not.toMatch(/\bweb\//);
  });

  test('the handler bundle contains no storefront or local runtime code', async () => {
    // Act: the import graph of the Lambda entry point, as esbuild resolves it.
    const { metafile } = await build({
      entryPoints: [path.join(PROJECT_DIR, 'src', 'transport', 'handler.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      loader: { '.graphql': 'text' },
      logLevel: 'silent',
    });
    const inputs = Object.keys(metafile.inputs).filter((input) => !input.includes('node_modules/'));

    // Assess
    expect(inputs.filter((input) => input.startsWith('web/'))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('local/'))).toEqual([]);
    expect(inputs).toContain('src/transport/handler.ts');
  });
});
