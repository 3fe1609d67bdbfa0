// The one set of esbuild options for the Lambda bundle, used by both `npm run build` (this file run
// with node: writes dist/handler.js) and `serverless package` (serverless-esbuild loads this file
// through `custom.esbuild.config` and calls the function it exports). The plugins are in build/.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  apolloHashWithNodeCrypto,
  apolloIncrementalDeliveryCheck,
  stubApolloUsageReporting,
} from './build/apolloPatches.mjs';
import { asciiOnlySources, nonAsciiAt } from './build/asciiOnly.mjs';
import { LAZY_DIR, lazyFilesRequired, lazyPackages, lazyPackagesInBundle } from './build/lazyPackages.mjs';
import { preparsedSchema } from './build/preparsedSchema.mjs';
import { packagesBundledTwice, resolvePackagesOnce } from './build/resolvePackages.mjs';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

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
  // resolvePackagesOnce (build/resolvePackages.mjs).
  mainFields: ['module', 'main'],
  // schema.graphql is imported as a string: serverless-esbuild ships only the bundle.
  loader: { '.graphql': 'text' },
  // Everything is bundled, the AWS SDK v3 included: the runtime's copy is whatever version AWS
  // installed, and one minified bundle loads faster than node_modules.
  external: [],
  // lazyPackages before resolvePackagesOnce: it must see the `import()`s of lazy packages first.
  plugins: [
    stubApolloUsageReporting,
    apolloIncrementalDeliveryCheck,
    apolloHashWithNodeCrypto,
    preparsedSchema,
    lazyPackages(),
    resolvePackagesOnce,
    asciiOnlySources,
  ],
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
 * `npm run build`: dist/handler.js, its lazily loaded packages in dist/lazy/ (lazyPackages), and
 * dist/meta.json (esbuild's input/output analysis of dist/handler.js).
 */
async function buildDist() {
  const distDir = path.join(projectDir, 'dist');
  // Built apart, then moved into dist/: two builds at once (npm start, the storefront and the tests
  // each build) never see each other's half-written files, nor delete each other's lazy/ folder.
  mkdirSync(distDir, { recursive: true });
  const workDir = mkdtempSync(path.join(distDir, '.build-'));
  try {
    await buildInto(workDir);
    const lazyDir = path.join(distDir, LAZY_DIR);
    // Another build may put its lazy/ in place between the two renames: it is moved away again.
    for (let attempt = 0; existsSync(path.join(workDir, LAZY_DIR)); attempt += 1) {
      if (existsSync(lazyDir)) renameSync(lazyDir, path.join(workDir, `replaced-${attempt}`));
      try {
        renameSync(path.join(workDir, LAZY_DIR), lazyDir);
      } catch (error) {
        const code = /** @type {NodeJS.ErrnoException} */ (error).code;
        if (attempt >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
      }
    }
    renameSync(path.join(workDir, 'meta.json'), path.join(distDir, 'meta.json'));
    renameSync(path.join(workDir, 'handler.js'), path.join(distDir, 'handler.js'));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** dist/'s files, written into `outDir` and checked there. */
async function buildInto(outDir) {
  const outfile = path.join(outDir, 'handler.js');
  const lazyDir = path.join(outDir, LAZY_DIR);
  const result = await build({
    ...bundleOptions,
    entryPoints: [path.join(projectDir, 'src', 'transport', 'handler.ts')],
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(path.join(outDir, 'meta.json'), JSON.stringify(result.metafile));
  const duplicated = packagesBundledTwice(result.metafile);
  if (duplicated.length > 0) {
    throw new Error(`Bundled more than once: ${duplicated.join('; ')}`);
  }
  const notLazy = lazyPackagesInBundle(result.metafile);
  if (notLazy.length > 0) {
    throw new Error(`Lazy packages bundled statically (see lazyPackages): ${notLazy.slice(0, 5).join(', ')}`);
  }
  const lazyFiles = existsSync(lazyDir) ? readdirSync(lazyDir).map((file) => path.join(lazyDir, file)) : [];
  for (const file of [outfile, ...lazyFiles]) {
    const text = readFileSync(file, 'latin1');
    const nonAscii = nonAsciiAt(text);
    if (nonAscii.length > 0) {
      throw new Error(
        `${file} has non-ASCII characters (at byte ${nonAscii.join(', ')}): see asciiOnlySources`,
      );
    }
    const missing = lazyFilesRequired(text).filter(
      (required) => !existsSync(path.join(path.dirname(file), required)),
    );
    if (missing.length > 0)
      throw new Error(`${file} requires ${missing.join(', ')}, which the build did not write`);
  }
  // Reported as they will be named, in dist/.
  const shown = (/** @type {string} */ file) => path.join('dist', path.relative(outDir, file));
  const kib = (/** @type {string} */ file) => `${(statSync(file).size / 1024).toFixed(1)} KiB`;
  process.stdout.write(`${shown(outfile)}  ${kib(outfile)}\n`);
  for (const file of lazyFiles) {
    process.stdout.write(`  ${shown(file)}  ${kib(file)}, loaded at first use\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDist().catch((/** @type {unknown} */ error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
