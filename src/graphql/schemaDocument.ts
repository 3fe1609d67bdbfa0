import { parse, type DocumentNode } from 'graphql';
import typeDefs from '../../schema.graphql';

/**
 * schema.graphql as a syntax tree, without source locations. Run from source (tests, the
 * benchmark's unbundled build) this module parses the SDL at startup, and the server validates it
 * as it builds the schema. The Lambda bundle replaces this module with the tree that the build
 * parsed and validated (build/preparsedSchema.mjs, `preparsedSchema`), so no cold start lexes,
 * parses or validates the SDL.
 */
export const schemaDocument: DocumentNode = parse(typeDefs, { noLocation: true });

/** Whether schemaDocument was validated as SDL already (by the build): only in the bundle. */
export const validatedAtBuild: boolean = false;
