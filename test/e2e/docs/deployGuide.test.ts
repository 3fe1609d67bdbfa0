import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * docs/deploy.md's commands that need no AWS account, run exactly as the page writes them (from
 * the repository's root, in bash), with sample values for the variables the earlier, online steps
 * set: if the page and the project drift apart, this fails.
 */
const ROOT = path.resolve(__dirname, '../../..');
const GUIDE = readFileSync(path.join(ROOT, 'docs/deploy.md'), 'utf8');
const SAMPLE_STAGE = {
  API_URL: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/query',
  REGION: 'eu-west-1',
  CLIENT_ID: '4k9sampleclientid0000000000',
};

/** The shell blocks that follow a line "_Offline:_", in page order. */
function offlineBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^_Offline:_\s*\n+```sh\n([\s\S]*?)```/gm)].map((match) => match[1] ?? '');
}

async function runInBash(script: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('docs/deploy.md, offline', () => {
  const [packaging = '', storefrontBuild = ''] = offlineBlocks(GUIDE);

  test('marks two commands as offline: packaging the stage and building the storefront', () => {
    expect(offlineBlocks(GUIDE)).toHaveLength(2);
    expect(packaging).toContain('npm run package');
    expect(storefrontBuild).toContain('npm run build:storefront');
  });

  test('packages the prod stage, storefront hosting included, as written', async () => {
    // Act
    await runInBash(packaging);

    // Assess
    const template = JSON.parse(
      readFileSync(path.join(ROOT, '.serverless/cloudformation-template-update-stack.json'), 'utf8'),
    ) as { Resources: Record<string, { Type: string }>; Outputs: Record<string, unknown> };
    expect(template.Resources.StorefrontDistribution?.Type).toBe('AWS::CloudFront::Distribution');
    expect(Object.keys(template.Outputs)).toEqual(
      expect.arrayContaining(['HttpApiUrl', 'UserPoolId', 'UserPoolClientId', 'StorefrontBucketName']),
    );
  }, 300_000);

  test('builds the storefront with the stage’s API, Cognito endpoint and app client, as written', async () => {
    // Act
    await runInBash(storefrontBuild, { ...SAMPLE_STAGE, VITE_DEMO_USERS: '' });

    // Assess: the settings are in the built code, and so is nothing of the local runtime.
    const assets = path.join(ROOT, 'web/dist/assets');
    expect(existsSync(path.join(ROOT, 'web/dist/index.html'))).toBe(true);
    const code = readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(assets, file), 'utf8'))
      .join('\n');
    expect(code).toContain(SAMPLE_STAGE.API_URL);
    expect(code).toContain('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(code).toContain(SAMPLE_STAGE.CLIENT_ID);
    expect(code).not.toContain('Shopper-demo-1');
  }, 180_000);
});
