// The one set of esbuild options for the Lambda bundle, used by both `npm run build` (this file run
// with node: writes dist/handler.js) and `serverless package` (serverless-esbuild loads this file
// through `custom.esbuild.config` and calls the function it exports).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * How bare imports (`graphql`, `@apollo/server`, ...) resolve, so each package is bundled once:
 *
 * - Dual packages such as @apollo/server ship an ESM build (`exports` condition `import`) and a
 *   CommonJS build (`require`). Our TypeScript `import`s would pick the ESM build while
 *   @as-integrations/aws-lambda `require`s the CommonJS one, bundling Apollo twice (~260 KB more,
 *   two copies of its classes). Resolving every bare import the way `require()` would keeps one
 *   copy; a package that has no CommonJS entry falls back to esbuild's normal resolution.
 * - npm may install the same version of a package at several paths (here @graphql-tools/utils
 *   12.1.0 under both @graphql-tools/schema and @graphql-tools/merge, because the top level holds
 *   the 11.x the code generator wants). Identical versions are the same code, so every import of
 *   one is redirected to a single copy, chosen from package-lock.json so builds stay reproducible.
 *
 * @type {import('esbuild').Plugin}
 */
export const resolvePackagesOnce = {
  name: 'resolve-packages-once',
  setup(pluginBuild) {
    const resolving = Symbol('resolving');
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData?.[resolving]) return undefined;
      const asImport = args.kind === 'import-statement' || args.kind === 'dynamic-import';
      const options = {
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { [resolving]: true },
      };
      let resolved = await pluginBuild.resolve(args.path, {
        ...options,
        kind: asImport ? 'require-call' : args.kind,
      });
      if (resolved.errors.length > 0 && asImport) {
        resolved = await pluginBuild.resolve(args.path, { ...options, kind: args.kind });
      }
      if (resolved.errors.length > 0 || resolved.external || resolved.namespace !== 'file') {
        return undefined;
      }
      return {
        path: canonicalCopy(resolved.path),
        sideEffects: resolved.sideEffects,
        ...(resolved.suffix ? { suffix: resolved.suffix } : {}),
      };
    });
  },
};

/**
 * The production packages npm installed, from package-lock.json: path (`node_modules/...`) →
 * version. Dev-only packages (`"dev": true`) never reach the bundle, so they are no candidates.
 *
 * @type {Map<string, string> | undefined}
 */
let installedPackages;

/**
 * The same file in the preferred installed copy of the same package version: among the
 * production copies of that name and version, the shortest path, then the first alphabetically.
 *
 * @param {string} file
 */
function canonicalCopy(file) {
  // Relative to the node_modules tree the file is in (`serverless package` may build from a
  // copy of the project whose node_modules is a link to this one's).
  const normalized = file.split(path.sep).join('/');
  const tree = normalized.indexOf('/node_modules/');
  if (tree < 0) return file;
  const installRoot = normalized.slice(0, tree + 1);
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\/(.*)$/.exec(normalized.slice(tree + 1));
  if (!match?.[1] || !match[2] || match[3] === undefined) return file;
  const [, root, name, rest] = match;
  installedPackages ??= readInstalledPackages();
  const version = installedPackages.get(root);
  if (!version) return file;
  const preferred = [...installedPackages]
    .filter(([copy, copyVersion]) => copyVersion === version && copy.endsWith(`node_modules/${name}`))
    .map(([copy]) => copy)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
  return preferred && preferred !== root ? path.join(installRoot, preferred, rest) : file;
}

/** @returns {Map<string, string>} */
function readInstalledPackages() {
  /** @type {{ packages?: Record<string, { version?: string; dev?: boolean }> }} */
  const lock = JSON.parse(readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8'));
  return new Map(
    Object.entries(lock.packages ?? {}).flatMap(([key, entry]) =>
      key.startsWith('node_modules/') && entry.version && !entry.dev ? [[key, entry.version]] : [],
    ),
  );
}

/**
 * Apollo Server loads `@apollo/usage-reporting-protobuf` (~130 KB minified with its protobuf
 * runtime) only for Apollo Studio usage reporting and federated inline traces. This server
 * installs ApolloServerPluginUsageReportingDisabled and ApolloServerPluginInlineTraceDisabled
 * (serverPlugins in src/graphql/server.ts), so no code path reaches it, and the bundle replaces it
 * with a stub: less to parse at every cold start. Without those two plugins, APOLLO_KEY in the
 * environment would enable reporting and every request would fail; a unit test
 * (test/unit/graphql/serverPlugins.test.ts) keeps both installed.
 */
export const STUB_APOLLO_USAGE_REPORTING = true;

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
    throw new Error('@apollo/usage-reporting-protobuf is stubbed out of this bundle (esbuild.config.mjs): Apollo usage reporting and inline traces must stay disabled');
  },
});`,
    }));
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

/**
 * An ASCII-only bundle. V8 holds a source with any character beyond Latin-1 as a two-byte string:
 * Node decodes the whole file more slowly and V8 parses all of it more slowly (measured: ~17 ms of
 * a cold start for two curly quotes in one 1.3 MB bundle). esbuild escapes non-ASCII characters
 * everywhere except in regular expression literals (evanw/esbuild#4205), so package sources that
 * contain any (here a regex of @graphql-tools/utils) are loaded with every non-ASCII character
 * written as a `\uXXXX` escape, which means the same character in a regex, string or identifier.
 * (Only `RegExp#source` and a tagged template's raw strings show the escape, not the character.)
 *
 * @type {import('esbuild').Plugin}
 */
