import {
  getDirectiveValues,
  isObjectType,
  type DocumentNode,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * The static cost of an operation: an upper bound on the DynamoDB calls it makes, from the
 * schema's `@cost` and `@listSize` directives (schema.graphql). Every field that reads is
 * multiplied by how many times it runs: the `first` of each connection above it, at the value it
 * will really have (graphql-js's argument coercion gives a variable, a variable's default, or the
 * schema default when a variable is not sent), and a list's documented maximum (a cart's 97
 * lines). graphql-query-complexity walks the operation: fragments, inline fragments, and
 * `@include`/`@skip` evaluated with the request's variables.
 *
 * The estimate is deliberately pessimistic: the per-request product loader often answers
 * `Comment.product` from memory, and a batch of comments pages shares one wave, but neither is
 * counted as saved. The only saving counted is a `perRequest` read (memoised by caller alone, so
 * it cannot be missed): it costs once, whatever the aliases or lists around it.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  operationName?: string | null,
): number {
  const pricing = schemaPricing(schema);
  const readOncePerRequest = new Set<GraphQLField<unknown, unknown>>();
  const estimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
    const { calls, perRequest, argumentCalls, listSize } = pricing.of(field);
    if (perRequest) readOncePerRequest.add(field);
    return (perRequest ? 0 : calls) + argumentCalls(args) + childComplexity * listSize(args);
  };
  const perCall = getComplexity({
    schema,
    query: document,
    variables: { ...variables },
    ...(operationName ? { operationName } : {}),
    estimators: [estimator],
  });
  let once = 0;
  for (const field of readOncePerRequest) once += pricing.of(field).calls;
  return perCall + once;
}

interface FieldPricing {
  calls: number;
  perRequest: boolean;
  /** The calls an argument adds when given (`@cost` on the argument: another Query, say). */
  argumentCalls(args: Record<string, unknown>): number;
  /** How many times the field's selection runs, given the field's coerced arguments. */
  listSize(args: Record<string, unknown>): number;
}

const UNPRICED: FieldPricing = { calls: 0, perRequest: false, argumentCalls: () => 0, listSize: () => 1 };

interface SchemaPricing {
  of(field: GraphQLField<unknown, unknown>): FieldPricing;
}

const pricingBySchema = new WeakMap<GraphQLSchema, SchemaPricing>();

/** Each field's directives are read once per schema, not once per request. */
function schemaPricing(schema: GraphQLSchema): SchemaPricing {
  const known = pricingBySchema.get(schema);
  if (known) return known;
  const cost = schema.getDirective('cost');
  const listSize = schema.getDirective('listSize');
  const byField = new WeakMap<GraphQLField<unknown, unknown>, FieldPricing>();
  const pricing: SchemaPricing = {
    of(field) {
      let priced = byField.get(field);
      if (!priced) {
        priced = fieldPricing(field, cost, listSize);
        byField.set(field, priced);
      }
      return priced;
    },
  };
  pricingBySchema.set(schema, pricing);
  return pricing;
}

function fieldPricing(
  field: GraphQLField<unknown, unknown>,
  costDirective: GraphQLDirective | null | undefined,
  listSizeDirective: GraphQLDirective | null | undefined,
): FieldPricing {
  // Introspection and `__typename` have no definition node: they read nothing.
  const node = field.astNode;
  if (!node || !costDirective || !listSizeDirective) return UNPRICED;
  const cost = getDirectiveValues(costDirective, node);
  const size = getDirectiveValues(listSizeDirective, node);
  const calls = typeof cost?.calls === 'number' ? cost.calls : 0;
  const perRequest = cost?.perRequest === true;
  const slicing = typeof size?.slicingArgument === 'string' ? size.slicingArgument : undefined;
  const assumed = typeof size?.assumedSize === 'number' ? size.assumedSize : 1;
  const fallback = slicing ? argumentDefault(field, slicing) : assumed;
  const pricedArguments = field.args.flatMap((arg) => {
    const argumentCost = arg.astNode ? getDirectiveValues(costDirective, arg.astNode) : undefined;
    return typeof argumentCost?.calls === 'number'
      ? [{ name: arg.name, calls: argumentCost.calls, defaultValue: arg.defaultValue }]
      : [];
  });
  return {
    calls,
    perRequest,
    // An argument left at its default, or set to nothing (null, false), asks for no more work.
    argumentCalls: (args) =>
      pricedArguments.reduce((sum, { name, calls: added, defaultValue }) => {
        const value = args[name];
        const idle = value === null || value === false || value === undefined || value === defaultValue;
        return sum + (idle ? 0 : added);
      }, 0),
    listSize: slicing
      ? (args) => {
          const value = args[slicing];
          // An explicit `null` is refused at execution; priced at the default, it cannot hide work.
          return typeof value === 'number' ? value : fallback;
        }
      : () => assumed,
  };
}

function argumentDefault(field: GraphQLField<unknown, unknown>, name: string): number {
  const value = field.args.find((arg) => arg.name === name)?.defaultValue;
  if (typeof value !== 'number') {
    throw new Error(
      `@listSize(slicingArgument: "${name}") on ${field.name} needs an Int argument with a default`,
    );
  }
  return value;
}

const argumentNamesBySchema = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/**
 * The names of the arguments a price depends on: each list's slicing argument, each argument with
 * its own `@cost`, and `@include`/`@skip`'s `if`. A price cached per document must be keyed by the
 * values of the variables given to these, and only these.
 */
export function pricingArgumentNames(schema: GraphQLSchema): ReadonlySet<string> {
  const known = argumentNamesBySchema.get(schema);
  if (known) return known;
  const costDirective = schema.getDirective('cost');
  const listSizeDirective = schema.getDirective('listSize');
  const names = new Set<string>(['if']);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const size =
        field.astNode && listSizeDirective ? getDirectiveValues(listSizeDirective, field.astNode) : undefined;
      if (typeof size?.slicingArgument === 'string') names.add(size.slicingArgument);
      for (const arg of field.args) {
        if (arg.astNode && costDirective && getDirectiveValues(costDirective, arg.astNode))
          names.add(arg.name);
      }
    }
  }
  argumentNamesBySchema.set(schema, names);
  return names;
}
