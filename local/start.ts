import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../src/datasources/dynamoClient';
import type { StoreHandler } from '../src/transport/lambdaHandler';
import { startDynamoLocal, type DynamoLocal } from './dynamoLocal';
import { loadOrCreateIssuerKeys } from './localKeys';
import { isProcessAlive, LOCAL_TABLES, localStatePaths } from './localState';
import { createLocalServer, ROUTE_PATH } from './localServer';
import { seedIfEmpty } from './seed';
import { ensureTables } from './tables';

/**
 * `npm start`: DynamoDB Local (persisted under the local folder) → tables → demo data → the
 * bundled Lambda handler (dist/handler.js, the artefact that is deployed) behind a local
 * API Gateway stand-in on http://localhost:$PORT/query. SIGINT/SIGTERM stop all of it.
 */
const REGION = 'us-east-1';
const paths = localStatePaths();
const port = Number(process.env.PORT ?? 4000);
const started: { dynamo?: DynamoLocal; servers: Server[] } = { servers: [] };
const log = (line: string) => console.log(`[store-api] ${line}`);

async function main(): Promise<void> {
  // The SDK warns that Node 20 support ends in 2027; Lambda runs Node 22, so locally it is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  refuseSecondInstance();
  log('Starting DynamoDB Local…');
  started.dynamo = await startDynamoLocal({
    port: Number(process.env.DYNAMODB_LOCAL_PORT ?? 0),
    dataDir: paths.dynamoDir,
  });
  writeFileSync(paths.runtimeFile, JSON.stringify({ pid: process.pid }));
  const endpoint = started.dynamo.endpoint;
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

  const keys = loadOrCreateIssuerKeys(paths.issuerKeys);
  // The handler reads its configuration from the environment exactly as in Lambda.
  Object.assign(process.env, {
    AWS_REGION: REGION,
    DYNAMODB_ENDPOINT: endpoint,
    PRODUCTS_TABLE: LOCAL_TABLES.products,
    COMMENTS_TABLE: LOCAL_TABLES.comments,
    CARTS_TABLE: LOCAL_TABLES.carts,
    PROMOTIONS_TABLE: LOCAL_TABLES.promotions,
    ORDERS_TABLE: LOCAL_TABLES.orders,
    PERSISTED_QUERIES_TABLE: LOCAL_TABLES.persistedQueries,
    LOCAL_AUTH_JWKS: JSON.stringify(keys.jwks),
  });
  const handler = await loadBundledHandler();
  const corsOrigins = (process.env.CORS_ALLOWED_ORIGINS ?? '*').split(',').map((origin) => origin.trim());
  await listenOnLoopback(handler, corsOrigins);

  const url = `http://localhost:${port}${ROUTE_PATH}`;
  log(
    `Ready at ${url} — try: curl -s ${url} -H 'content-type: application/json' ` +
      `-d '{"query":"{ products(first: 3) { nodes { id name price } } }"}'`,
  );
}

function refuseSecondInstance(): void {
  if (!existsSync(paths.runtimeFile)) return;
  const { pid } = JSON.parse(readFileSync(paths.runtimeFile, 'utf8')) as { pid: number };
  if (pid !== process.pid && isProcessAlive(pid)) {
    throw new Error(`Another npm start (pid ${pid}) is using ${paths.root}; stop it first.`);
  }
}

async function loadBundledHandler(): Promise<StoreHandler> {
  const bundle = resolve('dist/handler.js');
  if (!existsSync(bundle)) throw new Error('dist/handler.js is missing: run `npm run build` first.');
  const module = (await import(pathToFileURL(bundle).href)) as { handler?: StoreHandler };
  if (typeof module.handler !== 'function') throw new Error('dist/handler.js exports no handler');
  return module.handler;
}

/**
 * Listens on 127.0.0.1 and, where the machine has IPv6, on ::1 too: "localhost" resolves to
 * either depending on the client, and nothing here should be reachable from other machines.
 */
async function listenOnLoopback(handler: StoreHandler, corsOrigins: string[]): Promise<void> {
  for (const host of ['127.0.0.1', '::1']) {
    const server = createLocalServer(handler, { corsOrigins });
    server.listen(port, host);
    try {
      await Promise.race([
        once(server, 'listening'),
        once(server, 'error').then(([error]) => Promise.reject(error)),
      ]);
      started.servers.push(server);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
      if (code === 'EADDRINUSE')
        throw new Error(`Port ${port} is in use on ${host}; set PORT to another one.`);
      throw error;
    }
  }
}

async function stop(): Promise<void> {
  for (const server of started.servers) {
    server.closeAllConnections();
    server.close();
  }
  await started.dynamo?.stop();
  rmSync(paths.runtimeFile, { force: true });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

main().catch(async (error: unknown) => {
  console.error(`[store-api] ${error instanceof Error ? error.message : String(error)}`);
  await stop().catch(() => undefined);
  process.exit(1);
});
