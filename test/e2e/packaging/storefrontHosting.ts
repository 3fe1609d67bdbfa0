import {
  asArray,
  onlyResourceOfType,
  resource,
  resourcesOfType,
  substitutionText,
  type CfnTemplate,
} from '../../support/cloudFormation';
import type { Packaged } from '../../support/serverlessPackage';

/**
 * The storefront's hosting (deploy/storefront.yml) and the API's CORS, which allows the
 * storefront's origin (deploy/corsOrigins.js); registered by package.test.ts and prodStage.test.ts.
 */

/** The storefront's origin as the template writes it: CloudFormation knows the domain only once the distribution exists. */
export const STOREFRONT_ORIGIN = {
  'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['StorefrontDistribution', 'DomainName'] }]],
};

/** AWS's managed cache policy CachingOptimized. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
/** AWS's managed response headers policy SecurityHeadersPolicy (HSTS, nosniff, frame options, referrer policy). */
const SECURITY_HEADERS = '67f7725c-6f97-4210-82d7-5512b31e9d03';

/** What any cache behaviour of the distribution says (the default one, and any by path). */
interface CacheBehavior {
  TargetOriginId?: string;
  ViewerProtocolPolicy?: string;
  AllowedMethods?: string[];
  CachePolicyId?: string;
  ResponseHeadersPolicyId?: string;
}

interface DistributionConfig {
  Enabled?: boolean;
  DefaultRootObject?: string;
  Origins?: Array<Record<string, unknown>>;
  DefaultCacheBehavior?: CacheBehavior;
  CacheBehaviors?: CacheBehavior[];
}

interface PolicyStatement {
  Effect?: string;
  Principal?: Record<string, unknown> | string;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** The bucket, the distribution in front of it and their outputs. */
export function storefrontHostingTests(packaged: () => Packaged): void {
  test('keeps the storefront in a private bucket: every public access blocked, no ACLs, no website, encrypted', () => {
    // Act
    const bucket = resource(packaged().template, 'StorefrontBucket');

    // Assess
    expect(bucket.Type).toBe('AWS::S3::Bucket');
    expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties?.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
    });
    expect(bucket.Properties?.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties?.WebsiteConfiguration).toBeUndefined();
    expect(bucket.Properties?.AccessControl).toBeUndefined();
  });

  test("lets only the stack's distribution read the bucket: one statement, s3:GetObject on its objects", () => {
    // Prepare
    const { template } = packaged();

    // Act
    const policies = resourcesOfType(template, 'AWS::S3::BucketPolicy').filter(
      ([, policy]) => substitutionText(policy.Properties?.Bucket) === '${StorefrontBucket}',
    );
    const document = policies[0]?.[1].Properties?.PolicyDocument as { Statement?: unknown } | undefined;
    const statements = [document?.Statement ?? []].flat() as PolicyStatement[];
    const [statement] = statements;

    // Assess
    expect(policies.map(([id]) => id)).toEqual(['StorefrontBucketPolicy']);
    expect(statements).toHaveLength(1);
    expect(statement?.Effect).toBe('Allow');
    expect(statement?.Principal).toEqual({ Service: expect.anything() });
    expect(asArray((statement?.Principal as { Service?: unknown }).Service)).toEqual([
      'cloudfront.amazonaws.com',
    ]);
    expect(asArray(statement?.Action)).toEqual(['s3:GetObject']);
    expect([statement?.Resource].flat().map(substitutionText)).toEqual(['${StorefrontBucket.Arn}/*']);
    expect(statement?.NotPrincipal).toBeUndefined();
    expect(statement?.NotAction).toBeUndefined();
    expect(statement?.NotResource).toBeUndefined();
    // Only requests CloudFront signs for this distribution, not any distribution of any account.
    expect(Object.keys(statement?.Condition ?? {})).toEqual(['StringEquals']);
    expect(Object.keys(statement?.Condition?.StringEquals ?? {})).toEqual(['AWS:SourceArn']);
    expect(substitutionText(statement?.Condition?.StringEquals?.['AWS:SourceArn'])).toBe(
      'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${StorefrontDistribution}',
    );
  });

  test('serves the bucket through CloudFront with origin access control, not a public website endpoint', () => {
    // Prepare
    const { template } = packaged();
    const config = distributionConfig(template);

    // Act
    const origins = config.Origins ?? [];
    const [origin] = origins;
    const control = resource(template, onlyResourceOfType(template, 'AWS::CloudFront::OriginAccessControl'));

    // Assess
    expect(origins).toHaveLength(1);
    expect(substitutionText(origin?.DomainName)).toBe('${StorefrontBucket.RegionalDomainName}');
    expect(origin?.CustomOriginConfig).toBeUndefined();
    expect(substitutionText(origin?.OriginAccessControlId)).toBe('${StorefrontOriginAccessControl.Id}');
    // No legacy origin access identity: CloudFormation wants the setting, empty.
    expect(origin?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(control.Properties?.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
  });

  test('redirects HTTP to HTTPS, serves index.html at the root and answers only GET and HEAD', () => {
    // Act
    const config = distributionConfig(packaged().template);
    const behaviors = [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])];

    // Assess
    expect(config.Enabled).toBe(true);
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toBeDefined();
    for (const behavior of behaviors) {
      expect(behavior?.TargetOriginId).toBe(config.Origins?.[0]?.Id);
      expect(behavior?.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect([...(behavior?.AllowedMethods ?? [])].sort()).toEqual(['GET', 'HEAD']);
    }
  });

  test("caches with AWS's CachingOptimized policy and adds its SecurityHeaders response headers", () => {
    // Act
    const behavior = distributionConfig(packaged().template).DefaultCacheBehavior;

    // Assess
    expect(behavior).toMatchObject({
      CachePolicyId: CACHING_OPTIMIZED,
      ResponseHeadersPolicyId: SECURITY_HEADERS,
    });
  });

  test("outputs the storefront's URL, its bucket's name and its distribution's id", () => {
    // Act
    const outputs = packaged().template.Outputs ?? {};

    // Assess
    expect(substitutionText(outputs.StorefrontUrl?.Value)).toBe(
      'https://${StorefrontDistribution.DomainName}',
    );
    expect(outputs.StorefrontBucketName?.Value).toEqual({ Ref: 'StorefrontBucket' });
    expect(outputs.StorefrontDistributionId?.Value).toEqual({ Ref: 'StorefrontDistribution' });
  });
}

