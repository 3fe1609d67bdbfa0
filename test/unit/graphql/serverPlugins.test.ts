import { createApolloServer, serverPlugins } from '../../../src/graphql/server';
import { execute, stubContext, stubStores } from '../../support/stubContext';

/**
 * The Lambda bundle replaces Apollo's usage-reporting code with a stub that throws on any use
 * (esbuild.config.mjs, STUB_APOLLO_USAGE_REPORTING). That is safe only while the server installs
 * Apollo's "disabled" usage reporting and inline trace plugins: without them, an APOLLO_KEY in the
 * environment would switch reporting on and every request would reach the stub.
 */
jest.mock(
  '@apollo/usage-reporting-protobuf',
  () =>
    new Proxy(
      {},
      {
        get(_target, name) {
          if (typeof name === 'symbol' || name === '__esModule' || name === 'then') return undefined;
          throw new Error('usage reporting reached the stubbed protobuf module');
        },
      },
    ),
);

function disabledPluginIds(plugins: readonly object[]): string[] {
  return plugins.flatMap((plugin) =>
    '__is_disabled_plugin__' in plugin && '__internal_plugin_id__' in plugin && plugin.__is_disabled_plugin__
      ? [String(plugin.__internal_plugin_id__)]
      : [],
  );
}

describe('the server plugins', () => {
  test.each([true, false])(
    'disable usage reporting and inline traces whether introspection is on (%s) or not',
    (introspection) => {
      // Act
      const plugins = serverPlugins({ maxCost: 1000, introspection, armorPlugins: [], apq: undefined });

      // Assess
      expect(disabledPluginIds(plugins)).toEqual(expect.arrayContaining(['UsageReporting', 'InlineTrace']));
    },
  );

  test('answer requests with APOLLO_KEY set, never reaching the stubbed reporting code', async () => {
    // Prepare
    const saved = { key: process.env.APOLLO_KEY, ref: process.env.APOLLO_GRAPH_REF };
    process.env.APOLLO_KEY = 'service:store-api:not-a-real-key';
    process.env.APOLLO_GRAPH_REF = 'store-api@current';
    const server = createApolloServer({ production: true, enableSandbox: false });
    try {
      // Act
      const result = await execute(
        server,
        stubContext(stubStores()),
        '{ products(first: 1) { nodes { id } } }',
      );

      // Assess
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ products: { nodes: [] } });
    } finally {
      await server.stop();
      process.env.APOLLO_KEY = saved.key;
      process.env.APOLLO_GRAPH_REF = saved.ref;
      if (saved.key === undefined) delete process.env.APOLLO_KEY;
      if (saved.ref === undefined) delete process.env.APOLLO_GRAPH_REF;
    }
  });
});
