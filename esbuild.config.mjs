// The one set of esbuild options for the Lambda bundle, used by both `npm run build` (this file run
// with node: writes dist/handler.js) and `serverless package` (serverless-esbuild loads this file
// through `custom.esbuild.config` and calls the function it exports).
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Dual packages such as @apollo/server ship an ESM build (`exports` condition `import`) and a
 * CommonJS build (`require`). Our TypeScript `import`s would pick the ESM build while
 * @as-integrations/aws-lambda `require`s the CommonJS one, bundling Apollo twice (~260 KB more, two
 * copies of its classes). Resolving every bare import the way `require()` would keeps one copy;
 * a package that has no CommonJS entry falls back to esbuild's normal resolution.
 *
 * @type {import('esbuild').Plugin}
 */
export const resolveBareImportsAsRequire = {
  name: 'resolve-bare-imports-as-require',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      if (args.path.startsWith('node:')) return undefined;
      const resolved = await pluginBuild.resolve(args.path, {
        kind: 'require-call',
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: args.pluginData,
      });
      return resolved.errors.length > 0 ? undefined : resolved;
    });
  },
};

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
  // CommonJS first, so packages that have `main` and `module` but no `exports` (graphql) also
  // resolve to one build: graphql's `instanceof` checks break with two copies.
  mainFields: ['main', 'module'],
  // schema.graphql is imported as a string: serverless-esbuild ships only the bundle.
  loader: { '.graphql': 'text' },
  // Everything is bundled, the AWS SDK v3 included: the runtime's copy is whatever version AWS
  // installed, and one minified bundle loads faster than node_modules.
  external: [],
  plugins: [resolveBareImportsAsRequire],
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
 * Packages bundled from both an ESM and a CommonJS build: each is a second copy of the same code.
 *
 * @param {import('esbuild').Metafile} metafile
 * @returns {string[]}
 */
export function packagesBundledTwice(metafile) {
  /** @type {Map<string, Set<'esm' | 'cjs'>>} */
  const flavours = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
    if (!match?.[1] || match[2] === undefined) continue;
    const [, name, file] = match;
    const flavour =
      /(^|\/)(esm|es|dist-es|mjs)\//.test(file) || file.endsWith('.mjs')
        ? 'esm'
        : /(^|\/)(cjs|dist-cjs|commonjs)\//.test(file) || file.endsWith('.cjs')
          ? 'cjs'
          : undefined;
    if (!flavour) continue;
    const seen = flavours.get(name) ?? new Set();
    seen.add(flavour);
    flavours.set(name, seen);
  }
  return [...flavours].filter(([, seen]) => seen.size > 1).map(([name]) => name);
}

/** `npm run build`: dist/handler.js (one file) and dist/meta.json (esbuild's input/output analysis). */
async function buildDist() {
  const outfile = path.join(projectDir, 'dist', 'handler.js');
  const result = await build({
    ...bundleOptions,
    entryPoints: [path.join(projectDir, 'src', 'handler.ts')],
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(path.join(projectDir, 'dist', 'meta.json'), JSON.stringify(result.metafile));
  const duplicated = packagesBundledTwice(result.metafile);
  if (duplicated.length > 0) {
    throw new Error(`Bundled from both an ESM and a CommonJS build: ${duplicated.join(', ')}`);
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
