import { randomUUID } from 'node:crypto';
import type { LoadDatabase } from '../database';
import { CHECKOUT, ORDERS, PRODUCT_PAGE, UPDATE_CART_ITEM } from '../operations';
import type { Recorder } from '../recorder';
import { cancelAction, staffSequence } from './orderLifecycle';
import { actionStep, between, dataField, step, type Scenario } from './scenario';

export const HOT_PRODUCT_ID = 'load-hot-print';
/** Low stock: a few of the clients can buy, the rest must be told OUT_OF_STOCK. */
export const HOT_STOCK = 20;
/**
 * A flash sale in drops: every interval the shop adds this many units, so the race for the last
 * units happens again and again during the whole run instead of once in its first second.
 */
export const DROP_UNITS = 20;
export const DROP_INTERVAL_MS = 2000;
/** A buyer cancels one order in this many, after a look at the orders page. */
export const CANCEL_EVERY = 2;
/** Virtual clients 1, 1 + STAFF_EVERY, 1 + 2 × STAFF_EVERY… are staff shipping (2+ clients). */
export const STAFF_EVERY = 10;

/**
 * Every virtual client is a different user after the same low-stock product: product page →
 * put 1–2 units in the cart → check out with a fresh key (skipped when the cart update was
 * refused); one buyer in CANCEL_EVERY then opens the orders page and cancels, giving the units
 * back to the others' checkouts. Client 1 and every STAFF_EVERY-th after it are staff instead,
 * listing the PLACED orders and shipping them, so a cancellation races a shipment: whichever
 * loses is told BAD_USER_INPUT, the only operations where that code is expected. The stock ledger
 * then proves nothing was oversold nor returned twice, and the lifecycle checks that exactly one
 * side of each race happened.
 */
export const hotProduct: Scenario = {
  name: 'hot',
  summary:
    `one product with ${HOT_STOCK} units (+${DROP_UNITS} every ${DROP_INTERVAL_MS / 1000} s), every client ` +
    `buying it, one in ${CANCEL_EVERY} cancelling; one client in ${STAFF_EVERY} staff shipping`,
  expectedCodes: ['OUT_OF_STOCK', 'CONFLICT'],
  // Only the loser of a cancel-versus-ship race: a shipped order cannot be cancelled, nor a
  // cancelled one shipped.
  expectedByOperation: { CancelOrder: ['BAD_USER_INPUT'], ShipOrder: ['BAD_USER_INPUT'] },
  async prepare({ db, recorder, tokenFor, staffTokenFor, runId }) {
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
      categories: [],
      createdAt: new Date().toISOString(),
    });
    const drops = new Drops(db);
    const fanPrefix = `fan-${runId}-`;
    return {
      background: drops,
      restocked: drops.added,
      sequenceFor(index) {
        if (index % STAFF_EVERY === 1) {
          const token = staffTokenFor(`dispatcher-${runId}-${index}`, `Dispatcher ${index}`);
          return staffSequence(recorder, token, (customerId) => customerId.startsWith(fanPrefix));
        }
        const userId = `${fanPrefix}${index}`;
        return fanRound(recorder, userId, tokenFor(userId, `Fan ${index}`));
      },
    };
  },
};

function fanRound(recorder: Recorder, userId: string, token: string) {
  let inCart = false;
  /** The order this round placed, while its buyer means to cancel it. */
  let regretted: string | null = null;
  return [
    step(recorder, PRODUCT_PAGE, () => {
      regretted = null;
      return { token, variables: { id: HOT_PRODUCT_ID } };
    }),
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
        if (!order) return;
        recorder.acknowledgedOrders.add(`${userId}/${order.id}`);
        if (Math.random() * CANCEL_EVERY < 1) regretted = order.id;
      },
    ),
    step(recorder, ORDERS, () => (regretted === null ? null : { token })),
    actionStep(recorder, () => (regretted === null ? null : cancelAction(recorder, token, regretted))),
  ];
}

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
