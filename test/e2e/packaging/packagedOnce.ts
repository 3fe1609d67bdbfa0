import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_TIMEOUT_MS, packageService, type Packaged } from '../../support/serverlessPackage';

/**
 * `serverless package --stage <stage>` run once for the test file, before its tests, in a work
 * folder of its own that is removed after them. Packaging is slow, so every test of the file
 * reads this one run through the function returned.
 */
export function packagedOnce(
  stage: 'dev' | 'prod',
  params: Readonly<Record<string, string>> = {},
): () => Packaged {
  let workDir: string | undefined;
  let result: Packaged | undefined;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), `store-api-package-${stage}-`));
    result = await packageService(workDir, stage, params);
  }, PACKAGE_TIMEOUT_MS);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  return () => {
    if (!result) throw new Error('serverless package has not run: see beforeAll');
    return result;
  };
}
