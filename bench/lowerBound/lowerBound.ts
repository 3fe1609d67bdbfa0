import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { get } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { buildSchema, execute, parse, validate, type DocumentNode } from 'graphql';
import typeDefs from '../../schema.graphql';
import { encodeCursor } from '../../src/datasources/pagedQuery';

/**
 * BASELINE, NOT PRODUCT CODE: the lower bound the benchmark compares our handler with. It is the
 * least a Lambda serving the home page correctly has to do, on the same schema, data and SDK:
 * graphql-js alone (no server framework, no DataLoader, no plugins), the same two AWS SDK packages
 * with the same client options, the same DynamoDB requests, and an RS256 signature check with
 * node:crypto against the user pool's keys, downloaded once as ours does (a handler that trusted
 * unverified tokens, or knew the keys without asking, would not be a fair bound). Its first
 * request parses and validates (what `graphql()` does); later ones reuse the validated document
 * and only `execute`, as Apollo's document cache lets ours do.
 *
 * It serves only the queries the benchmark sends (the home page and the cart page); anything
 * else in the schema resolves to null.
 */
export type LowerBoundHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

type Env = Readonly<Record<string, string | undefined>>;
type Row = Record<string, unknown>;
type Tables = Record<'products' | 'comments' | 'carts' | 'promotions', string>;

interface Product {
  id: string;
  name: string;
  price: number;
  stock: number;
  commentCount?: number;
  ratingSum?: number;
  ratingCount?: number;
  sortName: string;
  /** The newest visible comments, by comment key (the store's src/datasources/recentComments.ts). */
  recentComments?: Record<string, Row>;
  [field: string]: unknown;
}

interface CartItem {
  items: Array<{ productId: string; quantity: number }>;
  promotionCode?: string;
}

export interface LowerBoundOptions {
  /** Called once with its DynamoDB client, before any request: the same seam as createLambdaHandler's. */
  onDynamoClient?: (client: DynamoDBDocumentClient) => void;
}

export function createLowerBoundHandler(env: Env, options: LowerBoundOptions = {}): LowerBoundHandler {
  const tables: Tables = {
    products: need(env, 'PRODUCTS_TABLE'),
    comments: need(env, 'COMMENTS_TABLE'),
    carts: need(env, 'CARTS_TABLE'),
    promotions: need(env, 'PROMOTIONS_TABLE'),
  };
  const endpoint = env.DYNAMODB_ENDPOINT;
  // The same options as src/datasources/dynamoClient.ts, so both sides pay the same SDK costs.
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: env.AWS_REGION ?? 'us-east-1',
      requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
      ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  options.onDynamoClient?.(db);
  // The pool the bench's tokens come from (cognito-local): its issuer, client and JWKS address.
  const pool = {
    issuer: `${need(env, 'COGNITO_ENDPOINT')}/${need(env, 'COGNITO_USER_POOL_ID')}`,
    clientId: need(env, 'COGNITO_CLIENT_ID'),
  };
  let keys: Promise<Map<string, KeyObject>> | undefined;
  const poolKeys = () =>
    (keys ??= downloadJson<{ keys: Array<{ kid: string }> }>(`${pool.issuer}/.well-known/jwks.json`).then(
      ({ keys: jwks }) => new Map(jwks.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })])),
    ));
  const schema = buildSchema(typeDefs);
  const documents = new Map<string, DocumentNode>();

  return async (event) => {
    const header = event.headers?.authorization;
    const userId = header ? verifiedSubject(header, await poolKeys(), pool) : null;
    if (header && !userId) return json(401, { errors: [{ message: 'Invalid token' }] });
    const request = JSON.parse(event.body ?? '{}') as { query: string; variables?: Record<string, unknown> };
    let document = documents.get(request.query);
    if (!document) {
      const parsed = parse(request.query);
      const errors = validate(schema, parsed);
      if (errors.length > 0) return json(400, { errors });
      documents.set(request.query, parsed);
      document = parsed;
    }
    const result = await execute({
      schema,
      document,
      rootValue: rootFor(db, tables, userId),
      variableValues: request.variables ?? null,
    });
    return json(200, result);
  };
}

