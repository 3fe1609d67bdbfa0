import type { Request } from 'autocannon';
import type { LoadDatabase } from '../database';
import { graphqlRequest, operationName } from '../operations';
import type { ExpectedByOperation, GraphQLBody, Recorder } from '../recorder';

export const SCENARIO_NAMES = ['browse', 'shop', 'hot'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ScenarioContext {
  db: LoadDatabase;
  recorder: Recorder;
  /** Mints an ID token of the runtime's local user pool: one distinct user per virtual client. */
  tokenFor(userId: string, name: string): string;
  /** The same for a staff member (`cognito:groups` holds the staff group). */
  staffTokenFor(userId: string, name: string): string;
  /** The catalogue's product ids when the scenario starts. */
  productIds: readonly string[];
  /** Unique per run, so user ids of two runs never meet. */
  runId: string;
}

export interface ScenarioPlan {
  /**
   * The request sequence of virtual client `index`, repeated until the time is up. Its closures
   * hold that client's session (token, cart state, last order), which autocannon's own
   * per-client context cannot: autocannon resets the context each time the sequence restarts.
   */
  sequenceFor(index: number): Request[];
  /** Work beside the load (a restock), started with it and awaited after it. */
  background?: { start(): void; stop(): Promise<void> };
  /** Units the tool added to stock during the load, per product, for the stock ledger. */
  restocked?: ReadonlyMap<string, number>;
}

export interface Scenario {
  name: ScenarioName;
  summary: string;
  /** The error codes a correct API may answer under this load; anything else fails the run. */
  expectedCodes: readonly string[];
  /** Codes a correct API may answer to these operations only (a race's loser), by operation. */
  expectedByOperation?: ExpectedByOperation;
  /** Writes what the scenario needs (before the initial snapshot) and plans its clients. */
  prepare(context: ScenarioContext): Promise<ScenarioPlan>;
}

export interface StepInput {
  variables?: Record<string, unknown>;
  token?: string;
}

/**
 * One request of a client's sequence. `input` runs just before sending, so each request sees
 * the session as the previous answers left it; returning null skips the rest of this round
 * (autocannon then restarts the sequence), as a shopper with an empty cart never checks out.
 * The first step of a sequence must never skip: autocannon cannot restart before its start.
 */
export function step(
  recorder: Recorder,
  document: string,
  input: () => StepInput | null,
  onAnswer?: (body: GraphQLBody) => void,
): Request {
  const name = operationName(document);
  return {
    setupRequest: (request) => {
      const next = input();
      // @types/autocannon types the return as Request, but autocannon documents (and
      // requestIterator.js implements) a falsy return as "restart from the first request".
      if (next === null) return null as unknown as Request;
      return graphqlRequest(request, document, next.variables ?? {}, next.token);
    },
    onResponse: (status, body) => {
      const parsed = recorder.record(name, status, body);
      if (parsed !== null) onAnswer?.(parsed);
    },
  };
}

/** One request chosen while the client runs: its document, its input and what to do with the answer. */
export interface Action extends StepInput {
  document: string;
  onAnswer?: (body: GraphQLBody) => void;
}

/**
 * A request slot whose operation is chosen when it is sent: `next` returns the client's next
 * follow-up (a replay, a cancellation…) or null, which ends the round as `step` does. Lets a round
 * end with whichever of several optional requests the client chose, in order, where fixed steps
 * could only skip all those after the first one left out.
 */
export function actionStep(recorder: Recorder, next: () => Action | null): Request {
  let current: { name: string; action: Action } | null = null;
  return {
    setupRequest: (request) => {
      const action = next();
      current = action && { name: operationName(action.document), action };
      if (action === null) return null as unknown as Request;
      return graphqlRequest(request, action.document, action.variables ?? {}, action.token);
    },
    onResponse: (status, body) => {
      if (current === null) return;
      const parsed = recorder.record(current.name, status, body);
      if (parsed !== null) current.action.onAnswer?.(parsed);
    },
  };
}

/** A uniformly random element of a non-empty list. */
export function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

/** A random integer in [min, max]. */
export function between(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** The field of a mutation's or query's data, when the response carried it. */
export function dataField<T>(body: GraphQLBody, field: string): T | undefined {
  // Each caller names a field of its own operation, whose selection fixes the shape T.
  return (body.data?.[field] ?? undefined) as T | undefined;
}
