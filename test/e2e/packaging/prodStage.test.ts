import { iamRoleTests } from './iamRole';
import { packagedOnce } from './packagedOnce';
import { stageSettingsTests } from './stageSettings';
import { apiCorsTests, storefrontHostingTests } from './storefrontHosting';

/**
 * `serverless package --stage prod`, beside package.test.ts (dev): what changes with the stage
 * (throttling, concurrency, retention, tracing, Sandbox, table protection, CORS origins) and what
 * must not (alarms, outputs, the storefront's hosting, an IAM role exact to the datasources'
 * calls, now with X-Ray's write actions). Packaged twice: with a shop's own origin passed as a
 * deployer would, and without, which prod no longer refuses.
 */
const SHOP_ORIGIN = 'https://shop.example';
const packaged = packagedOnce('prod', { corsOrigins: SHOP_ORIGIN });

describe('serverless package --stage prod', () => {
  stageSettingsTests(packaged, 'prod');
  iamRoleTests(packaged);
  storefrontHostingTests(packaged);
  // Exactly the origin given at packaging besides the storefront's: no development origin.
  apiCorsTests(packaged, [SHOP_ORIGIN]);

  describe('without --param="corsOrigins=..."', () => {
    const packagedWithoutOrigins = packagedOnce('prod');

    apiCorsTests(packagedWithoutOrigins, []);
  });
});
