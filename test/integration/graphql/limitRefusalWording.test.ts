import { DEFAULT_LIMITS } from '../../../src/graphql/operationLimits';
import type { GraphQLRequest } from '../../support/events';
import { LONELY_BIRD, PRODUCTION_MODE, useTestApp } from '../../support/fixtures';

/**
 * A well-formed document refused for what it asks (too deep, too many aliases or directives, too
 * costly) is a validation failure or a cost refusal, not a syntax error: its message says which
 * limit it broke and never starts with "Syntax Error". Only text that does not parse is a syntax
 * error.
 */
const app = useTestApp({ config: PRODUCTION_MODE, products: [LONELY_BIRD] });

/** A document nested `levels` deep through Product.comments → Comment.product. */
function nested(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level += 1) {
    selection =
      level % 2 === 0 ? `comments(first: 1) { nodes { ${selection} } }` : `product { ${selection} }`;
  }
  return `{ product(id: "${LONELY_BIRD.id}") { ${selection} } }`;
}

const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `p${i}: products(first: 1) { nodes { id } }`).join(' ')} }`;

const directives = (count: number) =>
  `{ products(first: 1) { nodes { ${'id @include(if: true) '.repeat(count)} } } }`;

interface WordingCase {
  limit: string;
  request: GraphQLRequest;
  /** The statement of the limit the message must keep. */
  states: RegExp;
  code: 'GRAPHQL_VALIDATION_FAILED' | 'COST_LIMIT_EXCEEDED';
}

const REFUSALS: WordingCase[] = [
  {
    limit: 'depth',
    request: { query: nested(DEFAULT_LIMITS.maxDepth + 2) },
    states: new RegExp(`depth limit of ${DEFAULT_LIMITS.maxDepth} exceeded`, 'i'),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    limit: 'aliases',
    request: { query: aliases(DEFAULT_LIMITS.maxAliases + 1) },
    states: new RegExp(`aliases limit of ${DEFAULT_LIMITS.maxAliases} exceeded`, 'i'),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    limit: 'directives',
    request: { query: directives(DEFAULT_LIMITS.maxDirectives + 1) },
    states: new RegExp(`directives limit of ${DEFAULT_LIMITS.maxDirectives} exceeded`, 'i'),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    limit: 'cost (literal page sizes)',
    request: {
      query:
        '{ products(first: 100) { nodes { comments(first: 100) { nodes { text author product { id } } } } } }',
    },
    states: new RegExp(`may make 10101 DynamoDB calls, over the limit of ${DEFAULT_LIMITS.maxCost}`),
    code: 'COST_LIMIT_EXCEEDED',
  },
  {
    limit: 'cost (page sizes from variables)',
    request: {
      query: `query Q($n: Int) { products(first: $n) { nodes { comments(first: $n) { nodes { text author product { id } } } } } }`,
      variables: { n: 100 },
    },
    states: new RegExp(`may make 10101 DynamoDB calls, over the limit of ${DEFAULT_LIMITS.maxCost}`),
    code: 'COST_LIMIT_EXCEEDED',
  },
];

describe('the refusal of a well-formed document by a limit', () => {
  test.each(REFUSALS)(
    'is a 400 $code that states the limit, not a syntax error: $limit',
    async ({ request, states, code }) => {
      // Act
      const response = await app.graphql(request);

      // Assess
      expect(response.status).toBe(400);
      const errors = response.body.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions?.code).toBe(code);
        expect(error.message).not.toMatch(/^Syntax Error/i);
      }
      expect(errors.map((error) => error.message)).toContainEqual(expect.stringMatching(states));
    },
  );
});

describe('a document that does not parse', () => {
  test('is still a 400 GRAPHQL_PARSE_FAILED whose message starts with "Syntax Error:"', async () => {
    // Act
    const response = await app.graphql({ query: '{ products { nodes { id }' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.body.errors?.[0]?.message).toMatch(/^Syntax Error: /);
  });
});
