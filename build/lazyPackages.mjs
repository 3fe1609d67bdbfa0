// Packages the bundle loads at first use, built into files of their own beside it (lazyPackages),
// and the build's checks of the result (lazyFilesRequired, lazyPackagesInBundle). Part of the
// bundle's options: esbuild.config.mjs.
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Packages that the bundle reaches only through `import()`, for what a Lambda instance of this
 * service does not do by default. esbuild would inline them (a dynamic `import()` in a CommonJS
 * bundle is an ordinary module of the same file), so every cold start would parse them for
 * nothing. Each is built instead into a file of its own in `lazy/` beside the bundle, which the
 * bundle `require`s where the `import()` was, i.e. at first use:
 *
 * - X-Ray tracing, imported only with TRACING_ENABLED=true (src/observability/tracing.ts): the
 *   Powertools tracer and the X-Ray SDK under it (~130 KB);
 * - the AWS SDK's default credential chain past its first link, the environment: SSO, shared
 *   config files (and the STS, sign-in and SSO clients they use), credential process, web
 *   identity, container and instance metadata (~140 KB). Lambda always sets the function's
 *   credentials in the environment, so none of them loads there; elsewhere (a developer's
 *   profile, a container) the chain works as the SDK ships it, loading what it needs.
 *
 * Only `import()` expressions are redirected: a package imported statically stays in the bundle.
 * `lazyFilesRequired` (below, and in the packaging tests) checks that every `lazy/` file a bundle
 * requires exists, and `lazyPackagesInBundle` that none of these packages is bundled statically
 * too (which would make the lazy file a second copy).
 */
export const LAZY_PACKAGES =
  /^(@aws-lambda-powertools\/tracer|@aws-sdk\/credential-provider-(ini|sso|process|web-identity|http|login)|@smithy\/credential-provider-imds|@aws-sdk\/nested-clients\/[a-z-]+)$/;

/** The folder of lazily loaded packages, beside the bundle. */
export const LAZY_DIR = 'lazy';

/**
 * `@aws-lambda-powertools/tracer` → `aws-lambda-powertools-tracer.js`
 *
 * @param {string} packageName
 */
export function lazyFileName(packageName) {
  return `${packageName.replace(/^@/, '').replaceAll('/', '-')}.js`;
}

/**
 * @param {{ lazyDir?: string; built?: Set<string> }} [shared] set for the builds of the lazy files
 *   themselves: their own `import()`s of lazy packages become files of the same folder.
 * @returns {import('esbuild').Plugin}
 */
export function lazyPackages(shared = {}) {
  return {
    name: 'lazy-packages',
    setup(pluginBuild) {
      const options = pluginBuild.initialOptions;
      const outdir = options.outdir ?? (options.outfile ? path.dirname(options.outfile) : undefined);
      if (!outdir || options.write === false) return;
      const lazyDir = shared.lazyDir ?? path.join(outdir, LAZY_DIR);
      const built = shared.built ?? new Set();
      const prefix = `./${path.relative(outdir, lazyDir).split(path.sep).join('/')}`.replace(/\/$/, '');
      /** @type {Map<string, string>} package name → its resolved entry file */
      const wanted = new Map();
      const resolving = Symbol('resolving');

      pluginBuild.onResolve({ filter: LAZY_PACKAGES }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.[resolving]) return undefined;
        const resolved = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { [resolving]: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        wanted.set(args.path, resolved.path);
        return { path: args.path, namespace: 'lazy-package' };
      });
      // The `import()` gets this module of the bundle, which loads the lazy file when first used.
      pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        loader: 'js',
        contents: `module.exports = require(${JSON.stringify(`${prefix}/${lazyFileName(args.path)}`)});`,
      }));
      pluginBuild.onResolve({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        path: args.path,
        external: true,
      }));
      pluginBuild.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        for (const [name, entry] of wanted) {
          if (built.has(name)) continue;
          built.add(name);
          const nested = await build({
            ...options,
            entryPoints: [entry],
            outdir: undefined,
            outfile: path.join(lazyDir, lazyFileName(name)),
            metafile: true,
            plugins: (options.plugins ?? []).map((plugin) =>
              plugin.name === 'lazy-packages' ? lazyPackages({ lazyDir, built }) : plugin,
            ),
          });
          result.warnings.push(...nested.warnings);
        }
      });
    },
  };
}

/**
 * The files beside it that a bundle (or a lazy file) requires: its lazy packages (lazyPackages),
 * as paths relative to its folder.
 *
 * @param {string} bundle the text of the bundle
 * @returns {string[]}
 */
export function lazyFilesRequired(bundle) {
  return [...new Set([...bundle.matchAll(/\brequire\("(\.\/[^"]+)"\)/g)].map((match) => match[1] ?? ''))];
}

/**
 * Files of lazy packages (LAZY_PACKAGES) found among a build's inputs: a package imported
 * statically somewhere, which its lazy file would only duplicate.
 *
 * @param {import('esbuild').Metafile} metafile
 */
export function lazyPackagesInBundle(metafile) {
  return Object.keys(metafile.inputs).filter((input) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist-[a-z]+\/submodules\/([a-z-]+)\/)?/.exec(input);
    if (!match?.[1]) return false;
    return (
      LAZY_PACKAGES.test(match[1]) ||
      (match[2] !== undefined && LAZY_PACKAGES.test(`${match[1]}/${match[2]}`))
    );
  });
}
