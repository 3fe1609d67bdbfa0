import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createTokenVerifier } from '../../src/auth/tokenVerifier';
import { loadConfig } from '../../src/config';
import { createDocumentClient } from '../../src/datasources/dynamoClient';
import { createContext } from '../../src/graphql/createContext';
import type { StoreContext } from '../../src/resolvers/context';
import { identify } from '../../src/transport/identify';

/**
 * BASELINE, NEVER SHIPPED (bench/peers/README.md): what the peers share with our handler, so that
 * only the GraphQL server in between differs. Configuration comes from the same environment
 * (src/config.ts), the DynamoDB client is made by the same function with the same options
 * (src/datasources/dynamoClient.ts), the token is checked by the same verifier
 * (src/auth/tokenVerifier.ts, src/transport/identify.ts), and each request gets a fresh context
 * from the same src/graphql/createContext.ts, so the resolvers of src/resolvers run unchanged.
 *
 * The benchmark's home page is signed in (`isSelected`, the cart badge): a peer without the caller
 * would answer it with an error, not with the same data.
 */
export type PeerHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface PeerOptions {
  /**
   * Called once with the DynamoDB client, before any request: the seam createLambdaHandler and
   * the lower bound have too, where the benchmark adds its SDK middleware (counters, in-process
   * fixture transport). The Lambda entry points (`*Handler.ts`) do not pass it.
   */
  onDynamoClient?: (client: DynamoDBDocumentClient) => void;
}

type Env = Readonly<Record<string, string | undefined>>;

/** What each peer's bundle for the in-process harness exports (bench/build.mjs, bench/inProcess.ts). */
export type PeerFactory = (env: Env, options?: PeerOptions) => PeerHandler;

/**
 * Once per instance, as createLambdaHandler does: the client and the verifier. Returns the
 * per-request context function a peer hands to its server's context option.
 */
export function storeContextFunction(
  env: Env,
  { onDynamoClient }: PeerOptions = {},
): (event: APIGatewayProxyEventV2, lambdaContext: Context) => Promise<StoreContext> {
  const config = loadConfig(env);
  // As our handler's, less `onCommand`: our per-request DynamoDB budget, which no peer has.
  const dynamo = createDocumentClient(config.dynamodb);
  onDynamoClient?.(dynamo);
  const verifier = createTokenVerifier(config.auth);
  const dependencies = { dynamo, tables: config.tables };
  return async (event, lambdaContext) =>
    createContext(dependencies, await identify(event, verifier), lambdaContext.awsRequestId);
}
