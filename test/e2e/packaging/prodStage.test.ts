import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_TIMEOUT_MS, packageService } from '../../support/serverlessPackage';
import { iamRoleTests } from './iamRole';
import { packagedOnce } from './packagedOnce';
import { stageSettingsTests } from './stageSettings';

/**
 * `serverless package --stage prod`, the one other packaging run beside package.test.ts (dev):
 * what changes with the stage (throttling, concurrency, retention, tracing, Sandbox, table
 * protection) and what must not (alarms, outputs, an IAM role exact to the datasources' calls,
 * now with X-Ray's write actions).
 */
const SHOP_ORIGIN = 'https://shop.example';
const packaged = packagedOnce('prod', { corsOrigins: SHOP_ORIGIN });

describe('serverless package --stage prod', () => {
  stageSettingsTests(packaged, 'prod');
  iamRoleTests(packaged);

  test('allows exactly the CORS origins given at packaging, and no development origin', () => {
    // Act
    const api = Object.values(packaged().template.Resources).find(
      (resource) => resource.Type === 'AWS::ApiGatewayV2::Api',
    );

    // Assess
    expect(api?.Properties?.CorsConfiguration).toMatchObject({ AllowOrigins: [SHOP_ORIGIN] });
  });

  test(
    'refuses to package without CORS origins, saying what to set',
    async () => {
      // Prepare
      const workDir = mkdtempSync(path.join(tmpdir(), 'store-api-package-prod-no-cors-'));
      try {
        // Act
        const packaging = packageService(workDir, 'prod');

        // Assess
        await expect(packaging).rejects.toThrow(
          'Stage prod has no CORS origins: pass --param="corsOrigins=https://your-shop.example"',
        );
        expect(existsSync(path.join(workDir, 'artifact'))).toBe(false);
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    },
    PACKAGE_TIMEOUT_MS,
  );
});
