/**
 * The stage's CORS origins (`params.<stage>.corsOrigins`, or `--param="corsOrigins=…"`), for
 * serverless.yml's `provider.httpApi.cors.allowedOrigins`. Only dev has a default (the storefront's
 * dev server): a store's API must not quietly allow a developer's localhost, so packaging any
 * other stage without origins stops here, saying what to set.
 */
module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  const origins = await resolveVariable('param:corsOrigins, null');
  if (origins === null || origins === undefined || origins === '') {
    throw new Error(
      `Stage ${stage} has no CORS origins: pass --param="corsOrigins=https://your-shop.example" ` +
        `or set params.${stage}.corsOrigins in serverless.yml`,
    );
  }
  return origins;
};
