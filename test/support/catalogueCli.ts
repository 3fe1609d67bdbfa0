import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLocalServer } from '../../local/localServer';
import type { StoreHandler } from '../../src/transport/lambdaHandler';
import { staffMember } from './fixtures';
import { dataOf, uniqueId } from './storeApi';
import type { TestApp } from './testApp';

/**
 * The catalogue import as staff run it: the real CLI (`local/catalogue.ts`, as `npm run catalogue`
 * runs it) in a child process, against the real handler behind the local API Gateway stand-in on
 * a free loopback port, with its files in a temporary folder.
 */
export const REPO_ROOT = resolve(__dirname, '../..');

export interface CatalogueRun {
  /** The exit code (null if a signal ended it). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout's lines, without the empty last one. */
  lines: string[];
}

/** Runs the CLI with `env` added to this process's environment, less any staff token of its own. */
export function runCatalogue(args: string[], env: Record<string, string> = {}): Promise<CatalogueRun> {
  const { STORE_STAFF_TOKEN: _ownToken, ...inherited } = process.env;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'local/catalogue.ts', ...args],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20_000, env: { ...inherited, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr, lines: stdout.split('\n').filter((line) => line !== '') });
      },
    );
  });
}

/** `import <file> --endpoint <url> --token <token>`. */
export function importArgs(file: string, endpoint: string, token: string): string[] {
  return ['import', file, '--endpoint', endpoint, '--token', token];
}

/** A temporary folder for import files: `write` puts one there; `remove` deletes the folder. */
export function catalogueFiles(): { write(name: string, content: unknown): string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'catalogue-import-'));
  return {
    write(name, content) {
      const path = join(folder, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return path;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** The handler behind the local API Gateway stand-in on 127.0.0.1, at `url` (…/query). */
export async function serveLocally(handler: StoreHandler): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createLocalServer(handler, { corsOrigins: ['*'] });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/query`,
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A loopback URL where nothing listens: a port that was free a moment ago. */
export async function unreachableUrl(): Promise<string> {
  const { url, stop } = await serveLocally(() => Promise.reject(new Error('never called')));
  await stop();
  return url;
}

/** A product as the file gives it, valid; a bad entry is any object (`Entry`). */
export type FileProduct = {
  id: string;
  name: string;
  code: string;
  price: number;
  description?: string;
  image?: string;
  stock?: number;
  categories?: string[];
};
export type Entry = Record<string, unknown>;

/** A category as the file gives it, and as `categories` answers it without its count. */
export interface FileCategory {
  slug: string;
  name: string;
}

/** A valid file category with a fresh slug; its name from the slug unless given. */
export function fileCategory(prefix: string, name = `Category ${prefix}`): FileCategory {
  return { slug: uniqueId(prefix), name };
}

/** The store's categories in its order, as anyone reads them. */
export async function storeCategories(app: TestApp): Promise<Array<FileCategory & { productCount: number }>> {
  const response = await app.graphql<{ categories: Array<FileCategory & { productCount: number }> }>({
    query: '{ categories { slug name productCount } }',
  });
  return dataOf(response).categories;
}

/** The slugs of a product's categories, as staff read them (archived products too). */
export async function categoriesOfProduct(app: TestApp, id: string, token: string): Promise<string[] | null> {
  const response = await app.graphql<{ product: { categories: Array<{ slug: string }> } | null }>(
    { query: 'query P($id: ID!) { product(id: $id) { categories { slug } } }', variables: { id } },
    { token },
  );
  return dataOf(response).product?.categories.map((category) => category.slug) ?? null;
}

/** Creates a category through the staff API, as staff do by hand. */
export async function createCategory(app: TestApp, token: string, category: FileCategory): Promise<void> {
  dataOf(
    await app.graphql(
      {
        query: 'mutation C($input: CreateCategoryInput!) { createCategory(input: $input) { slug } }',
        variables: { input: category },
      },
      { token },
    ),
  );
}

/** A valid file product with a fresh id; `fields` override it. */
export function fileProduct(prefix: string, fields: Partial<FileProduct> = {}): FileProduct {
  return {
    id: uniqueId(prefix),
    name: `Product ${prefix}`,
    code: `${prefix.toUpperCase()}-1`,
    price: 1500,
    ...fields,
  };
}

/**
 * For a test file: registers a beforeAll that serves `app`'s handler locally and signs in a staff
 * member, and an afterAll that stops the server and removes the import files. `url` and
 * `staffToken` are read inside a test or a hook.
 */
export function useCatalogueCli(app: TestApp) {
  const files = catalogueFiles();
  let server: Awaited<ReturnType<typeof serveLocally>>;
  let staffToken: string;

  beforeAll(async () => {
    server = await serveLocally(app.handler);
    staffToken = staffMember(app, 'Sam').token;
  });

  afterAll(async () => {
    await server?.stop();
    files.remove();
  });

  return {
    files,
    get url(): string {
      return server.url;
    },
    get staffToken(): string {
      return staffToken;
    },
    /** An import file of these products, and of these categories when given, in the temporary folder. */
    fileOf: (products: Entry[], categories?: unknown[]) =>
      files.write(`${uniqueId('catalogue')}.json`, categories ? { categories, products } : { products }),
    runImport: (path: string, token = staffToken) => runCatalogue(importArgs(path, server.url, token)),
  };
}
