/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The GraphQL endpoint; `npm run storefront` sets it to the API it started. */
  readonly VITE_STORE_API_URL?: string;
}
