import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadOrCreateIssuerKeys, signLocalToken } from '../local/localKeys';
import { STAFF_GROUP } from '../src/auth/tokenVerifier';

/**
 * The storefront's sign-in in the local runtime: `POST /local-auth/sign-in {userId, name}` answers
 * `{userId, name, token}`, a token of the local issuer, signed with the same key pair that
 * `npm start` gives the API (LOCAL_STATE_DIR's issuer-keys.json), so the API accepts it. With
 * `staff: true`, the token is a staff member's (`cognito:groups` holds the staff group), as
 * `npm run token -- <userId> <name> --admin` prints.
 *
 * Why it cannot reach production: it exists only as a Vite dev-server middleware (vite.config.ts,
 * `apply: 'serve'`); `vite build` output has no server, and serverless.yml packages only the
 * esbuild bundle of src/transport/handler.ts. Even a token minted here and replayed against AWS is refused:
 * the production configuration verifies Cognito tokens only (test/e2e/web/storefrontSignIn.test.ts).
 */
export type NextFunction = (error?: unknown) => void;

const USER_ID = /^[\w.@-]{1,128}$/;
const MAX_NAME_LENGTH = 100;
const MAX_BODY_BYTES = 1024;

export function createLocalSignInMiddleware(issuerKeysFile: string) {
  return (request: IncomingMessage, response: ServerResponse, next: NextFunction): void => {
    signIn(issuerKeysFile, request, response).catch(next);
  };
}

async function signIn(
  issuerKeysFile: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'POST') return send(response, 405, { error: 'Use POST' });
  // JSON only: a cross-site page cannot send it without a CORS preflight, which the dev server
  // does not grant to foreign origins, so other sites cannot sign a visitor in behind their back.
  if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
    return send(response, 415, { error: 'Send application/json' });
  }
  const body = await readJson(request);
  const userId = typeof body?.userId === 'string' ? body.userId : '';
  if (!USER_ID.test(userId)) {
    return send(response, 400, { error: 'userId: 1-128 letters, digits, ".", "_", "@" or "-"' });
  }
  const name = (typeof body?.name === 'string' ? body.name.trim() : '').slice(0, MAX_NAME_LENGTH) || userId;
  // Read at each sign-in, so tokens follow the keys `npm run reset` and the next start replace.
  const keys = loadOrCreateIssuerKeys(issuerKeysFile);
  const groups = body?.staff === true ? { 'cognito:groups': [STAFF_GROUP] } : {};
  send(response, 200, { userId, name, token: signLocalToken(keys, { sub: userId, name, ...groups }) });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  let text = '';
  for await (const chunk of request as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length > MAX_BODY_BYTES) return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
