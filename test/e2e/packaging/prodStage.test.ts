import { iamRoleTests } from './iamRole';
import { packagedOnce } from './packagedOnce';
import { stageSettingsTests } from './stageSettings';

/**
 * `serverless package --stage prod`, the one other packaging run beside package.test.ts (dev):
 * what changes with the stage (throttling, concurrency, retention, tracing, Sandbox, table
 * protection) and what must not (alarms, outputs, an IAM role exact to the datasources' calls,
 * now with X-Ray's write actions).
 */
const packaged = packagedOnce('prod');

describe('serverless package --stage prod', () => {
  stageSettingsTests(packaged, 'prod');
  iamRoleTests(packaged);
});
