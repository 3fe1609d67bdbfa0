import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stopChild, waitForOutput } from '../../../local/childProcess';
import { findFreePort } from '../../../local/dynamoLocal';
import { localStatePaths, runningStart } from '../../../local/localState';
import { poolClient } from '../../../local/userPool';
import { createTokenVerifier } from '../../../src/auth/tokenVerifier';
import { leftoversAfter, portStillTaken, processTree } from './processes';
import { costExtensions } from '../../support/cost';
import { claimsOf } from '../../support/badTokens';

/**
 * The newcomer's path, end to end: the local runtime as `npm start` runs it (after the same
 * `npm run build`), then `npm run token`, against a throwaway state folder and a free port.
 * Run as `node --import tsx`, as `npm start` execs it; stopPaths.test.ts stops `npm start` itself
 * every other way.
 */
const run = promisify(execFile);
const tsx = ['--import', 'tsx'];
const READY = /Ready at (http:\/\/localhost:\d+\/query)/;

describe('the local runtime (npm start)', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'store-api-start-'));
  let runtime: { process: ChildProcess; url: string; output: () => string };

  async function startRuntime(): Promise<typeof runtime> {
    const port = await findFreePort();
    const child = spawn(process.execPath, [...tsx, 'local/start.ts'], {
      env: { ...process.env, LOCAL_STATE_DIR: stateDir, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [, url = ''] = await waitForOutput(child, READY, 60_000);
    return { process: child, url, output: () => output };
  }

  async function stopRuntime(): Promise<number | null> {
    return stopChild(runtime.process, 15_000);
  }

  async function query(body: object, token?: string): Promise<unknown> {
    const response = await fetch(runtime.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return response.json();
  }

  beforeAll(async () => {
    await run(process.execPath, ['esbuild.config.mjs']);
    runtime = await startRuntime();
  }, 120_000);

  afterAll(() => {
    if (runtime.process.exitCode === null) runtime.process.kill('SIGKILL');
    rmSync(stateDir, { recursive: true, force: true });
  });

  test('serves the seeded catalogue with comments on the printed URL', async () => {
    const result = await query({
      query:
        '{ products(first: 3) { nodes { id name price comments(first: 2) { nodes { author text } } } } }',
    });

    const nodes = (
      result as { data: { products: { nodes: Array<{ name: string; comments: { nodes: unknown[] } }> } } }
    ).data.products.nodes;
    expect(nodes).toHaveLength(3);
    expect(nodes.map((node) => node.name)).toEqual([...nodes.map((node) => node.name)].sort());
    expect(nodes.every((node) => node.comments.nodes.length > 0)).toBe(true);
  });

  test('accepts a token from npm run token, and keeps cart and token across a restart', async () => {
    const { stdout: token } = await run(process.execPath, [...tsx, 'local/token.ts', 'alice', 'Alice'], {
      env: { ...process.env, LOCAL_STATE_DIR: stateDir },
    });
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);

    const added = await query(
      { query: 'mutation { addToCart(productId: "lonely-bird") { itemCount } }' },
      token.trim(),
    );
    const selected = await query({ query: '{ product(id: "lonely-bird") { isSelected } }' }, token.trim());
    const code = await stopRuntime();
    runtime = await startRuntime();
    const afterRestart = await query({ query: '{ cart { itemCount items { name } } }' }, token.trim());

    expect(added).toEqual({ data: { addToCart: { itemCount: 1 } }, extensions: costExtensions() });
    expect(selected).toEqual({ data: { product: { isSelected: true } }, extensions: costExtensions() });
    expect(code).toBe(0);
    expect(afterRestart).toEqual({
      data: { cart: { itemCount: 1, items: [{ name: 'Lonely Bird' }] } },
      extensions: costExtensions(),
    });
  }, 90_000);

  test("prints a staff member's token with --admin, and a shopper's without it", async () => {
    // Prepare
    const env = { ...process.env, LOCAL_STATE_DIR: stateDir };
    const token = async (...args: string[]) =>
      (await run(process.execPath, [...tsx, 'local/token.ts', ...args], { env })).stdout.trim();

    // Act
    const staff = await token('sam', 'Sam', '--admin');
    const flagFirst = await token('--admin', 'sam', 'Sam');
    const shopper = await token('alice', 'Alice');
    // What the handler makes of them: the running pool's tokens, verified as the API verifies them.
    const pool = runningStart(localStatePaths(env).runtimeFile)?.userPool;
    if (!pool) throw new Error('npm start recorded no user pool');
    const verifier = createTokenVerifier(pool);
    const cart = await query({ query: '{ cart { itemCount } }' }, staff);
    // Who the pool says those users are: their `sub`, the API's user id.
    const client = poolClient(pool.endpoint);
    const subOf = async (email: string) => {
      const { UserAttributes } = await client.send(
        new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: email }),
      );
      return UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    };
    const [samSub, aliceSub] = await Promise.all([
      subOf('sam@example.com'),
      subOf('alice@example.com'),
    ]).finally(() => client.destroy());

    // Assess: the pool's own users (sam@example.com is a demo user), signed in through the pool.
    const issuer = `${pool.endpoint}/${pool.userPoolId}`;
    expect(claimsOf(staff)).toMatchObject({
      iss: issuer,
      aud: pool.clientId,
      token_use: 'id',
      email: 'sam@example.com',
      'custom:display_name': 'Sam',
      'cognito:groups': ['admin'],
    });
    expect(claimsOf(flagFirst)).toMatchObject({ email: 'sam@example.com', 'cognito:groups': ['admin'] });
    expect(claimsOf(shopper)).toMatchObject({
      iss: issuer,
      email: 'alice@example.com',
      'custom:display_name': 'Alice',
    });
    expect(claimsOf(shopper)['cognito:groups'] ?? []).toEqual([]);
    expect(samSub).toEqual(expect.any(String));
    expect(aliceSub).toEqual(expect.any(String));
    expect(samSub).not.toBe(aliceSub);
    expect(await verifier.verify(staff)).toEqual({ userId: samSub, displayName: 'Sam', staff: true });
    expect(await verifier.verify(flagFirst)).toMatchObject({ userId: samSub, staff: true });
    expect(await verifier.verify(shopper)).toEqual({
      userId: aliceSub,
      displayName: 'Alice',
      staff: false,
    });
    expect(cart).toMatchObject({ data: { cart: { itemCount: 0 } } });
  }, 30_000);

  test('refuses an unknown option of npm run token with its usage, printing no token', async () => {
    // Act
    const failure = await run(process.execPath, [...tsx, 'local/token.ts', 'sam', '--admn'], {
      env: { ...process.env, LOCAL_STATE_DIR: stateDir },
    }).then(
      () => undefined,
      (error: unknown) => error as { code?: number; stdout?: string; stderr?: string },
    );

    // Assess
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect(failure?.stderr).toContain('Usage: npm run --silent token -- <userId> [<displayName>] [--admin]');
    expect(failure?.stderr).toContain('Unknown option: --admn');
  }, 30_000);

  test('stops DynamoDB Local with it on SIGTERM, leaving no process behind and the port free', async () => {
    const started = processTree(runtime.process.pid ?? 0);
    const port = Number(new URL(runtime.url).port);

    const code = await stopRuntime();

    expect(started.map((process) => process.command)).toContainEqual(expect.stringMatching(/^java /));
    expect(code).toBe(0);
    expect(runtime.output()).toContain('SIGTERM: stopping');
    expect(await leftoversAfter(started, 15_000)).toEqual([]);
    expect(await portStillTaken(port, 15_000)).toBe(false);
  });
});
