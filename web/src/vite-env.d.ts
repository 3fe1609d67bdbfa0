/// <reference types="vite/client" />

/**
 * The storefront's settings, read at build time (`vite build`) or by the dev server from VITE_*
 * variables of the environment and of web/'s env files. `npm run storefront` sets all four for its
 * local API and user pool; a stage's build must set the first three from its stack outputs, https
 * but for this machine's addresses, and must not set the fourth (vite.config.ts refuses otherwise;
 * docs/storefront.md).
 */
interface ImportMetaEnv {
  /**
   * The GraphQL endpoint (`<HttpApiUrl>/query`); unset (the dev server only): `npm start`'s
   * http://localhost:4000/query.
   */
  readonly VITE_STORE_API_URL?: string;
  /**
   * The Cognito API the storefront signs in with: `https://cognito-idp.<region>.amazonaws.com/` in
   * AWS, the local pool's `http://127.0.0.1:<port>` under `npm run storefront`. Unset (the dev
   * server only): sign-in says it is not configured.
   */
  readonly VITE_COGNITO_ENDPOINT?: string;
  /** The user pool's public app client (stack output UserPoolClientId). */
  readonly VITE_COGNITO_CLIENT_ID?: string;
  /**
   * Local only: a JSON array of `{ email, password, displayName, staff }`, the local pool's demo
   * accounts, which the sign-in page offers as one-click buttons. Never set for a stage's build.
   */
  readonly VITE_DEMO_USERS?: string;
}
