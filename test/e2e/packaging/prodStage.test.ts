import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_TIMEOUT_MS, packageService, type Packaged } from '../../support/serverlessPackage';
import { iamRoleTests } from './iamRole';
import { stageSettingsTests } from './stageSettings';

/**
 * `serverless package --stage prod`, the one other packaging run beside package.test.ts (dev):
 * what changes with the stage (throttling, concurrency, retention, tracing, Sandbox, table
 * protection) and what must not (alarms, outputs, an IAM role exact to the datasources' calls,
 * now with X-Ray's write actions).
 */

let workDir: string;
let result: Packaged | undefined;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'store-api-package-prod-'));
  result = await packageService(workDir, 'prod');
}, PACKAGE_TIMEOUT_MS);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function packaged(): Packaged {
  if (!result) throw new Error('serverless package has not run: see beforeAll');
  return result;
}

describe('serverless package --stage prod', () => {
  stageSettingsTests(packaged, 'prod');
  iamRoleTests(packaged);
});
