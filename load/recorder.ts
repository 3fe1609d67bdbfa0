/**
 * Counts what the API answered during one scenario. GraphQL errors arrive in 200 bodies, so
 * every body is parsed: the status alone would call an OUT_OF_STOCK a success. Counts are by
 * HTTP status, by `extensions.code`, and by operation; anything the tool itself finds wrong with
 * a response (a body that is not GraphQL, a replayed checkout naming another order) is an anomaly.
 */

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: string; extensions?: { code?: unknown } }>;
}

/** Set when an error carries no `extensions.code`: the contract says every error has one. */
export const NO_CODE = 'NO_CODE';

/** Codes a correct API may answer to one operation only (operation name → codes). */
export type ExpectedByOperation = Readonly<Record<string, readonly string[]>>;

export class Recorder {
  responses = 0;
  readonly statusCodes = new Map<number, number>();
  readonly errorCodes = new Map<string, number>();
  /** `<operation> <code>`: where each error came from. */
  readonly errorsByOperation = new Map<string, number>();
  readonly operations = new Map<string, number>();
  readonly anomalies = new Map<string, number>();
  /** What the scenario's clients saw happen (an order cancelled, a shipment lost a race…). */
  readonly outcomes = new Map<string, number>();
  /** `<userId>/<orderId>` of every order a checkout answered with: each must be in the table. */
  readonly acknowledgedOrders = new Set<string>();
  /**
   * `<userId>/<orderId>` → what cancellations and shipments answered it with (`CANCELLED at
   * <cancelledAt>`): each must be the order's state in the table, and no order answered two.
   */
  readonly answeredStatuses = new Map<string, Set<string>>();

  /** Records one response; returns its parsed body, or null when it is not a GraphQL body. */
  record(operation: string, status: number, body: string): GraphQLBody | null {
    this.responses += 1;
    increment(this.statusCodes, status);
    increment(this.operations, operation);
    const parsed = parse(body);
    if (parsed === null) {
      this.anomaly(`${operation}: body is not a GraphQL response`);
      return null;
    }
    for (const error of parsed.errors ?? []) {
      const code = typeof error.extensions?.code === 'string' ? error.extensions.code : NO_CODE;
      increment(this.errorCodes, code);
      increment(this.errorsByOperation, `${operation} ${code}`);
    }
    return parsed;
  }

  anomaly(description: string): void {
    increment(this.anomalies, description);
  }

  outcome(description: string): void {
    increment(this.outcomes, description);
  }

  /** A cancellation or a shipment answered the order `<userId>/<orderId>` in `state`. */
  answered(orderKey: string, state: string): void {
    const states = this.answeredStatuses.get(orderKey) ?? new Set<string>();
    this.answeredStatuses.set(orderKey, states.add(state));
  }

  /**
   * Everything a correct API would not answer under this load: error codes outside `expected`
   * (or outside `byOperation`'s codes for the operation that answered them), any non-2xx status,
   * and anomalies. Each entry reads "<what> ×<count>"; a code some operations may answer names
   * the operations that answered it unexpectedly.
   */
  unexpected(expectedCodes: readonly string[], byOperation: ExpectedByOperation = {}): string[] {
    const found: string[] = [];
    const scoped = new Set(Object.values(byOperation).flat());
    for (const [code, count] of this.errorCodes) {
      if (expectedCodes.includes(code)) continue;
      if (!scoped.has(code)) {
        found.push(`${code} ×${count}`);
        continue;
      }
      for (const [key, count] of this.errorsByOperation) {
        const [operation = '', answered] = key.split(' ');
        if (answered === code && !byOperation[operation]?.includes(code)) {
          found.push(`${code} in ${operation} ×${count}`);
        }
      }
    }
    for (const [status, count] of this.statusCodes) {
      if (status < 200 || status > 299) found.push(`HTTP ${status} ×${count}`);
    }
    for (const [description, count] of this.anomalies) found.push(`${description} ×${count}`);
    return found;
  }
}

function parse(body: string): GraphQLBody | null {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    if (!('data' in value) && !('errors' in value)) return null;
    // An object with `data` or `errors`: the fields are read defensively (see record()).
    return value as GraphQLBody;
  } catch {
    return null;
  }
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
