import { createPeerHandler } from './apolloStock';

/** BASELINE Lambda entry point (never shipped): built once per instance, at module scope, as the docs do. */
export const handler = createPeerHandler(process.env);
