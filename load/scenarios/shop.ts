import { randomUUID } from 'node:crypto';
import {
  ADD_COMMENT,
  ADD_TO_CART,
  APPLY_PROMOTION,
  CART_PAGE,
  CHECKOUT,
  HOME_PAGE,
  ORDERS,
  PRODUCT_PAGE,
  UPDATE_CART_ITEM,
} from '../operations';
import type { GraphQLBody, Recorder } from '../recorder';
import { cancelAction } from './orderLifecycle';
import { actionStep, between, dataField, pick, step, type Action, type Scenario } from './scenario';

/**
 * Enough that shoppers never run the catalogue dry in a run: this scenario measures ordinary
 * shopping, and scarcity is the hot-product scenario's subject. Set before the initial snapshot,
 * so the stock ledger starts from it.
 */
export const SHOP_STOCK = 100_000;
/** Codes as shoppers type them: any case, sometimes none (null clears the code). */
const PROMOTION_CODES = ['welcome10', 'HALFOFF', 'Welcome10', null];
/** One round in this many retries its checkout with the same key, as a client after a timeout. */
const REPLAY_EVERY = 4;
/** One checkout in this many is cancelled at the end of its round… */
const CANCEL_EVERY = 3;
/** …and one cancellation in this many is sent again at once (a double click). */
const RECANCEL_EVERY = 2;

interface Session {
  token: string;
  userId: string;
  first: string;
  second: string;
  itemCount: number;
  /** The order this round's checkout placed, and the key that placed it. */
  placed: { key: string; id: string } | null;
  /** What the shopper does after the review, in order: cancel (maybe twice), replay the checkout. */
  followUps: Array<() => Action | null>;
}

/**
 * Signed-in shoppers, one user (token) per virtual client, each round: home page → product page
 * → add to cart → second product → add → change the first line's quantity → apply (or clear) a
 * promotion code → cart page → checkout with a fresh idempotency key → orders → a review; then
 * one checkout in three is cancelled (and one cancellation in two sent again at once, which must
 * answer the order unchanged), and one round in four replays its checkout with the same key,
 * which must return the same order — cancelled or not — without taking stock again.
 */
export const shop: Scenario = {
  name: 'shop',
  summary:
    'signed-in shoppers: browse, fill and edit a cart, apply a code, check out, review, ' +
    `cancel one order in ${CANCEL_EVERY}`,
  // RATE_LIMITED: a shopper who rounds faster than 12 s comments more than 5 times a minute.
  expectedCodes: ['OUT_OF_STOCK', 'CONFLICT', 'RATE_LIMITED'],
  async prepare({ db, recorder, tokenFor, productIds, runId }) {
    for (const id of productIds) await db.setStock(id, SHOP_STOCK);
    return {
      sequenceFor(index) {
        const userId = `shopper-${runId}-${index}`;
        const session: Session = {
          token: tokenFor(userId, `Shopper ${index}`),
          userId,
          first: pick(productIds),
          second: pick(productIds),
          itemCount: 0,
          placed: null,
          followUps: [],
        };
        return shopperRound(session, recorder, productIds);
      },
    };
  },
};

function shopperRound(session: Session, recorder: Recorder, productIds: readonly string[]) {
  const { token } = session;
  const signedIn = () => ({ token });
  const cartAnswer = (field: string) => (body: GraphQLBody) => {
    const cart = dataField<{ itemCount: number }>(body, field);
    if (cart) session.itemCount = cart.itemCount;
  };
  return [
    step(recorder, HOME_PAGE, () => {
      session.first = pick(productIds);
      session.second = pick(productIds);
      session.placed = null;
      session.followUps = [];
      return { token };
    }),
    step(recorder, PRODUCT_PAGE, () => ({ token, variables: { id: session.first } })),
    step(
      recorder,
      ADD_TO_CART,
      () => ({ token, variables: { productId: session.first, quantity: between(1, 2) } }),
      cartAnswer('addToCart'),
    ),
    step(recorder, PRODUCT_PAGE, () => ({ token, variables: { id: session.second } })),
    step(
      recorder,
      ADD_TO_CART,
      () => ({ token, variables: { productId: session.second, quantity: 1 } }),
      cartAnswer('addToCart'),
    ),
    step(
      recorder,
      UPDATE_CART_ITEM,
      () => ({ token, variables: { productId: session.first, quantity: between(1, 3) } }),
      cartAnswer('updateCartItem'),
    ),
    step(
      recorder,
      APPLY_PROMOTION,
      () => ({ token, variables: { code: pick(PROMOTION_CODES) } }),
      cartAnswer('applyPromotionCode'),
    ),
    step(recorder, CART_PAGE, signedIn, cartAnswer('cart')),
    checkoutStep(session, recorder),
    step(recorder, ORDERS, signedIn),
    step(recorder, ADD_COMMENT, () => ({
      token,
      variables: {
        productId: session.first,
        text: `Load-test review by ${session.userId}`,
        rating: Math.random() < 0.8 ? between(1, 5) : null,
      },
    })),
    // One slot per possible follow-up (cancel, cancel again, replay); none left ends the round.
    ...[1, 2, 3].map(() => actionStep(recorder, () => nextFollowUp(session))),
  ];
}

function checkoutStep(session: Session, recorder: Recorder) {
  let key = '';
  return step(
    recorder,
    CHECKOUT,
    () => {
      // A shopper whose cart reads empty (every add refused) has nothing to check out.
      if (session.itemCount === 0) return null;
      key = randomUUID();
      return { token: session.token, variables: { key } };
    },
    (body) => {
      const order = dataField<{ id: string }>(body, 'checkout');
      if (!order) return;
      recorder.acknowledgedOrders.add(`${session.userId}/${order.id}`);
      session.placed = { key, id: order.id };
      session.itemCount = 0;
      planFollowUps(session, recorder, { key, id: order.id });
    },
  );
}

function planFollowUps(session: Session, recorder: Recorder, placed: { key: string; id: string }) {
  const { token, followUps } = session;
  if (Math.random() * CANCEL_EVERY < 1) {
    const onCancelled = (cancelledAt: string) => {
      if (Math.random() * RECANCEL_EVERY >= 1) return;
      followUps.unshift(() => cancelAction(recorder, token, placed.id, { repeatOf: cancelledAt }));
    };
    followUps.push(() => cancelAction(recorder, token, placed.id, { onCancelled }));
  }
  if (Math.random() * REPLAY_EVERY < 1) followUps.push(() => replayAction(session, recorder, placed));
}

/** The next follow-up the shopper chose this round, or null when none is left. */
function nextFollowUp(session: Session): Action | null {
  for (let next = session.followUps.shift(); next; next = session.followUps.shift()) {
    const action = next();
    if (action !== null) return action;
  }
  return null;
}

function replayAction(session: Session, recorder: Recorder, placed: { key: string; id: string }): Action {
  return {
    document: CHECKOUT,
    token: session.token,
    variables: { key: placed.key },
    onAnswer: (body) => {
      const order = dataField<{ id: string }>(body, 'checkout');
      if (order && order.id !== placed.id) recorder.anomaly('Checkout replay: a different order');
      if (!order && !body.errors?.length) recorder.anomaly('Checkout replay: neither order nor error');
    },
  };
}
