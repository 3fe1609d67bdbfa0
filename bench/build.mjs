// Builds what the benchmark runs besides dist/handler.js (which `npm run build` makes), into the
// git-ignored bench/.out/, and prints a JSON summary of their sizes:
//   lowerBound.js       the BASELINE handler (bench/lowerBound), with the production bundle options
//   unbundled/handler.js our handler as most Apollo-on-Lambda projects ship it: our own code
//                        compiled, every package loaded from node_modules at run time
//   inProcess.js        the in-process harness (warm timings, round trips), production options
//   peers/<peer>/handler.js   a PEER (bench/peers: stock Apollo Server, GraphQL Yoga), bundled the
//                        plain way its users would: its Lambda entry point (cold start, bundle size)
//   peers/<peer>/factory.js   the same peer, same options, exporting its factory instead, which the
//                        in-process harness loads at run time (warm timings)
// With --sourcemap (for bench/profile.ts): each also gets a source map and readable names (the
// peers: a source map only), and ours.js is built too (src/transport/handler.ts so built), so CPU
// samples map to packages and modules.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../esbuild.config.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.dirname(benchDir);
export const OUT_DIR = path.join(benchDir, '.out');
/**
 * The peers of bench/peers, by name (as bench/sides.ts): `<name>.ts` exports the factory,
 * `<name>Handler.ts` is the Lambda entry point.
 */
export const PEERS = ['apolloStock', 'yoga'];

/**
 * @param {{ sourcemap?: boolean }} [options]
 * @returns {Promise<Record<string, { file: string; bytes: number }>>}
 */
export async function buildBenchTargets({ sourcemap = false } = {}) {
  mkdirSync(OUT_DIR, { recursive: true });
  const shipped = {
    ...bundleOptions,
    ...(sourcemap
      ? // Readable for a CPU profile: one statement per line and esbuild's own names for module
        // wrappers (`require_x`, `init_x`), which tell module loading apart from later work.
        { sourcemap: 'linked', minify: false, minifySyntax: true }
      : { sourcemap: false }),
    logLevel: 'warning',
  };
  /** @type {Array<[string, import('esbuild').BuildOptions]>} */
  const targets = [
    [
      'lowerBound',
      {
        ...shipped,
        entryPoints: [path.join(benchDir, 'lowerBound', 'handler.ts')],
        outfile: path.join(OUT_DIR, 'lowerBound.js'),
      },
    ],
    [
      'unbundled',
      {
        bundle: true,
        // Every package stays a require() resolved in node_modules at run time; only our own
        // modules (and the schema text) are compiled into the file, as tsc output would be.
        packages: 'external',
        platform: 'node',
        format: 'cjs',
        target: bundleOptions.target,
        loader: bundleOptions.loader,
        sourcemap: sourcemap ? 'linked' : false,
        logLevel: 'warning',
        entryPoints: [path.join(projectDir, 'src', 'transport', 'handler.ts')],
        outfile: path.join(OUT_DIR, 'unbundled', 'handler.js'),
      },
    ],
    [
      'inProcess',
      {
        ...shipped,
        entryPoints: [path.join(benchDir, 'inProcess.ts')],
        outfile: path.join(OUT_DIR, 'inProcess.js'),
      },
    ],
  ];
  // esbuild's plain `--bundle --minify --platform=node` (CommonJS output, default resolution, so
  // the AWS SDK's CommonJS builds, untouched), as the peers' users would bundle them: none of
  // esbuild.config.mjs's plugins or options. The one addition is the text loader schema.graphql
  // needs (`--loader:.graphql=text`), as ours has.
  /** @type {import('esbuild').BuildOptions} */
  const plain = {
    bundle: true,
    minify: true,
    platform: 'node',
    loader: { '.graphql': 'text' },
    sourcemap: sourcemap ? 'linked' : false,
    logLevel: 'warning',
  };
  for (const peer of PEERS) {
    for (const [kind, entry] of [
      ['', `${peer}Handler.ts`],
      ['Factory', `${peer}.ts`],
    ]) {
      targets.push([
        `${peer}${kind}`,
        {
          ...plain,
          entryPoints: [path.join(benchDir, 'peers', entry)],
          outfile: path.join(OUT_DIR, 'peers', peer, kind ? 'factory.js' : 'handler.js'),
        },
      ]);
    }
  }
  if (sourcemap) {
    // Only for profiling (bench/profile.ts): the production bundle, with a map to its sources.
    targets.push([
      'ours',
      {
        ...shipped,
        entryPoints: [path.join(projectDir, 'src', 'transport', 'handler.ts')],
        outfile: path.join(OUT_DIR, 'ours.js'),
      },
    ]);
  }
  await Promise.all(targets.map(([, options]) => build(options)));
  return Object.fromEntries(
    targets.map(([name, options]) => {
      const file = /** @type {string} */ (options.outfile);
      return [name, { file, bytes: statSync(file).size }];
    }),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildBenchTargets({ sourcemap: process.argv.includes('--sourcemap') }).then(
    (built) => process.stdout.write(`${JSON.stringify(built)}\n`),
    (/** @type {unknown} */ error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
