import type { Request } from 'autocannon';
import { ALL_ORDERS_PLACED, CANCEL_ORDER, SHIP_ORDER } from '../operations';
import { lifecycleState } from '../orderInvariants';
import type { GraphQLBody, Recorder } from '../recorder';
import { actionStep, dataField, step, type Action } from './scenario';

/**
 * An order's life after checkout, as the load drives it: the shopper's cancellation and staff
 * shipping what is still PLACED. Every answer is checked (the order it names, its status and
 * timestamps) and counted as an outcome, so the report tells how often each side of the
 * cancel-versus-ship race won; the tables then prove that exactly one of them happened.
 */

/** The order fields the lifecycle operations select (operations.ts). */
interface OrderView {
  id: string;
  status: string;
  createdAt: string;
  cancelledAt: string | null;
  shippedAt: string | null;
  customerId: string;
}

/** The outcomes counted, as the report prints them. */
export const OUTCOMES = {
  cancelled: 'cancelled',
  cancelRepeated: 'cancelled again: answered unchanged',
  cancelLost: 'cancel lost to a shipment (BAD_USER_INPUT)',
  /** Answered SHIPPED at a time after the request: its own shipment or a racing twin's. */
  shipped: 'shipped',
  shipRepeated: 'shipped again: answered unchanged',
  /** Answered SHIPPED at a time before the request: another staff client had shipped it. */
  alreadyShipped: 'ship found it shipped earlier',
  shipLost: 'ship lost to a cancellation (BAD_USER_INPUT)',
} as const;

/** How many of the orders one listing shows a staff client ships before listing again. */
export const SHIPS_PER_LISTING = 5;
/** One shipment in this many is sent again at once, as a double click would. */
const RESHIP_EVERY = 4;

export interface CancelOptions {
  /** The cancelledAt of this order's earlier, successful cancellation: this is a repeat. */
  repeatOf?: string;
  onCancelled?: (cancelledAt: string) => void;
}

/**
 * The shopper cancels their own order. A first cancellation must answer the order CANCELLED at
 * a time after it was sent (no one else may cancel it); a repeat must answer it unchanged. A
 * shipment that won the race answers BAD_USER_INPUT: counted here, and expected by the scenario
 * only where staff ship.
 */
export function cancelAction(
  recorder: Recorder,
  token: string,
  orderId: string,
  { repeatOf, onCancelled }: CancelOptions = {},
): Action {
  const sentAt = new Date().toISOString();
  return {
    document: CANCEL_ORDER,
    token,
    variables: { id: orderId },
    onAnswer: (body) => {
      const order = dataField<OrderView>(body, 'cancelOrder');
      if (!order) {
        const code = errorCode(body);
        recorder.outcome(code === 'BAD_USER_INPUT' ? OUTCOMES.cancelLost : `cancel refused (${code})`);
        return;
      }
      const { cancelledAt } = order;
      if (order.id !== orderId || order.status !== 'CANCELLED' || !cancelledAt || order.shippedAt) {
        recorder.anomaly('CancelOrder: the answer is not this order, cancelled and unshipped');
        return;
      }
      recorder.answered(`${order.customerId}/${order.id}`, lifecycleState(order));
      if (repeatOf !== undefined) {
        if (cancelledAt === repeatOf) recorder.outcome(OUTCOMES.cancelRepeated);
        else recorder.anomaly('CancelOrder repeated: cancelledAt changed');
      } else if (cancelledAt < sentAt) {
        recorder.anomaly('CancelOrder: a first cancellation answered an earlier one');
      } else {
        recorder.outcome(OUTCOMES.cancelled);
        onCancelled?.(cancelledAt);
      }
    },
  };
}

/**
 * A staff client: list every customer's PLACED orders (newest first), then ship up to
 * SHIPS_PER_LISTING of those `ours` accepts (the scenario's own customers, so no order of an
 * earlier scenario changes), in random order so that several staff clients also race each other;
 * then list again.
 */
export function staffSequence(
  recorder: Recorder,
  token: string,
  ours: (customerId: string) => boolean,
): Request[] {
  const queue: ShipTask[] = [];
  const list = step(
    recorder,
    ALL_ORDERS_PLACED,
    () => ({ token }),
    (body) => {
      const nodes = dataField<{ nodes: OrderView[] }>(body, 'allOrders')?.nodes ?? [];
      const candidates = nodes.filter((o) => o.status === 'PLACED' && ours(o.customerId));
      queue.splice(
        0,
        queue.length,
        ...shuffle(candidates)
          .slice(0, SHIPS_PER_LISTING)
          .map(({ id }) => ({ id })),
      );
    },
  );
  // Two slots more for repeats; an empty queue ends the round (and the client lists again).
  const ship = () =>
    actionStep(recorder, () => {
      const task = queue.shift();
      return task ? shipAction(recorder, token, task, queue) : null;
    });
  return [list, ...Array.from({ length: SHIPS_PER_LISTING + 2 }, ship)];
}

interface ShipTask {
  id: string;
  /** The shippedAt this client's own shipment answered: this is a repeat. */
  repeatOf?: string;
}

function shipAction(recorder: Recorder, token: string, task: ShipTask, queue: ShipTask[]): Action {
  const sentAt = new Date().toISOString();
  return {
    document: SHIP_ORDER,
    token,
    variables: { id: task.id },
    onAnswer: (body) => {
      const order = dataField<OrderView>(body, 'shipOrder');
      if (!order) {
        const code = errorCode(body);
        recorder.outcome(code === 'BAD_USER_INPUT' ? OUTCOMES.shipLost : `ship refused (${code})`);
        return;
      }
      const { shippedAt } = order;
      if (order.id !== task.id || order.status !== 'SHIPPED' || !shippedAt || order.cancelledAt) {
        recorder.anomaly('ShipOrder: the answer is not this order, shipped and not cancelled');
        return;
      }
      recorder.answered(`${order.customerId}/${order.id}`, lifecycleState(order));
      if (task.repeatOf !== undefined) {
        if (shippedAt === task.repeatOf) recorder.outcome(OUTCOMES.shipRepeated);
        else recorder.anomaly('ShipOrder repeated: shippedAt changed');
      } else if (shippedAt < sentAt) {
        // Certainly another client's shipment; one that won a race with this very request can
        // also be later than sentAt, and is counted as shipped: the tables count the shipments.
        recorder.outcome(OUTCOMES.alreadyShipped);
      } else {
        recorder.outcome(OUTCOMES.shipped);
        if (Math.random() * RESHIP_EVERY < 1) queue.unshift({ id: task.id, repeatOf: shippedAt });
      }
    },
  };
}

/** The `extensions.code` of a response's first error ('none' when it has none). */
function errorCode(body: GraphQLBody): string {
  const code = body.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'none';
}

function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
