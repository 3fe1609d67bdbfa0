import { createApolloServer, serverPlugins } from '../../../src/graphql/server';
import { execute, stubContext, stubStores } from '../../support/stubContext';

/**
 * The Lambda bundle replaces Apollo's reporting code (its usage reporting, schema reporting and
 * inline trace plugins, and their protobuf module) with stubs that throw on any use
 * (build/apolloPatches.mjs, STUB_APOLLO_USAGE_REPORTING); so do these mocks. That is safe only while
 * the server installs Apollo's "disabled" plugin of each: without them, an APOLLO_KEY (or
 * APOLLO_SCHEMA_REPORTING=true) in the environment would switch reporting on and every request
 * would reach a stub.
 */
jest.mock('../../../node_modules/@apollo/server/dist/cjs/plugin/usageReporting/index.js', () => ({
  ApolloServerPluginUsageReporting: () => {
    throw new Error('usage reporting reached the stubbed plugin');
  },
}));
jest.mock('../../../node_modules/@apollo/server/dist/cjs/plugin/schemaReporting/index.js', () => ({
  ApolloServerPluginSchemaReporting: () => {
    throw new Error('schema reporting reached the stubbed plugin');
  },
}));
jest.mock('../../../node_modules/@apollo/server/dist/cjs/plugin/inlineTrace/index.js', () => ({
  ApolloServerPluginInlineTrace: () => {
    throw new Error('inline traces reached the stubbed plugin');
  },
}));
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
    'disable usage reporting, schema reporting and inline traces whether introspection is on (%s) or not',
    (introspection) => {
      // Act
      const plugins = serverPlugins({ maxCost: 1000, introspection, armorPlugins: [], apq: undefined });

      // Assess
      expect(disabledPluginIds(plugins)).toEqual(
        expect.arrayContaining(['UsageReporting', 'SchemaReporting', 'InlineTrace']),
      );
    },
  );

  test('answer requests with APOLLO_KEY and schema reporting set, never reaching the stubbed reporting code', async () => {
    // Prepare
    const saved = {
      key: process.env.APOLLO_KEY,
      ref: process.env.APOLLO_GRAPH_REF,
      schemaReporting: process.env.APOLLO_SCHEMA_REPORTING,
    };
    process.env.APOLLO_KEY = 'service:store-api:not-a-real-key';
    process.env.APOLLO_GRAPH_REF = 'store-api@current';
    process.env.APOLLO_SCHEMA_REPORTING = 'true';
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
      for (const [name, value] of [
        ['APOLLO_KEY', saved.key],
        ['APOLLO_GRAPH_REF', saved.ref],
        ['APOLLO_SCHEMA_REPORTING', saved.schemaReporting],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
