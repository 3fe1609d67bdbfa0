// schema.graphql parsed and validated at build time (preparsedSchema). Part of the bundle's
// options: esbuild.config.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, parse } from 'graphql';
import { escapeNonAscii } from './asciiOnly.mjs';

/**
 * schema.graphql's syntax tree, prepared when the bundle is built: src/graphql/schemaDocument.ts
 * parses the SDL when run from source; in the bundle it is replaced by the tree this build parsed
 * (without source locations, as there) and validated as SDL, as a JSON literal (which V8 reads
 * far faster than the GraphQL parser reads SDL). Each cold start saves lexing, parsing and SDL
 * validation: ~20 ms of a cold process measured alone, part of it compiling code that the first
 * request compiles anyway.
 *
 * @type {import('esbuild').Plugin}
 */
export const preparsedSchema = {
  name: 'preparsed-schema',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]graphql[\\/]schemaDocument\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const sdlImport = /import typeDefs from '([^']+\.graphql)';/.exec(source);
      for (const expected of ['export const schemaDocument', 'export const validatedAtBuild']) {
        if (!sdlImport || !source.includes(expected)) {
          throw new Error(`${args.path} changed: review preparsedSchema (build/preparsedSchema.mjs)`);
        }
      }
      const sdlFile = path.resolve(path.dirname(args.path), /** @type {string} */ (sdlImport?.[1]));
      const document = parse(readFileSync(sdlFile, 'utf8'), { noLocation: true });
      // Throws on invalid SDL, as the server's own buildASTSchema would at startup.
      buildASTSchema(document);
      // ASCII JSON (see asciiOnlySources, build/asciiOnly.mjs) in a single-quoted string literal.
      const json = escapeNonAscii(JSON.stringify(document));
      return {
        loader: 'js',
        contents: `export const schemaDocument = JSON.parse('${json.replace(/[\\']/g, '\\$&')}');
export const validatedAtBuild = true;`,
        watchFiles: [sdlFile],
      };
    });
  },
};
