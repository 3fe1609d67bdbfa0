// How the bundle resolves bare imports (resolvePackagesOnce), and the build's check of the result
// (packagesBundledTwice). Part of the bundle's options: esbuild.config.mjs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * How bare imports (`graphql`, `@apollo/server`, ...) resolve, so each package is bundled once,
 * and as an ES module wherever it ships one:
 *
 * - Dual packages such as @apollo/server ship an ESM build (`exports` condition `import`, or
 *   `module`) and a CommonJS build (`require`, `main`). Our TypeScript `import`s would pick the ESM
 *   build while @as-integrations/aws-lambda `require`s the CommonJS one, bundling Apollo twice
 *   (~260 KB more, two copies of its classes). Every bare import and `require()` is resolved the
 *   way an `import` would be, so each package has one build in the bundle, its ESM build if it has
 *   one; a package without one (an `exports` map with `require` only) resolves as it was asked.
 *   ES modules are what esbuild tree-shakes and hoists into the bundle's scope: the CommonJS
 *   builds cost more to load (each module a closure, and esbuild's interop copying the exports of
 *   every re-exporting module: ~20 ms under the profiler for graphql-tools' 94 small modules) and
 *   keep every export. A `require()` of an ES module keeps all of that module's exports, not
 *   those of the modules it imports.
 * - A package may ship each module twice, side by side, by extension: graphql has
 *   `language/parser.js` (CommonJS) and `language/parser.mjs`. Its entry resolves to `index.mjs`,
 *   but a deep import such as graphql-armor's `graphql/language/parser` finds the `.js` file,
 *   which bundled a second parser, lexer and GraphQLError class (~45 KB). An import resolved to a
 *   `.js` file with an `.mjs` twin gets the twin (packagesBundledTwice, below, checks the result).
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
      const options = {
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { [resolving]: true },
      };
      let resolved = await pluginBuild.resolve(args.path, { ...options, kind: 'import-statement' });
      if (resolved.errors.length > 0 && args.kind !== 'import-statement') {
        resolved = await pluginBuild.resolve(args.path, { ...options, kind: args.kind });
      }
      if (resolved.errors.length > 0 || resolved.external || resolved.namespace !== 'file') {
        return undefined;
      }
      const esmTwin = resolved.path.replace(/\.js$/, '.mjs');
      const file = esmTwin !== resolved.path && existsSync(esmTwin) ? esmTwin : resolved.path;
      return {
        path: canonicalCopy(file),
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
 * Packages bundled more than once: from both an ESM and a CommonJS build (by folder, or by
 * extension), or from two installed copies. Either way each is a second copy of the same code (and of its classes).
 *
 * @param {import('esbuild').Metafile} metafile
 * @returns {string[]}
 */
export function packagesBundledTwice(metafile) {
  /** @type {Map<string, { flavours: Set<'esm' | 'cjs'>; roots: Set<string> }>} */
  const packages = new Map();
  const inputs = new Set(Object.keys(metafile.inputs));
  for (const input of inputs) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\/(.*)$/.exec(input);
    if (!match?.[1] || !match[2] || match[3] === undefined) continue;
    const [, root, name, file] = match;
    const seen = packages.get(name) ?? { flavours: new Set(), roots: new Set() };
    seen.roots.add(root);
    if (/(^|\/)(esm|es|dist-es|mjs)\//.test(file) || file.endsWith('.mjs')) seen.flavours.add('esm');
    else if (/(^|\/)(cjs|dist-cjs|commonjs)\//.test(file) || file.endsWith('.cjs')) seen.flavours.add('cjs');
    // graphql's way: each module as `x.js` (CommonJS) beside `x.mjs`.
    else if (file.endsWith('.js') && inputs.has(input.replace(/\.js$/, '.mjs'))) seen.flavours.add('cjs');
    packages.set(name, seen);
  }
  return [...packages]
    .filter(([, seen]) => seen.flavours.size > 1 || seen.roots.size > 1)
    .map(([name, seen]) => (seen.roots.size > 1 ? `${name} (${[...seen.roots].join(', ')})` : name));
}
