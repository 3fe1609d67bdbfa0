import { loadConfig } from '../../../src/config';
import {
  TABLE_RESOURCES,
  asArray,
  dataTableKeys,
  environmentOf,
  lambdaFunction,
  physicalIdOf,
  policyStatements,
  resource,
  resourcesOfType,
  type CfnTemplate,
} from '../../support/cloudFormation';
import type { Packaged } from '../../support/serverlessPackage';

/** The per-stage settings serverless.yml's params promise (docs/deployment.md, "Stages"). */
export interface StageSettings {
  throttling: { rate: number; burst: number };
  reservedConcurrency: number;
  logRetentionInDays: number;
  tracing: boolean;
  /** ENABLE_SANDBOX: the Sandbox landing page, and the introspection it needs. */
  sandbox: boolean;
  /** Deletion protection on the data tables. */
  tableProtection: boolean;
  /** DeletionPolicy of the data tables and the user pool. */
  dataRemovalPolicy: 'Delete' | 'Retain';
}

export const STAGE_SETTINGS: Record<'dev' | 'prod', StageSettings> = {
  dev: {
    throttling: { rate: 20, burst: 40 },
    reservedConcurrency: 10,
    logRetentionInDays: 14,
    tracing: false,
    sandbox: true,
    tableProtection: false,
    dataRemovalPolicy: 'Delete',
  },
  prod: {
    throttling: { rate: 100, burst: 200 },
    reservedConcurrency: 100,
    logRetentionInDays: 90,
    tracing: true,
    sandbox: false,
    tableProtection: true,
    dataRemovalPolicy: 'Retain',
  },
};