export const asciiOnlySources = {
  name: 'ascii-only-sources',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!NON_ASCII.test(source)) return undefined;
      return {
        contents: source.replace(
          NON_ASCII_GLOBAL,
          (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
        ),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_GLOBAL = /[\u0080-\uffff]/g;

/** @type {import('esbuild').BuildOptions} */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The Lambda runtime: nodejs22.x (serverless.yml).
  target: 'node22',
  minify: true,
  // Minified, yet logged stack traces keep function and class names (+90 KB, no measurable cold
  // start cost); no source maps, which Lambda would only use with --enable-source-maps.
  keepNames: true,
  sourcemap: false,
  legalComments: 'none',
  // ES modules first, for packages without an `exports` map (the AWS SDK v3 clients, graphql):
  // every importer, CommonJS or not, resolves them to the same one build, so graphql keeps one
  // copy (its `instanceof` checks need that), and the SDK, imported only through `import`, is
  // tree-shaken: the DynamoDB client keeps the commands we send instead of all ~60 (about
  // 280 KB less to parse at each cold start). Packages with an `exports` map are resolved by
  // resolvePackagesOnce.
  mainFields: ['module', 'main'],
  // schema.graphql is imported as a string: serverless-esbuild ships only the bundle.
  loader: { '.graphql': 'text' },
  // Everything is bundled, the AWS SDK v3 included: the runtime's copy is whatever version AWS
  // installed, and one minified bundle loads faster than node_modules.
  external: [],
  plugins: [stubApolloUsageReporting, apolloHashWithNodeCrypto, resolvePackagesOnce, asciiOnlySources],
};

/**
 * serverless-esbuild's `custom.esbuild.config` contract: a CommonJS-loadable module whose export is
 * a function returning the plugin's options (esbuild options plus the plugin's own keys).
 */
export default function serverlessEsbuildOptions() {
  return {
    ...bundleOptions,
    // serverless-esbuild marks `exclude` as external and by default excludes `aws-sdk` (v2, not
    // used here). Nothing is external, so it installs nothing into the artifact: no node_modules.
    exclude: [],
  };
}

// serverless-esbuild loads this file with require(); Node (>= 20.19, 22.12) returns this export
// from require() of an ES module, so the file must also stay free of top-level await.
export { serverlessEsbuildOptions as 'module.exports' };

/**
 * Packages bundled more than once: from both an ESM and a CommonJS build, or from two installed
 * copies. Either way each is a second copy of the same code (and of its classes).
 *
 * @param {import('esbuild').Metafile} metafile
 * @returns {string[]}
 */
export function packagesBundledTwice(metafile) {
  /** @type {Map<string, { flavours: Set<'esm' | 'cjs'>; roots: Set<string> }>} */
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\/(.*)$/.exec(input);
    if (!match?.[1] || !match[2] || match[3] === undefined) continue;
    const [, root, name, file] = match;
    const seen = packages.get(name) ?? { flavours: new Set(), roots: new Set() };
    seen.roots.add(root);
    if (/(^|\/)(esm|es|dist-es|mjs)\//.test(file) || file.endsWith('.mjs')) seen.flavours.add('esm');
    else if (/(^|\/)(cjs|dist-cjs|commonjs)\//.test(file) || file.endsWith('.cjs')) seen.flavours.add('cjs');
    packages.set(name, seen);
  }
  return [...packages]
    .filter(([, seen]) => seen.flavours.size > 1 || seen.roots.size > 1)
    .map(([name, seen]) => (seen.roots.size > 1 ? `${name} (${[...seen.roots].join(', ')})` : name));
}

/**
 * Offsets of the first few non-ASCII characters of `text` (see asciiOnlySources).
 *
 * @param {string} text
 */
function nonAsciiAt(text) {
  return [...text.matchAll(NON_ASCII_GLOBAL)].slice(0, 3).map((match) => match.index);
}

/** `npm run build`: dist/handler.js (one file) and dist/meta.json (esbuild's input/output analysis). */
async function buildDist() {
  const outfile = path.join(projectDir, 'dist', 'handler.js');
  const result = await build({
    ...bundleOptions,
    entryPoints: [path.join(projectDir, 'src', 'transport', 'handler.ts')],
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(path.join(projectDir, 'dist', 'meta.json'), JSON.stringify(result.metafile));
  const duplicated = packagesBundledTwice(result.metafile);
  if (duplicated.length > 0) {
    throw new Error(`Bundled more than once: ${duplicated.join('; ')}`);
  }
  const nonAscii = nonAsciiAt(readFileSync(outfile, 'latin1'));
  if (nonAscii.length > 0) {
    throw new Error(
      `${outfile} has non-ASCII characters (at byte ${nonAscii.join(', ')}): see asciiOnlySources`,
    );
  }
  const kib = (statSync(outfile).size / 1024).toFixed(1);
  process.stdout.write(`${path.relative(projectDir, outfile)}  ${kib} KiB\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDist().catch((/** @type {unknown} */ error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
