import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CartStore } from '../src/datasources/CartStore';
import { CategoryStore } from '../src/datasources/CategoryStore';
import { CommentStore } from '../src/datasources/CommentStore';
import { ProductStore } from '../src/datasources/ProductStore';
import { PromotionStore } from '../src/datasources/PromotionStore';
import { TABLE_KEYS, type TableKey, type TableNames } from '../src/datasources/tableDefinitions';
import { COMMENT_RATE_LIMIT } from '../src/domain/comments';
import type { Item } from './fixtureDynamo';

/** Enough for the largest page the API serves (100) plus products that are on no first page. */
export const PRODUCT_COUNT = 120;
/** One more than the home page shows per product, so `hasNextPage` is true as in a real store. */
const COMMENTS_PER_PRODUCT = 4;
/** Seeding products concurrently; one product's comments stay sequential (they bump its counters). */
const SEED_CONCURRENCY = 8;

/** Half the catalogue each: the browse page lists one of them. */
export const BENCH_CATEGORIES = [
  { slug: 'lighting', name: 'Lighting' },
  { slug: 'tableware', name: 'Tableware' },
] as const;

export const SHOPPER = { userId: 'bench-shopper', name: 'Bench Shopper' };
export const BULK_BUYER = { userId: 'bench-bulk-buyer', name: 'Bench Bulk Buyer' };
export const BULK_CART_LINES = 50;

export function benchTableNames(): TableNames {
  return Object.fromEntries(TABLE_KEYS.map((key) => [key, `bench-${key}`])) as TableNames;
}

/** Product ids in the catalogue's name order (names sort as their zero-padded numbers). */
export function productId(index: number): string {
  return `bench-${String(index).padStart(3, '0')}`;
}

const ADJECTIVES = ['Amber', 'Brass', 'Cedar', 'Dusky', 'Ember', 'Frost', 'Golden', 'Hazel'];
const NOUNS = ['Lamp', 'Bowl', 'Candle', 'Print', 'Mug', 'Vase', 'Scarf', 'Notebook'];

/**
 * Writes the catalogue, comments, promotions and two carts through the real stores (so every
 * item has exactly the layout the API reads), on tables that must already exist and be empty.
 * The shopper's cart holds two products of the first page and one far beyond it, with a
 * promotion code, so `isSelected` and the cart badge do real reads.
 */
export async function seedBenchData(db: DynamoDBDocumentClient, tables: TableNames): Promise<void> {
  const products = new ProductStore(db, tables);
  const categories = new CategoryStore(db, tables.categories);
  for (const { slug, name } of BENCH_CATEGORIES) await categories.create(slug, name);
  const indexes = Array.from({ length: PRODUCT_COUNT }, (_, index) => index);
  const start = Date.UTC(2026, 0, 1);
  for (let offset = 0; offset < indexes.length; offset += SEED_CONCURRENCY) {
    await Promise.all(
      indexes.slice(offset, offset + SEED_CONCURRENCY).map(async (index) => {
        const id = productId(index);
        const name = `${String(index).padStart(3, '0')} ${ADJECTIVES[index % ADJECTIVES.length]} ${
          NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length]
        }`;
        await products.put({
          id,
          name,
          description: `${name}: made in small batches, packed by hand, shipped in recycled paper.`,
          image: `https://images.example.com/products/${id}.jpg`,
          code: `BN-${String(index).padStart(4, '0')}`,
          price: 500 + ((index * 731) % 9500),
          stock: 10 + ((index * 37) % 91),
          commentCount: 0,
          ratingSum: 0,
          ratingCount: 0,
          archived: false,
          // The bench's browse page reads a category (bench/queries.ts).
          categories: [index % 2 === 0 ? BENCH_CATEGORIES[0].slug : BENCH_CATEGORIES[1].slug],
          createdAt: new Date(start - (PRODUCT_COUNT - index) * 60_000).toISOString(),
        });
        for (let comment = 0; comment < COMMENTS_PER_PRODUCT; comment += 1) {
          // Each comment a minute of its own, so the seed's authors stay within the rate limit.
          const commentedAt = new Date(start + (index * COMMENTS_PER_PRODUCT + comment) * 60_000);
          const comments = new CommentStore(db, tables, { now: () => commentedAt });
          const written = await comments.add(
            {
              productId: id,
              authorId: `bench-author-${comment}`,
              author: `Reader ${comment + 1}`,
              text: `Comment ${comment + 1} on ${name}: arrived quickly and looks just like the photos.`,
              ...(comment % 2 === 0 ? { rating: 3 + (comment % 3) } : {}),
            },
            COMMENT_RATE_LIMIT,
          );
          if (written.outcome !== 'added') throw new Error(`Seeding ${id}: comment ${written.outcome}`);
        }
      }),
    );
  }
  const promotions = new PromotionStore(db, tables.promotions);
  await promotions.put({ code: 'WELCOME10', kind: 'PERCENTAGE', value: 10 });
  const carts = new CartStore(db, tables.carts);
  await carts.save(
    { userId: SHOPPER.userId, items: [], version: 0 },
    {
      items: [1, 3, PRODUCT_COUNT - 5].map((index) => ({ productId: productId(index), quantity: 2 })),
      promotionCode: 'WELCOME10',
    },
  );
  await carts.save(
    { userId: BULK_BUYER.userId, items: [], version: 0 },
    {
      items: Array.from({ length: BULK_CART_LINES }, (_, line) => ({
        productId: productId((line * 7) % PRODUCT_COUNT),
        quantity: 1,
      })),
    },
  );
}

/** Every item of every table, as DynamoDB returns them (attribute values, not plain JSON). */
export async function snapshotTables(
  client: DynamoDBClient,
  tables: TableNames,
): Promise<Record<TableKey, Item[]>> {
  const entries = await Promise.all(
    TABLE_KEYS.map(async (key) => {
      const items: Item[] = [];
      let start: Item | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: tables[key], ConsistentRead: true, ExclusiveStartKey: start }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return [key, items] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<TableKey, Item[]>;
}
