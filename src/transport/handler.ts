import { loadConfig } from '../config';
import { createLambdaHandler } from './lambdaHandler';

/**
 * The Lambda entry point (API Gateway HTTP API, payload 2.0). Created at module scope, during
 * Lambda's init phase, so every invocation of this instance reuses the server and the client.
 */
export const handler = createLambdaHandler(loadConfig(process.env));
