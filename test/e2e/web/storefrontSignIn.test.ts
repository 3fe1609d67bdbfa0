import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { AppConfig } from '../../../src/config';
import { loadOrCreateIssuerKeys } from '../../../local/localKeys';
import { createLocalSignInMiddleware } from '../../../web/localSignIn';
import { DEMO_USERS } from '../../../web/src/localAuth';
import { createTokenVerifier } from '../../../src/auth/tokenVerifier';
import { createTestApp } from '../../support/testApp';

/**
 * The storefront's local sign-in (web/localSignIn.ts, mounted on the Vite dev server) mints
 * tokens the local API accepts, and nothing of it can reach production: the production
 * configuration refuses its tokens, and the deployed bundle holds no storefront code.
 */
const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const PRODUCTION: Partial<AppConfig> = {
  production: true,
  enableSandbox: false,
  auth: { kind: 'cognito', userPoolId: 'us-east-1_AbCdEfGhI', clientId: 'abc123' },
};

let stateDir: string;
let keysFile: string;
let server: Server;
let signInUrl: string;

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'store-sign-in-'));
  keysFile = path.join(stateDir, 'issuer-keys.json');
  const middleware = createLocalSignInMiddleware(keysFile);
  // The dev server's connect stack, reduced to the one route: anything unhandled is a 404.
  server = createServer((request, response) =>
    middleware(request, response, () => {
      response.statusCode = 404;
      response.end();
    }),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  signInUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local-auth/sign-in`;
});

afterAll(() => {
  server?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function signIn(
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const response = await fetch(signInUrl, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('the storefront local sign-in', () => {
  test('mints a token the local API accepts, for the chosen demo shopper', async () => {
    // Prepare: the API configured as `npm start` configures it, with the same issuer keys.
    const minted = await signIn({ userId: 'alice', name: 'Alice' });
    const app = await createTestApp({ auth: { kind: 'local', jwks: loadOrCreateIssuerKeys(keysFile).jwks } });

    // Act
    const result = await app.graphql({ query: '{ cart { itemCount } }' }, { token: minted.body.token });

    // Assess
    expect(minted).toEqual({
      status: 200,
      body: { userId: 'alice', name: 'Alice', token: expect.any(String) },
    });
    expect(result).toMatchObject({ status: 200, body: { data: { cart: { itemCount: 0 } } } });
  });

  test("mints a staff member's token for the staff demo user, and a shopper's otherwise", async () => {
    // Prepare: the verifier the API builds from the same issuer keys.
    const staffUser = DEMO_USERS.find((user) => user.staff);
    const verifier = createTokenVerifier({ kind: 'local', jwks: loadOrCreateIssuerKeys(keysFile).jwks });

    // Act
    const staff = await signIn({ ...staffUser });
    const shopper = await signIn({ userId: 'alice', name: 'Alice' });
    const notStaff = await signIn({ userId: 'alice', name: 'Alice', staff: 'true' });

    // Assess
    expect(staffUser).toEqual({ userId: 'sam', name: 'Sam (staff)', staff: true });
    expect(staff.body).toEqual({ userId: 'sam', name: 'Sam (staff)', token: expect.any(String) });
    expect(await verifier.verify(staff.body.token ?? '')).toMatchObject({ userId: 'sam', staff: true });
    expect(await verifier.verify(shopper.body.token ?? '')).toMatchObject({ userId: 'alice', staff: false });
    expect(await verifier.verify(notStaff.body.token ?? '')).toMatchObject({ staff: false });
  });

  test('its tokens are refused with 401 by a handler built with the production configuration', async () => {
    // Prepare
    const { body } = await signIn({ userId: 'alice', name: 'Alice' });
    const production = await createTestApp(PRODUCTION);

    // Act
    const result = await production.graphql({ query: '{ cart { itemCount } }' }, { token: body.token });

    // Assess
    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      errors: [{ message: 'The token is invalid or expired', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  test('answers only JSON POSTs with a valid user id', async () => {
    // Act
    const get = await fetch(signInUrl);
    const form = await signIn({ userId: 'alice' }, { 'content-type': 'text/plain' });
    const badId = await signIn({ userId: 'alice smith' });
    const noName = await signIn({ userId: 'dora' });

    // Assess: text/plain is what a cross-site form could send without a CORS preflight.
    expect(get.status).toBe(405);
    expect(form.status).toBe(415);
    expect(badId.status).toBe(400);
    expect(noName.body).toMatchObject({ userId: 'dora', name: 'dora' });
  });
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

  test('the handler bundle contains no storefront or local sign-in code', async () => {
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
