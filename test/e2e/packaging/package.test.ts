import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_TIMEOUT_MS, packageService, type Packaged } from '../../support/serverlessPackage';
import { bundleTests } from './bundle';
import { httpApiAndFunctionTests } from './httpApiAndFunction';
import { iamRoleTests } from './iamRole';
import { stageSettingsTests } from './stageSettings';
import { tablesAndUserPoolTests } from './tablesAndUserPool';

/**
 * `serverless package` (osls + serverless-esbuild) run once, offline and without AWS credentials;
 * every test reads what it produced: the CloudFormation template AWS would deploy and the zip
 * Lambda would run. Packaging is slow, so this file packages the dev stage once (prodStage.test.ts
 * packages prod): the tests live in the modules beside it, by subject, and read this one run
 * through `packaged()`.
 */

let workDir: string;
let result: Packaged | undefined;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'store-api-package-'));
  result = await packageService(workDir);
}, PACKAGE_TIMEOUT_MS);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function packaged(): Packaged {
  if (!result) throw new Error('serverless package has not run: see beforeAll');
  return result;
}

describe('serverless package', () => {
  httpApiAndFunctionTests(packaged);
  tablesAndUserPoolTests(packaged);
  iamRoleTests(packaged);
  stageSettingsTests(packaged, 'dev');
  bundleTests(packaged);
});
