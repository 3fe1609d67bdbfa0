import { STAFF_GROUP } from '../../src/auth/tokenVerifier';
import type { AppConfig } from '../../src/config';
import type { ProductRecord } from '../../src/datasources/models';
import type { GraphQLPostOptions, GraphQLRequest } from './events';
import { uniqueId } from './storeApi';
import { createTestApp, type TestApp } from './testApp';

/**
 * The Prepare steps most integration suites share: one app per test file, created and seeded
 * before its first test; shoppers and products no other test uses, so the tests of a file can
 * share that app without seeing each other's carts or catalogue edits.
 */

export type ProductFields = Partial<ProductRecord> & Pick<ProductRecord, 'id'>;

/** The catalogue's sample product, for suites about something other than the catalogue. */
export const LONELY_BIRD = {
  id: 'lonely-bird',
  name: 'Lonely Bird',
  price: 2999,
} as const satisfies ProductFields;

/** What NODE_ENV=production changes: no Sandbox, no introspection, no schema hints. */
export const PRODUCTION_MODE = {
  production: true,
  enableSandbox: false,
} as const satisfies Partial<AppConfig>;

export interface AppSetup {
  /** What differs from the test app's configuration (development mode, silent logs). */
  config?: Partial<AppConfig>;
  /** Promotion codes, each with its percentage. */
  promotions?: Record<string, number>;
  /** Stored one after the other, in this order. */
  products?: ProductFields[];
}

/**
 * The test file's app: `const app = useTestApp({ promotions: { WELCOME10: 10 } })` at the top of a
 * file registers a beforeAll that creates and seeds it (a later beforeAll of the file may seed
 * more); the value returned stands for it in tests and hooks, and throws if used before.
 */
export function useTestApp({ config, promotions = {}, products = [] }: AppSetup = {}): TestApp {
  let created: TestApp | undefined;
  beforeAll(async () => {
    const app = await createTestApp(config);
    for (const [code, percentage] of Object.entries(promotions)) await app.putPromotion(code, percentage);
    for (const product of products) await app.putProduct(product);
    created = app;
  });
  const app = (): TestApp => {
    if (!created) throw new Error('The test app is created in beforeAll: use it inside a test or a hook');
    return created;
  };
  return {
    get config() {
      return app().config;
    },
    get tables() {
      return app().tables;
    },
    get db() {
      return app().db;
    },
    get signer() {
      return app().signer;
    },
    get handler() {
      return app().handler;
    },
    invoke: (event) => app().invoke(event),
    graphql<TData>(request: GraphQLRequest, options?: GraphQLPostOptions) {
      return app().graphql<TData>(request, options);
    },
    tokenFor: (userId, name, claims) => app().tokenFor(userId, name, claims),
    putProduct: (product) => app().putProduct(product),
    putPromotion: (code, percentage) => app().putPromotion(code, percentage),
    scan: (table) => app().scan(table),
    snapshot: () => app().snapshot(),
  };
}

/** A signed-in user no other test is: the id is unique, the display name is `name`. */
export interface Shopper {
  userId: string;
  name: string;
  token: string;
}

export function shopper(app: TestApp, name = 'Shopper'): Shopper {
  const userId = uniqueId(name.toLowerCase());
  return { userId, name, token: app.tokenFor(userId, name) };
}

/**
 * A signed-in staff member no other test is: like `shopper`, but the token's `cognito:groups`
 * holds the staff group (`admin`), as Cognito's ID token of a member of that group does.
 */
export function staffMember(app: TestApp, name = 'Staff'): Shopper {
  const userId = uniqueId(name.toLowerCase());
  return { userId, name, token: app.tokenFor(userId, name, { 'cognito:groups': [STAFF_GROUP] }) };
}

/** A product no other test sees: its id is `prefix` made unique; `fields` override the defaults. */
export function freshProduct(
  app: TestApp,
  prefix: string,
  fields: Partial<ProductRecord> = {},
): Promise<ProductRecord> {
  return app.putProduct({ ...fields, id: uniqueId(prefix) });
}

/**
 * Products no other test sees, stored in the catalogue: each key of `fields` names one, and
 * prefixes its unique id (`bird` → `bird-1a2b3c4d`); the fields given override testApp's defaults.
 */
export async function freshProducts<TName extends string>(
  app: TestApp,
  fields: Record<TName, Partial<ProductRecord>>,
): Promise<Record<TName, ProductRecord>> {
  const stored: Array<[string, ProductRecord]> = [];
  for (const [name, product] of Object.entries<Partial<ProductRecord>>(fields)) {
    stored.push([name, await freshProduct(app, name, product)]);
  }
  return Object.fromEntries(stored) as Record<TName, ProductRecord>;
}
