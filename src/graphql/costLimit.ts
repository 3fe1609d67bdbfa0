import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, getVariableValues, GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { currentRequestScope } from '../observability/requestScope';
import { ErrorCode } from '../shared/errors';
import { operationCost, pricingArgumentNames } from './queryCost';

/** What every response reports in `extensions.cost` (docs/limits-and-security.md, "Query cost"). */
export interface CostReport {
  /** The operation's static cost in DynamoDB calls; null when the request never reached pricing. */
  requested: number | null;
  limit: number;
  /** DynamoDB calls this request actually made. */
  dynamoDbCalls: number;
  /** The hard per-request budget of DynamoDB calls (`MAX_DYNAMODB_CALLS`). */
  dynamoDbCallLimit: number | null;
}

/**
 * Refuses, before anything runs, an operation with a `first` outside 1..100 or whose static cost
 * (queryCost.ts) is over `maxCost`, and reports the cost and the DynamoDB calls made on every
 * response, as Shopify's and Saleor's APIs do, so client developers can tune their queries.
 *
 * Both checks need the operation's variables, so they run once the operation is resolved rather
 * than as validation rules.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  // A verdict depends only on the document and the values of the variables given to pricing
  // arguments (a `first`, an `@include`/`@skip`, a priced flag such as `includeArchived`), and
  // Apollo hands every request of the same query the same cached
  // DocumentNode: each distinct combination is judged once per instance, not once per request.
  const memo = new WeakMap<DocumentNode, DocumentVerdicts>();
  return {
    async requestDidStart() {
      let requested: number | null = null;
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          // Apollo reaches this hook only with a resolved operation; without one there is nothing to run.
          if (!operation) return;
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          // Variables that do not coerce fail execution with their own error; nothing to price.
          if (!coerced.coerced) return;
          const values = coerced.coerced;
          let known = memo.get(document);
          if (!known) {
            known = {
              pricedVariables: pricedVariables(document, pricingArgumentNames(schema)),
              verdicts: new Map(),
            };
            memo.set(document, known);
          }
          const key = JSON.stringify([
            operationName,
            ...known.pricedVariables.map((name) => values[name] ?? null),
          ]);
          let verdict = known.verdicts.get(key);
          if (!verdict) {
            verdict = judge(
              document,
              values,
              () => operationCost(schema, document, values, operationName),
              maxCost,
            );
            // Bounded: a client cycling through page sizes cannot grow the memo without end.
            if (known.verdicts.size < MAX_VERDICTS_PER_DOCUMENT) known.verdicts.set(key, verdict);
          }
          requested = verdict.cost;
          if (verdict.refusal) {
            throw new GraphQLError(verdict.refusal.message, {
              extensions: { ...verdict.refusal.extensions, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const scope = currentRequestScope();
          const cost: CostReport = {
            requested,
            limit: maxCost,
            dynamoDbCalls: scope?.dynamoCalls ?? 0,
            dynamoDbCallLimit: scope && Number.isFinite(scope.dynamoCallLimit) ? scope.dynamoCallLimit : null,
          };
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}

const MAX_VERDICTS_PER_DOCUMENT = 256;
/** The contract's page sizes (docs/api.md); resolvers/connection.ts checks the same at execution. */
const MIN_PAGE_SIZE = 1;
const MAX_PAGE_SIZE = 100;

interface DocumentVerdicts {
  /** The variables a verdict depends on besides the document. */
  pricedVariables: string[];
  verdicts: Map<string, Verdict>;
}

interface Verdict {
  /** Null when the document was refused before it was priced. */
  cost: number | null;
  refusal?: { message: string; extensions: Record<string, unknown> };
}

function judge(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  price: () => number,
  maxCost: number,
): Verdict {
  if (pageSizeOutOfRange(document, variables)) {
    return {
      cost: null,
      refusal: {
        message: `first must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE}`,
        extensions: { code: ErrorCode.BadUserInput, field: 'first' },
      },
    };
  }
  const cost = price();
  if (cost <= maxCost) return { cost };
  return {
    cost,
    refusal: {
      message: `This query may make ${cost} DynamoDB calls, over the limit of ${maxCost}: ask for smaller pages or fewer nested connections`,
      extensions: { code: ErrorCode.CostLimitExceeded, cost, limit: maxCost },
    },
  };
}

/**
 * A `first` outside 1..100, literal or from a variable, at any depth, is refused before the cost
 * is computed: the client learns which argument is wrong, instead of a cost refusal for a page
 * size that would never be served. A `first` left to a default is always in range (schema.graphql).
 */
function pageSizeOutOfRange(document: DocumentNode, variables: Readonly<Record<string, unknown>>): boolean {
  let outOfRange = false;
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first') return undefined;
      const value =
        node.value.kind === Kind.INT
          ? Number(node.value.value)
          : node.value.kind === Kind.VARIABLE
            ? variables[node.value.name.value]
            : undefined;
      if (typeof value !== 'number' || (value >= MIN_PAGE_SIZE && value <= MAX_PAGE_SIZE)) return undefined;
      outOfRange = true;
      return BREAK;
    },
  });
  return outOfRange;
}

/** The variables given to an argument a price depends on (queryCost.ts, `pricingArgumentNames`). */
function pricedVariables(document: DocumentNode, pricingArguments: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.value.kind === Kind.VARIABLE && pricingArguments.has(node.name.value)) {
        names.add(node.value.name.value);
      }
    },
  });
  return [...names].sort();
}
