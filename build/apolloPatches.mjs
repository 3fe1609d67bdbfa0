// Apollo Server's code as the bundle has it: its reporting code stubbed out, its probe for
// graphql 17 narrowed to graphql's `version`, its hash over node:crypto. Part of the bundle's
// options: esbuild.config.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Apollo Studio reporting is stubbed out of the bundle: Apollo's usage reporting, schema
 * reporting and inline trace plugins (which Apollo imports only when it installs them itself) and
 * `@apollo/usage-reporting-protobuf` (~130 KB minified with its protobuf runtime) with them, with
 * the operation-signature helpers and lodash.sortby they use (~55 KB): less to parse at every
 * cold start. This server installs the "disabled" plugin of each (serverPlugins in
 * src/graphql/server.ts), so no code path reaches them. Without those plugins, APOLLO_KEY (or
 * APOLLO_SCHEMA_REPORTING=true) in the environment would make Apollo install one and fail; a unit
 * test (test/unit/graphql/serverPlugins.test.ts) keeps all three installed.
 */
export const STUB_APOLLO_USAGE_REPORTING = true;

/** Apollo's reporting plugins (dist/esm/plugin/<name>/index.js), by the names each exports. */
const STUBBED_APOLLO_PLUGINS = {
  usageReporting: ['ApolloServerPluginUsageReporting'],
  schemaReporting: ['ApolloServerPluginSchemaReporting'],
  inlineTrace: ['ApolloServerPluginInlineTrace'],
};
// Part of the bundle's text: it names esbuild.config.mjs, the bundle's configuration.
const STUB_REASON =
  'is stubbed out of this bundle (esbuild.config.mjs): Apollo usage reporting, schema reporting and inline traces must stay disabled';

/** @type {import('esbuild').Plugin} */
export const stubApolloUsageReporting = {
  name: 'stub-apollo-usage-reporting',
  setup(pluginBuild) {
    if (!STUB_APOLLO_USAGE_REPORTING) return;
    pluginBuild.onResolve({ filter: /^@apollo\/usage-reporting-protobuf$/ }, (args) => ({
      path: args.path,
      namespace: 'stub',
    }));
    // Any use fails loudly with the reason rather than with "undefined is not a constructor".
    pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      loader: 'js',
      contents: `module.exports = new Proxy({}, {
  get(target, name) {
    if (typeof name === 'symbol' || name === '__esModule' || name === 'then') return undefined;
    throw new Error('@apollo/usage-reporting-protobuf ${STUB_REASON}');
  },
});`,
    }));
    pluginBuild.onLoad(
      { filter: /[\\/]@apollo[\\/]server[\\/]dist[\\/](esm|cjs)[\\/]plugin[\\/][A-Za-z]+[\\/]index\.js$/ },
      (args) => {
        const [, flavour, plugin] =
          /[\\/](esm|cjs)[\\/]plugin[\\/]([A-Za-z]+)[\\/]index\.js$/.exec(args.path) ?? [];
        const names =
          plugin && Object.hasOwn(STUBBED_APOLLO_PLUGINS, plugin)
            ? STUBBED_APOLLO_PLUGINS[plugin]
            : undefined;
        if (!names) return undefined;
        // The stub must export what the real module does, or an import of it would find nothing.
        const source = readFileSync(args.path, 'utf8');
        const missing = names.filter((name) => !source.includes(name));
        if (missing.length > 0) throw new Error(`${args.path} no longer exports ${missing.join(', ')}`);
        const body = names
          .map((name) => `function ${name}() { throw new Error('Apollo plugin ${plugin} ${STUB_REASON}'); }`)
          .join('\n');
        return {
          loader: 'js',
          contents:
            flavour === 'esm'
              ? `export ${body.replaceAll('\nfunction', '\nexport function')}`
              : `${body}\nmodule.exports = { ${names.join(', ')} };`,
        };
      },
    );
  },
};

/**
 * Apollo's incremental delivery (@defer, @stream) looks for graphql 17.0.0-alpha.9 with
 * `await import('graphql')`, which makes esbuild keep every export of graphql (a namespace
 * object), used or not. With any other graphql installed (here 16) the answer is always "not
 * there", found from `version` alone, so the bundle imports only that: graphql is then tree-shaken
 * like any ES module (~35 KB less, once Apollo's reporting code, which required all of graphql,
 * is stubbed out: stubApolloUsageReporting).
 *
 * @type {import('esbuild').Plugin}
 */
export const apolloIncrementalDeliveryCheck = {
  name: 'apollo-incremental-delivery-check',
  setup(pluginBuild) {
    const GRAPHQL_17_ALPHA = '17.0.0-alpha.9';
    pluginBuild.onLoad(
      { filter: /[\\/]@apollo[\\/]server[\\/]dist[\\/]esm[\\/]incrementalDeliveryPolyfill\.js$/ },
      async (args) => {
        const graphqlPackage = await pluginBuild.resolve('graphql/package.json', {
          kind: 'require-call',
          resolveDir: path.dirname(args.path),
        });
        /** @type {{ version: string }} */
        const { version } = JSON.parse(readFileSync(graphqlPackage.path, 'utf8'));
        if (version === GRAPHQL_17_ALPHA) return undefined;
        const source = readFileSync(args.path, 'utf8');
        const dynamicImport = "await import('graphql')";
        if (
          !source.includes(dynamicImport) ||
          !source.includes(`graphql.version === '${GRAPHQL_17_ALPHA}'`)
        ) {
          throw new Error(
            `${args.path} changed: review apolloIncrementalDeliveryCheck (build/apolloPatches.mjs)`,
          );
        }
        return {
          loader: 'js',
          contents: `import { version as installedGraphqlVersion } from 'graphql';\n${source.replace(
            dynamicImport,
            '{ version: installedGraphqlVersion }',
          )}`,
          resolveDir: path.dirname(args.path),
        };
      },
    );
  },
};

/**
 * @apollo/utils.createhash (Apollo's query and schema hashes) uses node:crypto only when
 * `module.require` exists, which it does not inside a bundle, and otherwise falls back to sha.js:
 * SHA-256 in JavaScript for every request's query hash, and sha.js's dozen polyfill packages
 * (to-buffer, get-intrinsic, call-bound, ...) loaded at cold start (~12 ms under the profiler).
 * The bundle gets the module as Apollo means it on Node: the same function over node:crypto.
 *
 * @type {import('esbuild').Plugin}
 */
export const apolloHashWithNodeCrypto = {
  name: 'apollo-hash-with-node-crypto',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]@apollo[\\/]utils\.createhash[\\/]dist[\\/]index\.js$/ }, () => ({
      loader: 'js',
      contents: `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createHash = (kind) => require("node:crypto").createHash(kind);`,
    }));
  },
};