/** The four alarms every stage has: metric, statistic and threshold of each. */
const ALARMS = {
  FunctionErrorsAlarm: { Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum', Threshold: 1 },
  FunctionThrottlesAlarm: {
    Namespace: 'AWS/Lambda',
    MetricName: 'Throttles',
    Statistic: 'Sum',
    Threshold: 1,
  },
  FunctionDurationP99Alarm: {
    Namespace: 'AWS/Lambda',
    MetricName: 'Duration',
    ExtendedStatistic: 'p99',
    Threshold: 3000,
  },
  Api5xxAlarm: { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Statistic: 'Sum', Threshold: 5 },
};

/** The operations settings of one stage's packaged template; registered by the package tests. */
export function stageSettingsTests(packaged: () => Packaged, stage: keyof typeof STAGE_SETTINGS): void {
  const expected = STAGE_SETTINGS[stage];

  test(`throttles the HTTP API's default route at ${expected.throttling.rate} requests per second, bursts of ${expected.throttling.burst}`, () => {
    // Act
    const stageResource = resource(packaged().template, 'HttpApiStage');

    // Assess
    expect(stageResource.Properties).toMatchObject({
      ApiId: { Ref: 'HttpApi' },
      StageName: '$default',
      DefaultRouteSettings: {
        ThrottlingRateLimit: expected.throttling.rate,
        ThrottlingBurstLimit: expected.throttling.burst,
      },
    });
  });

  test(`reserves ${expected.reservedConcurrency} concurrent executions and keeps the logs ${expected.logRetentionInDays} days`, () => {
    // Act
    const { template } = packaged();

    // Assess
    expect(lambdaFunction(template).Properties?.ReservedConcurrentExecutions).toBe(
      expected.reservedConcurrency,
    );
    expect(resource(template, 'ApiLogGroup').Properties?.RetentionInDays).toBe(expected.logRetentionInDays);
  });

  test(`${expected.tracing ? 'traces' : 'does not trace'} the function with X-Ray, and says so to the code`, () => {
    // Act
    const fn = lambdaFunction(packaged().template);
    const xray = roleActions(packaged().template).filter((action) => action.startsWith('xray:'));

    // Assess
    expect(environmentOf(fn).TRACING_ENABLED).toBe(String(expected.tracing));
    if (expected.tracing) {
      expect(fn.Properties?.TracingConfig).toEqual({ Mode: 'Active' });
      expect(xray.sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    } else {
      expect(fn.Properties?.TracingConfig).toBeUndefined();
      expect(xray).toEqual([]);
    }
  });

  test(`${expected.sandbox ? 'serves' : 'refuses'} the Sandbox landing page and introspection`, () => {
    // Prepare: CloudFormation resolves each Ref to a physical id; any well-formed value will do.
    const environment = Object.fromEntries(
      Object.entries(environmentOf(lambdaFunction(packaged().template))).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : physicalIdOf(value),
      ]),
    );

    // Act
    const config = loadConfig(environment);

    // Assess
    expect(environment.ENABLE_SANDBOX).toBe(String(expected.sandbox));
    expect(config).toMatchObject({ production: true, enableSandbox: expected.sandbox });
  });

  test('alarms on function errors, throttles and p99 duration and on API 5xx, to one SNS topic', () => {
    // Prepare
    const { template } = packaged();
    const dimensionOf: Record<string, unknown> = {
      'AWS/Lambda': [{ Name: 'FunctionName', Value: { Ref: 'ApiLambdaFunction' } }],
      'AWS/ApiGateway': [{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }],
    };

    // Act
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');

    // Assess
    expect(alarms.map(([id]) => id).sort()).toEqual(Object.keys(ALARMS).sort());
    expect(resource(template, 'AlarmTopic').Type).toBe('AWS::SNS::Topic');
    for (const [id, alarm] of alarms) {
      const metric = ALARMS[id as keyof typeof ALARMS];
      expect(alarm.Properties).toMatchObject({
        ...metric,
        Dimensions: dimensionOf[metric.Namespace],
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: 'AlarmTopic' }],
        OKActions: [{ Ref: 'AlarmTopic' }],
      });
    }
  });

  test(`keeps point-in-time recovery on the data tables, ${expected.tableProtection ? 'with' : 'without'} deletion protection`, () => {
    for (const key of dataTableKeys()) {
      // Act
      const table = resource(packaged().template, TABLE_RESOURCES[key]);

      // Assess
      expect(table.DeletionPolicy).toBe(expected.dataRemovalPolicy);
      expect(table.Properties).toMatchObject({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: expected.tableProtection,
      });
    }
  });

  test('expires persisted queries by TTL, in a cache table that is neither backed up nor retained', () => {
    // Act
    const table = resource(packaged().template, TABLE_RESOURCES.persistedQueries);

    // Assess
    expect(table.DeletionPolicy).toBe('Delete');
    expect(table.Properties?.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(table.Properties?.PointInTimeRecoverySpecification).toBeUndefined();
    expect(table.Properties?.DeletionProtectionEnabled).toBeUndefined();
  });

  test('expires rate-limit counters by TTL, in a table that is neither backed up nor retained', () => {
    // Act
    const table = resource(packaged().template, TABLE_RESOURCES.rateLimits);

    // Assess
    expect(table.DeletionPolicy).toBe('Delete');
    expect(table.Properties?.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(table.Properties?.PointInTimeRecoverySpecification).toBeUndefined();
    expect(table.Properties?.DeletionProtectionEnabled).toBeUndefined();
  });

  test('outputs the API URL, the Cognito ids and the alarm topic', () => {
    // Act
    const outputs = packaged().template.Outputs ?? {};

    // Assess
    expect(outputs.HttpApiUrl?.Value).toEqual({
      'Fn::Join': [
        '',
        [
          'https://',
          { Ref: 'HttpApi' },
          '.execute-api.',
          { Ref: 'AWS::Region' },
          '.',
          { Ref: 'AWS::URLSuffix' },
        ],
      ],
    });
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: 'UserPool' });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: 'UserPoolClient' });
    expect(outputs.AlarmTopicArn?.Value).toEqual({ Ref: 'AlarmTopic' });
  });
}

/** Every action the function's role allows. */
function roleActions(template: CfnTemplate): string[] {
  return policyStatements(resource(template, 'IamRoleLambdaExecution')).flatMap((statement) =>
    asArray(statement.Action),
  );
}