/** Resolvers in graphql-js's plain style: functions on the source objects, bound to one request. */
function rootFor(db: DynamoDBDocumentClient, tables: Tables, userId: string | null): Row {
  const known = new Map<string, Product | null>();
  let cart: Promise<CartItem> | undefined;
  const readCart = (id: string) =>
    (cart ??= db
      .send(new GetCommand({ TableName: tables.carts, Key: { userId: id } }))
      .then((output) => (output.Item as CartItem | undefined) ?? { items: [] }));

  const productsById = async (ids: string[]): Promise<Array<Product | null>> => {
    const missing = [...new Set(ids.filter((id) => !known.has(id)))];
    if (missing.length > 0) {
      const output = await db.send(
        new BatchGetCommand({ RequestItems: { [tables.products]: { Keys: missing.map((id) => ({ id })) } } }),
      );
      for (const id of missing) known.set(id, null);
      for (const item of (output.Responses?.[tables.products] ?? []) as Product[]) known.set(item.id, item);
    }
    return ids.map((id) => known.get(id) ?? null);
  };

  const productObject = (product: Product): Row => ({
    ...product,
    commentCount: product.commentCount ?? 0,
    rating: product.ratingCount
      ? Math.round(((product.ratingSum ?? 0) / product.ratingCount) * 100) / 100
      : null,
    isSelected: async () =>
      userId ? (await readCart(userId)).items.some((line) => line.productId === product.id) : false,
    comments: async ({ first }: { first: number }) => {
      // The same data layout as the store's: the newest comments come with the product item.
      const recent = product.recentComments;
      if (recent && first <= 3) {
        const newest = Object.keys(recent)
          .sort()
          .reverse()
          .slice(0, first)
          .map((key) => recent[key] as Row);
        return {
          nodes: newest.map((comment) => ({ ...comment, rating: comment.rating ?? null })),
          pageInfo: { hasNextPage: (product.commentCount ?? 0) > first },
        };
      }
      const output = await db.send(
        new QueryCommand({
          TableName: tables.comments,
          KeyConditionExpression: '#productId = :productId AND #commentKey < :hidden',
          ExpressionAttributeNames: { '#productId': 'productId', '#commentKey': 'commentKey' },
          ExpressionAttributeValues: { ':productId': product.id, ':hidden': 'hidden#' },
          ScanIndexForward: false,
          Limit: first + 1,
        }),
      );
      const items = (output.Items ?? []) as Row[];
      return {
        nodes: items.slice(0, first).map((comment) => ({ ...comment, rating: comment.rating ?? null })),
        pageInfo: { hasNextPage: items.length > first },
      };
    },
  });

  return {
    products: async ({ first }: { first: number }) => {
      const output = await db.send(
        new QueryCommand({
          TableName: tables.products,
          IndexName: 'byName',
          KeyConditionExpression: '#catalogue = :catalogue',
          ExpressionAttributeNames: { '#catalogue': 'catalogue' },
          ExpressionAttributeValues: { ':catalogue': 'ALL' },
          Limit: first + 1,
        }),
      );
      const items = (output.Items ?? []) as Product[];
      const page = items.slice(0, first);
      for (const item of page) known.set(item.id, item);
      const last = page.at(-1);
      return {
        nodes: page.map(productObject),
        pageInfo: {
          hasNextPage: items.length > first,
          endCursor: last ? encodeCursor('product', { sortName: last.sortName, id: last.id }) : null,
        },
      };
    },
    cart: async () => {
      if (!userId) throw new Error('Sign in');
      const { items, promotionCode } = await readCart(userId);
      const products = await productsById(items.map((line) => line.productId));
      const lines = items.flatMap((line, index) => {
        const product = products[index];
        return product ? [{ ...line, product: productObject(product), price: product.price }] : [];
      });
      const subtotal = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
      // The promotion is read only when a discounted amount is asked for (not for the badge), as
      // the store does (its terms: src/domain/promotions.ts; dates and limits are not checked here).
      let terms: Promise<{ kind?: string; value?: number } | undefined> | undefined;
      const discount = async () => {
        terms ??= promotionCode
          ? db
              .send(new GetCommand({ TableName: tables.promotions, Key: { code: promotionCode } }))
              .then((output) => output.Item as { kind?: string; value?: number } | undefined)
          : Promise.resolve(undefined);
        const { kind, value = 0 } = (await terms) ?? {};
        if (kind === 'FIXED_AMOUNT') return Math.min(value, subtotal);
        return Math.floor((subtotal * value + 50) / 100);
      };
      return {
        items: lines.map((line) => ({ ...line, lineTotal: line.price * line.quantity })),
        itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
        subtotal,
        discount,
        total: async () => subtotal - (await discount()),
      };
    },
  };
}

/** RS256 with a key of the pool, unexpired, an ID token of this pool and app client: the `sub`. */
function verifiedSubject(
  header: string,
  keys: ReadonlyMap<string, KeyObject>,
  pool: { issuer: string; clientId: string },
): string | null {
  const [encodedHeader, encodedPayload, signature] = header.replace(/^Bearer /i, '').split('.');
  if (!encodedHeader || !encodedPayload || !signature) return null;
  const { alg, kid } = decode(encodedHeader);
  const key = typeof kid === 'string' ? keys.get(kid) : undefined;
  if (alg !== 'RS256' || !key) return null;
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  if (!verify('RSA-SHA256', signed, key, Buffer.from(signature, 'base64url'))) return null;
  const payload = decode(encodedPayload);
  const now = Date.now() / 1000;
  const valid =
    payload.iss === pool.issuer &&
    payload.aud === pool.clientId &&
    payload.token_use === 'id' &&
    typeof payload.exp === 'number' &&
    payload.exp > now &&
    typeof payload.sub === 'string';
  return valid ? (payload.sub as string) : null;
}

function decode(part: string): Row {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Row;
}

/** GET over node:http, as ours downloads an emulated pool's keys (not undici's fetch). */
function downloadJson<T>(uri: string): Promise<T> {
  return new Promise((resolve, reject) => {
    get(uri, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 200
          ? resolve(JSON.parse(body) as T)
          : reject(new Error(`The pool's keys: HTTP ${response.statusCode}`)),
      );
    }).on('error', reject);
  });
}

function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function need(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}
