import { bundleTests } from './bundle';
import { httpApiAndFunctionTests } from './httpApiAndFunction';
import { iamRoleTests } from './iamRole';
import { packagedOnce } from './packagedOnce';
import { stageSettingsTests } from './stageSettings';
import { apiCorsTests, storefrontHostingTests } from './storefrontHosting';
import { tablesAndUserPoolTests } from './tablesAndUserPool';

/**
 * `serverless package` (osls + serverless-esbuild) run once, offline and without AWS credentials;
 * every test reads what it produced: the CloudFormation template AWS would deploy and the zip
 * Lambda would run. Packaging is slow, so this file packages the dev stage once (prodStage.test.ts
 * packages prod): the tests live in the modules beside it, by subject, and read this one run
 * through `packaged()`.
 */
const packaged = packagedOnce('dev');

describe('serverless package', () => {
  httpApiAndFunctionTests(packaged);
  // dev's corsOrigins param: the storefront's Vite dev server.
  apiCorsTests(packaged, ['http://localhost:5173']);
  storefrontHostingTests(packaged);
  tablesAndUserPoolTests(packaged);
  iamRoleTests(packaged);
  stageSettingsTests(packaged, 'dev');
  bundleTests(packaged);
});
