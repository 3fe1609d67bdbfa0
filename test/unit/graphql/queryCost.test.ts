import {
  buildSchema,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLOutputType,
} from 'graphql';
import typeDefs from '../../../schema.graphql';
import { operationCost } from '../../../src/graphql/queryCost';

/**
 * The cost model lives in schema.graphql (`@cost`, `@listSize`): these tests keep every operation
 * priced, and pin how the price of a document follows from it, without DynamoDB.
 */
const schema = buildSchema(typeDefs);
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), variables);

const hasDirective = (field: GraphQLField<unknown, unknown>, name: string) =>
  field.astNode?.directives?.some((directive) => directive.name.value === name) ?? false;

const isList = (type: GraphQLOutputType): boolean =>
  isNonNullType(type) ? isList(type.ofType) : isListType(type);

describe('the cost model in the schema', () => {
  test('prices every query and mutation, so no new operation runs unpriced', () => {
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.values(type?.getFields() ?? {}),
    );

    const unpriced = roots.filter((field) => !hasDirective(field, 'cost')).map((field) => field.name);

    expect(roots.length).toBeGreaterThan(10);
    expect(unpriced).toEqual([]);
  });

  test('sizes every paged field by its first, and every other list of objects by its maximum', () => {
    const fields = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => !type.name.startsWith('__') && !type.name.endsWith('Connection'))
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })));

    const unsized = fields
      .filter(({ field }) => field.args.some((arg) => arg.name === 'first') || isList(field.type))
      .filter(({ field }) => isObjectType(getNamedType(field.type)))
      .filter(({ field }) => !hasDirective(field, 'listSize'))
      .map(({ type, field }) => `${type.name}.${field.name}`);

    expect(unsized).toEqual([]);
  });
});

describe('the cost of an operation', () => {
  test('is the calls of each reading field times the pages above it', () => {
    expect(cost('{ products(first: 7) { nodes { id comments(first: 3) { nodes { id } } } } }')).toBe(1 + 7);
    expect(cost('{ products(first: 7) { nodes { comments(first: 3) { nodes { product { id } } } } } }')).toBe(
      1 + 7 * (1 + 3),
    );
  });

  test('takes a page size from a variable, its default, or the schema default when it is not sent', () => {
    const query =
      'query Q($n: Int) { products(first: $n) { nodes { comments { nodes { product { id } } } } } }';

    expect(cost(query, { n: 5 })).toBe(1 + 5 * (1 + 10));
    expect(cost(query.replace('$n: Int', '$n: Int = 4'))).toBe(1 + 4 * (1 + 10));
    expect(cost(query)).toBe(1 + 20 * (1 + 10));
  });

  test('counts a per-request read once, however many aliases or products ask for it', () => {
    expect(cost('{ products(first: 50) { nodes { isSelected } } a: cart { total } b: cart { total } }')).toBe(
      1 + 1 + 3,
    );
  });

  test('multiplies what lies under a cart line by the most lines a cart may hold', () => {
    expect(cost('{ cart { items { product { comments(first: 2) { nodes { id } } } } } }')).toBe(3 + 97);
  });

  test('follows fragments and @include/@skip as execution will', () => {
    const fragment = 'fragment C on Product { comments(first: 1) { nodes { id } } }';

    expect(cost(`{ products(first: 9) { nodes { ...C } } } ${fragment}`)).toBe(1 + 9);
    expect(cost('{ products(first: 9) { nodes { ... on Product { comments { nodes { id } } } } } }')).toBe(
      1 + 9,
    );
    expect(
      cost(`query Q($on: Boolean!) { products(first: 9) { nodes { ...C @include(if: $on) } } } ${fragment}`, {
        on: false,
      }),
    ).toBe(1);
    expect(
      cost(`query Q($off: Boolean!) { products(first: 9) { nodes { ...C @skip(if: $off) } } } ${fragment}`, {
        off: false,
      }),
    ).toBe(1 + 9);
  });

  test('adds an argument’s calls only when it is given a value other than its default', () => {
    // includeArchived may read the archived partition after the live one.
    expect(cost('{ products(first: 5, includeArchived: true) { nodes { id } } }')).toBe(2);
    expect(cost('{ products(first: 5, includeArchived: false) { nodes { id } } }')).toBe(1);
    expect(cost('{ products(first: 5) { nodes { id } } }')).toBe(1);
    // Another order reads the listing table and then the products; a filter up to 4 such batches.
    expect(cost('{ products(first: 5, sort: NAME) { nodes { id } } }')).toBe(1);
    expect(cost('{ products(first: 5, sort: PRICE_ASC) { nodes { id } } }')).toBe(2);
    expect(cost('{ products(first: 5, filter: { inStock: true }) { nodes { id } } }')).toBe(8);
    expect(cost('{ products(first: 5, sort: NEWEST, filter: { search: "bird" }) { nodes { id } } }')).toBe(9);
    expect(
      cost('{ category(slug: "home") { products(first: 5, filter: { maxPrice: 100 }) { nodes { id } } } }'),
    ).toBe(9);
  });

  test('costs nothing for introspection and __typename, which read no table', () => {
    expect(cost('{ __typename __schema { types { name fields { name } } } }')).toBe(0);
  });
});
