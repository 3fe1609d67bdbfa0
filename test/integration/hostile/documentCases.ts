import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import { anonymous, HUGE, PRODUCT_ID, type HostileCase } from './hostileRequest';

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
  {
    name: 'a syntax error',
    event: anonymous({ query: '{ products { nodes { id }' }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'a NUL byte inside the document',
    event: anonymous({ query: '{ products\u0000 { nodes { id } } }' }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'an unknown field',
    event: anonymous({ query: '{ users { password } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an unknown operation name',
    event: anonymous({ query: 'query A { __typename }', operationName: 'B' }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'a huge operation name',
    event: anonymous({ query: 'query A { __typename }', operationName: HUGE }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'a variable of the wrong type',
    event: anonymous({
      query: 'query P($n: Int) { products(first: $n) { nodes { id } } }',
      variables: { n: 'ten' },
    }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a missing required variable',
    event: anonymous({ query: 'query P($id: ID!) { product(id: $id) { id } }' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'introspection (__schema)',
    event: anonymous({ query: '{ __schema { types { name } } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'introspection (__type)',
    event: anonymous({ query: '{ __type(name: "Cart") { fields { name } } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: `a depth bomb (${DEFAULT_LIMITS.maxDepth + 2} levels)`,
    event: anonymous({ query: nested(DEFAULT_LIMITS.maxDepth + 2) }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Query depth limit of 10 exceeded/,
  },
  {
    name: `an alias bomb (${DEFAULT_LIMITS.maxAliases + 1} aliases)`,
    event: anonymous({ query: aliases(DEFAULT_LIMITS.maxAliases + 1) }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Aliases limit of 15 exceeded/,
  },
  {
    name: 'a fragment cycle',
    event: anonymous({
      query:
        '{ products { nodes { ...A } } } fragment A on Product { comments { nodes { product { ...B } } } } fragment B on Product { ...A }',
    }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: `a directive flood (${DEFAULT_LIMITS.maxDirectives + 1} directives)`,
    event: anonymous({ query: directives(DEFAULT_LIMITS.maxDirectives + 1) }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Directives limit of 50 exceeded/,
  },
  {
    name: `a token flood (${DEFAULT_LIMITS.maxTokens + 1}+ tokens)`,
    event: anonymous({ query: `{ ${'__typename '.repeat(DEFAULT_LIMITS.maxTokens)} }` }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    // "more that" is graphql-js's own spelling.
    message: /more th[ae]t? 1000 tokens\. Parsing aborted/,
  },
  {
    name: 'a cost bomb (100 products × 100 comments each)',
    event: anonymous({
      query: '{ products(first: 100) { nodes { comments(first: 100) { nodes { text author } } } } }',
    }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Query Cost limit of 50000 exceeded/,
  },
];
