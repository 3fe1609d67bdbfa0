import type { GraphQLRequestContextExecutionDidStart } from '@apollo/server';
import { buildSchema, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { cachePolicyMatters, cachePolicyPlugin } from '../../../src/graphql/cacheHeaderPlugin';
import type { StoreContext } from '../../../src/resolvers/context';
import { ALICE, stubContext, stubStores } from '../../support/stubContext';

type ExecutionContext = GraphQLRequestContextExecutionDidStart<StoreContext>;

function executionContext(operation: OperationTypeNode, signedIn: boolean): ExecutionContext {
  return {
    operation: { kind: 'OperationDefinition', operation } as OperationDefinitionNode,
    contextValue: stubContext(stubStores(), signedIn ? ALICE : null),
    // Nothing restricted it before execution, as in every request of this API.
    overallCachePolicy: { maxAge: undefined, scope: undefined },
  } as unknown as ExecutionContext;
}

async function executionListener(operation: OperationTypeNode, signedIn: boolean) {
  // Arrange
  const plugin = cachePolicyPlugin();
  await plugin.serverWillStart?.({ schema: buildSchema('type Query { a: Int }') } as never);
  const requestContext = executionContext(operation, signedIn);
  const listener = await plugin.requestDidStart?.(requestContext as never);

  // Act
  return listener?.executionDidStart?.(requestContext);
}

describe('cachePolicyMatters', () => {
  test.each<[string, OperationTypeNode, boolean, boolean]>([
    ['an anonymous query', OperationTypeNode.QUERY, false, true],
    ['a signed-in query (always private)', OperationTypeNode.QUERY, true, false],
    ['an anonymous mutation (never stored)', OperationTypeNode.MUTATION, false, false],
    ['a signed-in mutation', OperationTypeNode.MUTATION, true, false],
  ])('for %s: %s', (_name, operation, signedIn, expected) => {
    // Act
    const matters = cachePolicyMatters(executionContext(operation, signedIn));

    // Assess
    expect(matters).toBe(expected);
  });
});

test('cachePolicyMatters is false without an operation (an operation name the document lacks)', () => {
  // Arrange
  const context = { ...executionContext(OperationTypeNode.QUERY, false), operation: undefined };

  // Act
  const matters = cachePolicyMatters(context as unknown as ExecutionContext);

  // Assess
  expect(matters).toBe(false);
});

describe('cachePolicyPlugin', () => {
  test("keeps the id of Apollo's cache control plugin, so Apollo installs no default one", () => {
    // Act
    const plugin = cachePolicyPlugin() as { __internal_plugin_id__?: string };

    // Assess
    expect(plugin.__internal_plugin_id__).toBe('CacheControl');
  });

  test('computes the policy field by field for an anonymous query', async () => {
    // Act
    const listener = await executionListener(OperationTypeNode.QUERY, false);

    // Assess
    expect(listener?.willResolveField).toEqual(expect.any(Function));
  });

  test.each<[string, OperationTypeNode, boolean]>([
    ['a signed-in query', OperationTypeNode.QUERY, true],
    ['a mutation', OperationTypeNode.MUTATION, false],
  ])('leaves the resolvers unwrapped for %s', async (_name, operation, signedIn) => {
    // Act
    const listener = await executionListener(operation, signedIn);

    // Assess
    expect(listener).toBeUndefined();
  });
});
