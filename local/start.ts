import { existsSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../src/datasources/dynamoClient';
import type { StoreHandler } from '../src/transport/lambdaHandler';
import { watchParent } from './childProcess';
import { startDynamoLocal, type DynamoLocal } from './dynamoLocal';
import { checkJava } from './java';
import { startCognitoLocal, type CognitoLocal } from './cognitoLocal';
import { DEMO_USERS } from './demoUsers';
import { ensureUser, ensureUserPool, recordedPool, type LocalUserPool } from './userPool';
import { LOCAL_TABLES, localStatePaths } from './localState';
import { createLocalServer, ROUTE_PATH } from './localServer';
import { assertPortFree, claimStateFolder, isPortFree, listenOnLoopback, portFromEnv } from './preflight';
import { seedIfEmpty } from './seed';
import { ensureTables } from './tables';

/**
 * `npm start`: pre-flight (state folder, PORT, Java) → DynamoDB Local and cognito-local (both
 * persisted under the local folder) → tables, demo data, the user pool and its demo users → the
 * bundled Lambda handler (dist/handler.js, the artefact that is deployed) behind a local API
 * Gateway stand-in on http://localhost:$PORT/query, verifying the pool's ID tokens.
 *
 * However it is stopped, it stops everything it started: SIGINT (Ctrl-C, or npm passing it on),
 * SIGTERM, SIGHUP (the terminal closed), its parent process exiting (even killed: watchParent),
 * or DynamoDB Local or cognito-local exiting under it. package.json runs it with `exec`, so npm's child is this
 * process itself and the signals npm passes on arrive here, not at a shell in between.
 */
const REGION = 'us-east-1';
const STARTING: Awaited<ReturnType<StoreHandler>> = {
  statusCode: 503,
  headers: { 'content-type': 'application/json', 'retry-after': '1' },
  body: JSON.stringify({ message: 'Service Unavailable: npm start is still starting' }),
};
const paths = localStatePaths();
const abort = new AbortController();
const started: {
  servers: Server[];
  dynamo?: DynamoLocal;
  cognito?: CognitoLocal;
  handler?: StoreHandler;
  ownsState?: true;
} = { servers: [] };
const log = (line: string) => console.log(`[store-api] ${line}`);

async function main(): Promise<void> {
  // The SDK warns that Node 20 support ends in 2027; Lambda runs Node 22, so locally it is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const port = portFromEnv('PORT', 4000);
  // 0: DynamoDB Local on a free port (the default); a fixed one only if a tool needs to know it.
  const dynamoPort = portFromEnv('DYNAMODB_LOCAL_PORT', 0, true);
  claimStateFolder(paths.runtimeFile, paths.root);
  started.ownsState = true;
  const corsOrigins = (process.env.CORS_ALLOWED_ORIGINS ?? '*').split(',').map((origin) => origin.trim());
  // Until the handler is loaded the port answers 503, as a starting API Gateway integration would.
  const handler: StoreHandler = (event, context) =>
    started.handler ? started.handler(event, context) : Promise.resolve(STARTING);
  await listenOnLoopback(port, () => createLocalServer(handler, { corsOrigins }), started.servers);
  if (dynamoPort !== 0) await assertPortFree(dynamoPort, 'DYNAMODB_LOCAL_PORT');
  const java = await checkJava(abort.signal);

  log('Starting DynamoDB Local and the local user pool (cognito-local)…');
  const userPool = startUserPool();
  // Awaited below; a failure before then must not count as unhandled (it ends the start there).
  userPool.catch(() => undefined);
  const dynamo = await startDynamoLocal({
    port: dynamoPort,
    dataDir: paths.dynamoDir,
    java,
    signal: abort.signal,
    ownProcessGroup: true,
  });
  started.dynamo = dynamo;
  void dynamo.exited.then(({ code, signal }) =>
    shutdown(1, `DynamoDB Local exited (${signal ?? `code ${code}`}) under the API: stopping.`),
  );
  if (!dynamo.loopbackOnly) {
    log(
      `Warning: DynamoDB Local (${dynamo.endpoint}) also answers other machines on your network, ` +
        `because this Java (${java.version}) cannot run local/LoopbackDynamoDBLocal.java (it has no ` +
        'jdk.compiler module): install an OpenJDK 17+ JDK, not a trimmed runtime, to keep it on ' +
        '127.0.0.1; its CORS is off, so web pages cannot reach it.',
    );
  }
  const endpoint = dynamo.endpoint;
  const client = new DynamoDBClient({
    region: REGION,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const created = await ensureTables(client, LOCAL_TABLES);
  if (created.length > 0) log(`Created tables ${created.join(', ')}`);
  const db = createDocumentClient({ region: REGION, endpoint });
  if (await seedIfEmpty(db, LOCAL_TABLES, log)) log('Seeded the demo catalogue');
  client.destroy();
  db.destroy();

  const pool = await userPool;
  // The handler reads its configuration from the environment exactly as in Lambda.
  Object.assign(process.env, {
    AWS_REGION: REGION,
    DYNAMODB_ENDPOINT: endpoint,
    PRODUCTS_TABLE: LOCAL_TABLES.products,
    PRODUCT_LISTINGS_TABLE: LOCAL_TABLES.productListings,
    CATEGORIES_TABLE: LOCAL_TABLES.categories,
    COMMENTS_TABLE: LOCAL_TABLES.comments,
    CARTS_TABLE: LOCAL_TABLES.carts,
    PROMOTIONS_TABLE: LOCAL_TABLES.promotions,
    ORDERS_TABLE: LOCAL_TABLES.orders,
    RATINGS_TABLE: LOCAL_TABLES.ratings,
    PERSISTED_QUERIES_TABLE: LOCAL_TABLES.persistedQueries,
    RATE_LIMITS_TABLE: LOCAL_TABLES.rateLimits,
    COGNITO_USER_POOL_ID: pool.userPoolId,
    COGNITO_CLIENT_ID: pool.clientId,
    COGNITO_ENDPOINT: pool.endpoint,
  });
  started.handler = await loadBundledHandler();

  const url = `http://localhost:${port}${ROUTE_PATH}`;
  log(
    `Ready at ${url} — try: curl -s ${url} -H 'content-type: application/json' ` +
      `-d '{"query":"{ products(first: 3) { nodes { id name price } } }"}'`,
  );
}

/**
 * cognito-local, the pool of deploy/userPool.yml in it, and the demo users as local/demoUsers.ts
 * describes them; recorded in the runtime file for `npm run token` and the storefront.
 */
async function startUserPool(): Promise<LocalUserPool> {
  // The port of the previous run when it is free: the pool's tokens name it in their issuer, so
  // tokens printed by `npm run token` keep working across a restart, as the pool's users do.
  const previous = Number(new URL(recordedPool(paths.userPoolFile)?.endpoint || 'http://x:0').port);
  const port = previous > 0 && (await isPortFree(previous)) ? previous : 0;
  const cognito = await startCognitoLocal({
    dataDir: paths.cognitoDir,
    port,
    signal: abort.signal,
    ownProcessGroup: true,
  });
  started.cognito = cognito;
  void cognito.exited.then(({ code, signal }) =>
    shutdown(1, `cognito-local exited (${signal ?? `code ${code}`}) under the API: stopping.`),
  );
  const pool = await ensureUserPool(cognito.endpoint, paths.userPoolFile);
  for (const user of DEMO_USERS) await ensureUser(pool, user);
  writeFileSync(paths.runtimeFile, JSON.stringify({ pid: process.pid, userPool: pool }));
  log(`User pool ${pool.userPoolId} at ${pool.endpoint} (app client ${pool.clientId})`);
  return pool;
}

async function loadBundledHandler(): Promise<StoreHandler> {
  const bundle = resolve('dist/handler.js');
  if (!existsSync(bundle)) throw new Error('dist/handler.js is missing: run `npm run build` first.');
  const module = (await import(pathToFileURL(bundle).href)) as { handler?: StoreHandler };
  if (typeof module.handler !== 'function') throw new Error('dist/handler.js exports no handler');
  return module.handler;
}

async function stop(): Promise<void> {
  // Stops DynamoDB Local whether it is running or still starting.
  abort.abort();
  for (const server of started.servers) {
    server.closeAllConnections();
    server.close();
  }
  await Promise.all([started.dynamo?.stop(), started.cognito?.stop()]);
  if (started.ownsState) rmSync(paths.runtimeFile, { force: true });
}

let stopping = false;
/** The one way out: stops everything once, however many reasons to stop arrive. */
function shutdown(code: number, reason: string): void {
  if (stopping) return;
  stopping = true;
  if (code === 0) log(reason);
  else console.error(`[store-api] ${reason}`);
  stop().then(
    () => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

// Ctrl-C delivers SIGINT twice (from the terminal and passed on by npm): `on`, not `once`, so the
// second one is ignored rather than killing the process before DynamoDB Local is stopped.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => shutdown(0, `${signal}: stopping…`));
}
watchParent((parent) => shutdown(0, `The process that started this one (pid ${parent}) exited: stopping…`));
// With the terminal or the reading process gone, a log line must not crash the way out.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

main().catch((error: unknown) => {
  if (stopping) return;
  shutdown(1, error instanceof Error ? error.message : String(error));
});
