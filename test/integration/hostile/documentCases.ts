import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { anonymous, answered, HUGE, PRODUCT_ID, type HostileCase } from './hostileRequest';

/** Documents that are wrong, or built to make the server work: each limit's bomb. */
/** A document nested `levels` deep through Product.comments -> Comment.product. */
function nested(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level += 1) {
    selection =
      level % 2 === 0 ? `comments(first: 1) { nodes { ${selection} } }` : `product { ${selection} }`;
  }
  return `{ product(id: "${PRODUCT_ID}") { ${selection} } }`;
}

const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `p${i}: products(first: 1) { nodes { id } }`).join(' ')} }`;
/** Each on its own field: graphql-js itself refuses a directive repeated at one location. */
const directives = (count: number) =>
  `{ products(first: 1) { nodes { ${'id @include(if: true) '.repeat(count)} } } }`;

export const DOCUMENT_CASES: HostileCase[] = [
  ...answered(400, 'GRAPHQL_PARSE_FAILED', {
    'a syntax error': anonymous({ query: '{ products { nodes { id }' }),
    'a NUL byte inside the document': anonymous({ query: '{ products\u0000 { nodes { id } } }' }),
    [`a token flood (${DEFAULT_LIMITS.maxTokens + 1}+ tokens)`]: {
      event: anonymous({ query: `{ ${'__typename '.repeat(DEFAULT_LIMITS.maxTokens)} }` }),
      // "more that" is graphql-js's own spelling.
      message: /more th[ae]t? 1000 tokens\. Parsing aborted/,
    },
  }),
  ...answered(400, 'OPERATION_RESOLUTION_FAILURE', {
    'an unknown operation name': anonymous({ query: 'query A { __typename }', operationName: 'B' }),
    'a huge operation name': anonymous({ query: 'query A { __typename }', operationName: HUGE }),
  }),
  ...answered(400, 'BAD_USER_INPUT', {
    'a variable of the wrong type': anonymous({
      query: 'query P($n: Int) { products(first: $n) { nodes { id } } }',
      variables: { n: 'ten' },
    }),
    'a missing required variable': anonymous({ query: 'query P($id: ID!) { product(id: $id) { id } }' }),
  }),
  ...answered(400, 'GRAPHQL_VALIDATION_FAILED', {
    'an unknown field': anonymous({ query: '{ users { password } }' }),
    'introspection (__schema)': anonymous({ query: '{ __schema { types { name } } }' }),
    'introspection (__type)': anonymous({ query: '{ __type(name: "Cart") { fields { name } } }' }),
    [`a depth bomb (${DEFAULT_LIMITS.maxDepth + 2} levels)`]: {
      event: anonymous({ query: nested(DEFAULT_LIMITS.maxDepth + 2) }),
      message: /Query depth limit of 10 exceeded/,
    },
    [`an alias bomb (${DEFAULT_LIMITS.maxAliases + 1} aliases)`]: {
      event: anonymous({ query: aliases(DEFAULT_LIMITS.maxAliases + 1) }),
      message: /Aliases limit of 15 exceeded/,
    },
    'a fragment cycle': anonymous({
      query:
        '{ products { nodes { ...A } } } fragment A on Product { comments { nodes { product { ...B } } } } fragment B on Product { ...A }',
    }),
    [`a directive flood (${DEFAULT_LIMITS.maxDirectives + 1} directives)`]: {
      event: anonymous({ query: directives(DEFAULT_LIMITS.maxDirectives + 1) }),
      message: /Directives limit of 50 exceeded/,
    },
  }),
  ...answered(400, 'COST_LIMIT_EXCEEDED', {
    'a cost bomb (100 products, each comment’s product and its comments)': {
      event: anonymous({
        query:
          '{ products(first: 100) { nodes { comments(first: 100) { nodes { product { comments { nodes { text } } } } } } } }',
      }),
      message: new RegExp(`may make 20101 DynamoDB calls, over the limit of ${DEFAULT_LIMITS.maxCost}`),
    },
  }),
];
