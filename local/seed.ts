import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CategoryStore } from '../src/datasources/CategoryStore';
import { CommentStore } from '../src/datasources/CommentStore';
import { OrderStore } from '../src/datasources/OrderStore';
import { ProductStore } from '../src/datasources/ProductStore';
import { PromotionStore } from '../src/datasources/PromotionStore';
import type { TableNames } from '../src/datasources/tableDefinitions';
import { addComment } from '../src/domain/comments';
import { SEED_CATEGORIES, SEED_PRODUCTS, SEED_PROMOTIONS } from './seedData';

/**
 * Fills an empty catalogue with the demo data. Comments go through the API's own addComment and
 * CommentStore, so the products' comment counts, the ratings and the rating averages are kept
 * exactly as the API keeps them.
 */
export async function seedIfEmpty(
  db: DynamoDBDocumentClient,
  tables: TableNames,
  log: (line: string) => void,
): Promise<boolean> {
  const existing = await db.send(new ScanCommand({ TableName: tables.products, Limit: 1 }));
  if ((existing.Items ?? []).length > 0) return false;

  const products = new ProductStore(db, tables);
  const categories = new CategoryStore(db, tables.categories);
  // One minute apart, oldest first, so "newest first" has a stable, visible order (and no author
  // comes near the rate limit): the store dates each comment by this clock.
  const start = Date.now() - SEED_PRODUCTS.flatMap((product) => product.comments).length * 60_000;
  let commentedAt = start;
  const comments = new CommentStore(db, tables, { now: () => new Date(commentedAt) });
  const promotions = new PromotionStore(db, tables.promotions);
  const orders = new OrderStore(db, tables.orders, tables);

  log(`Seeding ${SEED_CATEGORIES.length} categories…`);
  // One after the other: each takes the next position.
  for (const { slug, name } of SEED_CATEGORIES) await categories.create(slug, name);
  log(`Seeding ${SEED_PRODUCTS.length} products…`);
  // A day apart in the order listed, so "newest first" is the list read backwards.
  const addedFrom = start - SEED_PRODUCTS.length * 86_400_000;
  // One after the other: products sharing a category update its counter.
  for (const [index, { comments: _comments, ...product }] of SEED_PRODUCTS.entries()) {
    await products.put({
      ...product,
      commentCount: 0,
      ratingSum: 0,
      ratingCount: 0,
      archived: false,
      createdAt: new Date(addedFrom + index * 86_400_000).toISOString(),
    });
  }
  const seedComments = SEED_PRODUCTS.flatMap((product) =>
    product.comments.map((comment) => ({ ...comment, productId: product.id })),
  );
  log(`Seeding ${seedComments.length} comments…`);
  for (const [index, { author, text, rating, productId }] of seedComments.entries()) {
    commentedAt = start + index * 60_000;
    const authorOf = { userId: `seed-${author.toLowerCase()}`, displayName: author };
    await addComment({ comments, products, orders }, authorOf, { productId, text, rating });
  }
  log(`Seeding ${SEED_PROMOTIONS.length} promotion codes…`);
  await Promise.all(SEED_PROMOTIONS.map((promotion) => promotions.put(promotion)));
  return true;
}
