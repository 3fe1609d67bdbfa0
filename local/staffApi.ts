import { setTimeout as delay } from 'node:timers/promises';
import type { CreateProductInput, UpdateProductInput } from '../src/generated/graphql';
import { STORED_PRODUCT_FIELDS, type ImportCategory, type StoredProduct } from './catalogueFile';

/**
 * The staff operations the catalogue import calls, over HTTP as any client would (Node's fetch, a
 * Bearer token): the same against `npm start` and a deployed stage. Two kinds of failure:
 * `ApiError`, the API refused this one operation (reported, the import goes on), and `StopError`,
 * nothing more can succeed (the endpoint is unreachable or not this API, the token is refused).
 * The token is sent, never put in a message.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** As a report line gives it: the code unless plain bad input, the message, the field it names. */
  get reason(): string {
    const code = this.code === 'BAD_USER_INPUT' ? '' : `${this.code}: `;
    return `${code}${this.message}${this.field ? ` (field ${this.field})` : ''}`;
  }
}

export class StopError extends Error {
  override name = 'StopError';
}

export interface StaffApiOptions {
  /** Per request; a Lambda stops at 10 s, so a request past this one is not coming back. */
  timeoutMs?: number;
  /** Extra attempts after a 429 or 503 (API Gateway throttling, `npm start` still starting). */
  retries?: number;
  /** The first wait between attempts when the answer gives no `retry-after`; doubled each time. */
  retryDelayMs?: number;
  /** Spends a wait between attempts (default: node:timers/promises' `setTimeout`); tests pass a recorder. */
  sleep?: (ms: number) => Promise<unknown>;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown; field?: unknown } }>;
}

const STAFF_CHECK =
  'query CatalogueImportCheck { products(first: 1, includeArchived: true) { nodes { id } } }';
const PRODUCT = `query CatalogueImportProduct($id: ID!) { product(id: $id) { ${STORED_PRODUCT_FIELDS} } }`;
const CREATE = `mutation CatalogueImportCreate($input: CreateProductInput!) {
  createProduct(input: $input) { id }
}`;
const UPDATE = `mutation CatalogueImportUpdate($id: ID!, $input: UpdateProductInput!) {
  updateProduct(id: $id, input: $input) { id }
}`;
const CATEGORIES = 'query CatalogueImportCategories { categories { slug name } }';
const CREATE_CATEGORY = `mutation CatalogueImportCreateCategory($input: CreateCategoryInput!) {
  createCategory(input: $input) { slug }
}`;
const RENAME_CATEGORY = `mutation CatalogueImportRenameCategory($slug: ID!, $name: String!) {
  renameCategory(slug: $slug, name: $name) { slug }
}`;
const REORDER_CATEGORIES = `mutation CatalogueImportReorderCategories($slugs: [ID!]!) {
  reorderCategories(slugs: $slugs) { slug }
}`;
const MAX_RETRY_AFTER_MS = 10_000;

export class StaffApi {
  private readonly endpoint: URL;
  private readonly shown: string;

  constructor(
    endpoint: string,
    private readonly token: string,
    private readonly options: StaffApiOptions = {},
  ) {
    this.endpoint = new URL(endpoint);
    // Without any user:password@ or query string, which could hold secrets.
    this.shown = `${this.endpoint.origin}${this.endpoint.pathname}`;
  }

  /** A staff-only read: refuses a shopper's token before anything is written. */
  async checkStaff(): Promise<void> {
    try {
      await this.request(STAFF_CHECK, {});
    } catch (error) {
      if (error instanceof ApiError)
        throw new StopError(`${this.shown} refused a staff read: ${error.message}`);
      throw error;
    }
  }

  /** The product, archived or not (staff see both); null when no product has that id. */
  async product(id: string): Promise<StoredProduct | null> {
    const product = (await this.request(PRODUCT, { id })).product as
      (Omit<StoredProduct, 'categories'> & { categories: Array<{ slug: string }> }) | null | undefined;
    if (!product) return null;
    return { ...product, categories: product.categories.map((category) => category.slug) };
  }

