import { createLowerBoundHandler } from './lowerBound';

/** BASELINE entry point, bundled like src/transport/handler.ts: built once per process, at module scope. */
export const handler = createLowerBoundHandler(process.env);
