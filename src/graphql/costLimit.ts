import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  BREAK,
  getVariableValues,
  GraphQLError,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../shared/errors';

/**
 * graphql-armor's cost rule multiplies a connection's cost by its `first` argument only when the
 * document spells it as a literal: `first: $n` and an omitted `first` (the schema default) count
 * as 1. Nested connections (`products → comments → product → comments`) would then let one small
 * anonymous request fetch 100 × 100 × 100 nodes. So the cost is computed once the operation's
 * variables are known: every `first` is replaced by the value it will really have (variable,
 * variable default, or schema default), and armor's own rule runs on that document, with the
 * same formula and limit as for literal documents.
 */
export function pageSizeCostPlugin(maxCost: number, ignoreIntrospection: boolean): ApolloServerPlugin {
  const rule = costLimitRule({ maxCost, ignoreIntrospection });
  // The verdict (page sizes in range, cost within the limit) depends only on the document and the
  // page sizes its variables give, and Apollo hands every request of the same query the same
  // cached DocumentNode: so each distinct (document, page sizes) pair is judged once per instance,
  // not once per request.
  const memo = new WeakMap<DocumentNode, DocumentVerdicts>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          // Apollo reaches this hook only with a resolved operation; without one there is nothing to run.
          if (!operation) return;
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          // Variables that do not coerce fail execution with their own error; nothing to price.
          if (!coerced.coerced) return;
          let known = memo.get(document);
          if (!known) {
            known = { pageSizeVariables: pageSizeVariables(document), verdicts: new Map() };
            memo.set(document, known);
          }
          const values = coerced.coerced;
          const key = JSON.stringify(known.pageSizeVariables.map((name) => values[name] ?? null));
          let refusal = known.verdicts.get(key);
          if (refusal === undefined) {
            refusal =
              pageSizeOutOfRange(document, values) ??
              priceDocument(schema, withPageSizes(schema, document, values), rule);
            // Bounded: a client cycling through page sizes cannot grow the memo without end.
            if (known.verdicts.size < MAX_VERDICTS_PER_DOCUMENT) known.verdicts.set(key, refusal);
          }
          if (refusal !== null) {
            throw new GraphQLError(refusal.message, {
              extensions: { ...refusal.extensions, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

const MAX_VERDICTS_PER_DOCUMENT = 256;
/** The contract's page sizes (docs/api.md); resolvers/connection.ts checks the same at execution. */
const MIN_PAGE_SIZE = 1;
const MAX_PAGE_SIZE = 100;

/** Why a document is refused before it runs: a 400 with this message and these extensions. */
interface Refusal {
  message: string;
  extensions: { code: string; field?: string };
}

/**
 * A `first` outside 1..100, literal or from a variable, at any depth, is refused before the cost
 * is computed: the client learns which argument is wrong, instead of a cost refusal for a page
 * size that would never be served. A `first` left to a default is always in range (schema.graphql).
 */
function pageSizeOutOfRange(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
): Refusal | null {
  let refusal: Refusal | null = null;
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
      refusal = {
        message: `first must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE}`,
        extensions: { code: ErrorCode.BadUserInput, field: 'first' },
      };
      return BREAK;
    },
  });
  return refusal;
}

interface DocumentVerdicts {
  /** The variables the document passes as `first`: all a verdict depends on besides the document. */
  pageSizeVariables: string[];
  /** The refusal (or null: served) per combination of their values. */
  verdicts: Map<string, Refusal | null>;
}

/** Armor's rule throws its refusal (propagateOnRejection), or the document is within the limit. */
function priceDocument(schema: GraphQLSchema, priced: DocumentNode, rule: ValidationRule): Refusal | null {
  try {
    validate(schema, priced, [rule]);
    return null;
  } catch (refusal) {
    if (!(refusal instanceof GraphQLError)) throw refusal;
    return { message: refusal.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
}

function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

/** The document with every `first` argument written as the integer it will have at run time. */
function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const declared = typeInfo.getFieldDef()?.args.find((arg) => arg.name === 'first');
        if (!declared) return undefined;
        const given = node.arguments?.find((arg) => arg.name.value === 'first');
        if (given?.value.kind === Kind.INT) return undefined;
        const value =
          given?.value.kind === Kind.VARIABLE ? variables[given.value.name.value] : declared.defaultValue;
        if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
        const literal: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'first' },
          value: { kind: Kind.INT, value: String(value) },
        };
        const others = (node.arguments ?? []).filter((arg) => arg.name.value !== 'first');
        return { ...node, arguments: [...others, literal] };
      },
    }),
  );
}
