/**
 * The local runtime's token issuer. Its key pair is generated on a developer's machine (see
 * local/localKeys.ts); these names only identify it. Production never trusts it: the
 * production configuration accepts Cognito tokens only (see config.ts).
 */
export const LOCAL_ISSUER = 'https://issuer.store-api.localhost';
export const LOCAL_AUDIENCE = 'store-api-local';
/** Never fetched: the verifier is given the JWKS up front and refuses to download. */
export const LOCAL_JWKS_URI = `${LOCAL_ISSUER}/.well-known/jwks.json`;