  /**
   * The store's categories, in its order. The import cannot tell what to create, rename or reorder
   * without them, so a refusal stops it.
   */
  async categories(): Promise<ImportCategory[]> {
    try {
      return (await this.request(CATEGORIES, {})).categories as ImportCategory[];
    } catch (error) {
      if (error instanceof ApiError)
        throw new StopError(`${this.shown} refused to list the categories: ${error.reason}`);
      throw error;
    }
  }

  async createCategory(input: ImportCategory): Promise<void> {
    await this.request(CREATE_CATEGORY, { input });
  }

  async renameCategory(slug: string, name: string): Promise<void> {
    await this.request(RENAME_CATEGORY, { slug, name });
  }

  async reorderCategories(slugs: string[]): Promise<void> {
    await this.request(REORDER_CATEGORIES, { slugs });
  }

  async create(input: CreateProductInput): Promise<void> {
    await this.request(CREATE, { input });
  }

  async update(id: string, input: UpdateProductInput): Promise<void> {
    await this.request(UPDATE, { id, input });
  }

  private async request(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { status, body } = await this.post(JSON.stringify({ query, variables }));
    const error = body.errors?.[0];
    if (error) throw this.refusal(error, status);
    if (!body.data) throw new StopError(`${this.shown} answered HTTP ${status} without data or errors`);
    return body.data;
  }

  private refusal(error: NonNullable<GraphQLBody['errors']>[number], status: number): Error {
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : `HTTP ${status}`;
    const message = typeof error.message === 'string' ? error.message : 'no message';
    if (code === 'UNAUTHENTICATED') {
      return new StopError(
        `the token was refused (UNAUTHENTICATED: ${message}): it is expired, malformed or not ` +
          `issued for the API at ${this.shown}`,
      );
    }
    if (code === 'FORBIDDEN') {
      return new StopError(
        'the token is not a staff token (FORBIDDEN): staff are the members of the Cognito group ' +
          '"admin" (docs/auth.md); locally, `npm run --silent token -- <userId> <name> --admin`',
      );
    }
    const field = typeof error.extensions?.field === 'string' ? error.extensions.field : undefined;
    return new ApiError(code, message, field);
  }

  /** One POST, again after a 429 or 503 (throttled or starting: the operation did not run). */
  private async post(payload: string): Promise<{ status: number; body: GraphQLBody }> {
    const { timeoutMs = 30_000, retries = 5, retryDelayMs = 500, sleep = delay } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(this.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new StopError(`cannot reach ${this.shown}: ${reasonOf(error, timeoutMs)}`);
      }
      const text = await response.text();
      if ((response.status === 429 || response.status === 503) && attempt < retries) {
        await sleep(retryWait(response.headers.get('retry-after'), retryDelayMs * 2 ** attempt));
        continue;
      }
      const body = graphqlBody(text);
      if (!body) {
        throw new StopError(
          `${this.shown} answered HTTP ${response.status} ${JSON.stringify(text.slice(0, 100))}, not ` +
            'GraphQL: is it the API, ending in /query?',
        );
      }
      return { status: response.status, body };
    }
  }
}

function graphqlBody(text: string): GraphQLBody | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null) return undefined;
    const { data, errors } = body as GraphQLBody;
    if (errors !== undefined && (!Array.isArray(errors) || errors.length === 0)) return undefined;
    return data !== undefined || errors !== undefined ? (body as GraphQLBody) : undefined;
  } catch {
    return undefined;
  }
}

function retryWait(retryAfter: string | null, fallbackMs: number): number {
  const seconds = Number(retryAfter);
  const wait = retryAfter !== null && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : fallbackMs;
  return Math.min(wait, MAX_RETRY_AFTER_MS);
}

/** fetch's own message is "fetch failed": the cause says what failed (ECONNREFUSED, ENOTFOUND…). */
function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
