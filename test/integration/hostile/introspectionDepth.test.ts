import { getIntrospectionQuery } from 'graphql';
import { useTestApp } from '../../support/fixtures';

/**
 * Where introspection is on (local development, and the dev stage for Sandbox), the depth limit
 * exempts it, because Sandbox's own introspection query is deeper than any page. What bounds a
 * hostile introspection query there is graphql-js's MaxIntrospectionDepthRule (one of the
 * specified rules Apollo always runs): a chain of `fields`/`interfaces`/`possibleTypes`/
 * `inputFields` nested more than 3 deep is refused before anything runs.
 */
const app = useTestApp();

/** `fields` four levels deep: one past the rule's limit of 3. */
const CHAIN = 'fields { type { fields { type { fields { type { fields { type { name } } } } } } } }';

describe('introspection where it is on', () => {
  test('answers the introspection query Sandbox and codegen send', async () => {
    // Act
    const response = await app.graphql<{ __schema: { types: unknown[] } }>({
      query: getIntrospectionQuery(),
    });

    // Assess
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.__schema.types.length).toBeGreaterThan(10);
  });

  test.each([
    { root: '__schema', query: `{ __schema { types { ${CHAIN} } } }` },
    { root: '__type', query: `{ __type(name: "Product") { ${CHAIN} } }` },
  ])('refuses fields nested past the introspection depth under $root', async ({ query }) => {
    // Act
    const response = await app.graphql({ query });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: 'Maximum introspection depth exceeded',
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) as unknown,
      }),
    ]);
    expect(response.body.extensions?.cost).toMatchObject({ requested: null, dynamoDbCalls: 0 });
  });
});