/**
 * The HTTP API's CORS: the storefront distribution's origin first, then exactly `stageOrigins`
 * (the stage's `corsOrigins` param, from serverless.yml or `--param`).
 */
export function apiCorsTests(packaged: () => Packaged, stageOrigins: readonly string[]): void {
  const besides = stageOrigins.length === 0 ? 'only' : `and ${stageOrigins.join(', ')} only`;

  test(`lets API Gateway answer CORS preflights from the storefront's origin ${besides}, without credentials`, () => {
    // Prepare
    const { template } = packaged();

    // Act
    const api = resource(template, onlyResourceOfType(template, 'AWS::ApiGatewayV2::Api'));
    const cors = api.Properties?.CorsConfiguration as Record<string, unknown> | undefined;

    // Assess
    expect(cors?.AllowOrigins).toEqual([STOREFRONT_ORIGIN, ...stageOrigins]);
    // The very origin the stack outputs as the storefront's URL.
    expect(substitutionText(STOREFRONT_ORIGIN)).toBe(
      substitutionText(template.Outputs?.StorefrontUrl?.Value),
    );
    expect(cors?.AllowHeaders).toEqual([
      'content-type',
      'authorization',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ]);
    expect(cors?.AllowMethods).toEqual(['GET', 'POST', 'OPTIONS']);
    expect(cors?.AllowCredentials).toBe(false);
    expect(cors?.MaxAge).toBe(600);
  });
}

function distributionConfig(template: CfnTemplate): DistributionConfig {
  const distribution = resource(template, onlyResourceOfType(template, 'AWS::CloudFront::Distribution'));
  expect(distribution.Properties).toBeDefined();
  return (distribution.Properties?.DistributionConfig ?? {}) as DistributionConfig;
}
