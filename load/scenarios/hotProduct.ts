import { randomUUID } from 'node:crypto';
import type { LoadDatabase } from '../database';
import { CHECKOUT, PRODUCT_PAGE, UPDATE_CART_ITEM } from '../operations';
import { between, dataField, step, type Scenario } from './scenario';

export const HOT_PRODUCT_ID = 'load-hot-print';
/** Low stock: a few of the clients can buy, the rest must be told OUT_OF_STOCK. */
export const HOT_STOCK = 20;
/**
 * A flash sale in drops: every interval the shop adds this many units, so the race for the last
 * units happens again and again during the whole run instead of once in its first second.
 */
export const DROP_UNITS = 20;
export const DROP_INTERVAL_MS = 2000;

/**
 * Every virtual client is a different user after the same low-stock product: product page →
 * put 1–2 units in the cart → check out with a fresh key (skipped when the cart update was
 * refused). Checkouts race for the same item, so they exercise the conditional stock decrement
 * and the contention retries; the stock ledger then proves nothing was oversold.
 */
export const hotProduct: Scenario = {
  name: 'hot',
  summary: `one product with ${HOT_STOCK} units (+${DROP_UNITS} every ${DROP_INTERVAL_MS / 1000} s), every client buying it`,
  expectedCodes: ['OUT_OF_STOCK', 'CONFLICT'],
  async prepare({ db, recorder, tokenFor, runId }) {
    await db.putProduct({
      id: HOT_PRODUCT_ID,
      name: 'Limited Print',
      description: 'A numbered print, sold in small drops.',
      code: 'LP-HOT',
      price: 4999,
      stock: HOT_STOCK,
      commentCount: 0,
      ratingSum: 0,
      ratingCount: 0,
      archived: false,
    });
    const drops = new Drops(db);
    return {
      background: drops,
      restocked: drops.added,
      sequenceFor(index) {
        const userId = `fan-${runId}-${index}`;
        const token = tokenFor(userId, `Fan ${index}`);
        let inCart = false;
        return [
          step(recorder, PRODUCT_PAGE, () => ({ token, variables: { id: HOT_PRODUCT_ID } })),
          step(
            recorder,
            UPDATE_CART_ITEM,
            () => ({ token, variables: { productId: HOT_PRODUCT_ID, quantity: between(1, 2) } }),
            (body) => (inCart = dataField(body, 'updateCartItem') !== undefined),
          ),
          step(
            recorder,
            CHECKOUT,
            () => (inCart ? { token, variables: { key: randomUUID() } } : null),
            (body) => {
              const order = dataField<{ id: string }>(body, 'checkout');
              if (order) recorder.acknowledgedOrders.add(`${userId}/${order.id}`);
            },
          ),
        ];
      },
    };
  },
};

/** The restock beside the load; `added` is what it really added (each ADD that succeeded). */
class Drops {
  readonly added = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(private readonly db: LoadDatabase) {}

  start(): void {
    this.timer = setInterval(() => {
      this.pending = this.pending.then(() => this.drop());
    }, DROP_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pending;
    // A drop that failed may or may not have been applied: the ledger could not be trusted.
    if (this.failure !== null) throw this.failure;
  }

  private async drop(): Promise<void> {
    try {
      await this.db.addStock(HOT_PRODUCT_ID, DROP_UNITS);
      this.added.set(HOT_PRODUCT_ID, (this.added.get(HOT_PRODUCT_ID) ?? 0) + DROP_UNITS);
    } catch (error) {
      this.failure ??= error;
    }
  }
}
