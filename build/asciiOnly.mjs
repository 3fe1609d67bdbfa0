// An ASCII-only bundle: package sources loaded with their non-ASCII characters escaped
// (asciiOnlySources), and the build's check of the output (nonAsciiAt). Part of the bundle's
// options: esbuild.config.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
        contents: escapeNonAscii(source),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_GLOBAL = /[\u0080-\uffff]/g;

/**
 * `text` with every non-ASCII character written as a `\uXXXX` escape.
 *
 * @param {string} text
 */
export function escapeNonAscii(text) {
  return text.replace(NON_ASCII_GLOBAL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Offsets of the first few non-ASCII characters of `text` (see asciiOnlySources).
 *
 * @param {string} text
 */
export function nonAsciiAt(text) {
  return [...text.matchAll(NON_ASCII_GLOBAL)].slice(0, 3).map((match) => match.index);
}
