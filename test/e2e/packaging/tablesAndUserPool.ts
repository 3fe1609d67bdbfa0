import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STAFF_GROUP } from '../../../src/auth/tokenVerifier';
import tables from '../../../src/datasources/tables.json';
import {
  TABLE_RESOURCES,
  dataTableKeys,
  resource,
  resourcesOfType,
  tableKeys,
  withoutDeploymentSettings,
} from '../../support/cloudFormation';
import type { Packaged } from '../../support/serverlessPackage';

/** The DynamoDB tables and the Cognito user pool of the packaged template; registered by package.test.ts. */
export function tablesAndUserPoolTests(packaged: () => Packaged): void {
  test('creates exactly the tables of tables.json, with their keys and indexes unchanged', () => {
    // Act
    const deployed = resourcesOfType(packaged().template, 'AWS::DynamoDB::Table');

    // Assess
    expect(deployed.map(([id]) => id).sort()).toEqual(Object.values(TABLE_RESOURCES).sort());
    for (const key of tableKeys()) {
      const properties = withoutDeploymentSettings(
        resource(packaged().template, TABLE_RESOURCES[key]).Properties,
      );
      expect(properties).toEqual(tables[key]);
    }
  });

  test('bills every data table on demand and keeps point-in-time recovery on', () => {
    for (const key of dataTableKeys()) {
      // Act
      const properties = resource(packaged().template, TABLE_RESOURCES[key]).Properties;

      // Assess
      expect(properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    }
  });

  test('deploys table definitions that DynamoDB accepts as CreateTable input', async () => {
    // Prepare
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: dynamoLocalEndpoint(),
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const prefix = `pkg${Date.now().toString(36)}`;

    try {
      // Act: the template's properties minus the deployed table's settings (PITR, TTL, deletion
      // protection), which are not CreateTable input.
      const created = await Promise.all(
        tableKeys().map(async (key) => {
          const properties = withoutDeploymentSettings(
            resource(packaged().template, TABLE_RESOURCES[key]).Properties,
          );
          const input = { ...properties, TableName: `${prefix}-${key}` } as ConstructorParameters<
            typeof CreateTableCommand
          >[0];
          const output = await client.send(new CreateTableCommand(input));
          return output.TableDescription?.TableName;
        }),
      );

      // Assess
      expect(created.sort()).toEqual(
        tableKeys()
          .map((key) => `${prefix}-${key}`)
          .sort(),
      );
    } finally {
      await Promise.allSettled(
        tableKeys().map((key) => client.send(new DeleteTableCommand({ TableName: `${prefix}-${key}` }))),
      );
      client.destroy();
    }
  });

  test('creates a Cognito user pool with email sign-in and a name attribute, and a public client signing in by password, SRP or refresh token', () => {
    // Prepare
    const { template } = packaged();

    // Act
    const pool = resource(template, 'UserPool');
    const client = resource(template, 'UserPoolClient');

    // Assess
    expect(pool.Type).toBe('AWS::Cognito::UserPool');
    expect(pool.Properties?.UsernameAttributes).toEqual(['email']);
    expect(pool.Properties?.Schema).toEqual(
      expect.arrayContaining([expect.objectContaining({ Name: 'name', AttributeDataType: 'String' })]),
    );
    expect(client.Type).toBe('AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({ UserPoolId: { Ref: 'UserPool' }, GenerateSecret: false });
    // The storefront signs in with USER_PASSWORD_AUTH; SRP stays for clients with an SRP library.
    expect([...(client.Properties?.ExplicitAuthFlows as string[])].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
    expect(template.Outputs?.UserPoolId?.Value).toEqual({ Ref: 'UserPool' });
    expect(template.Outputs?.UserPoolClientId?.Value).toEqual({ Ref: 'UserPoolClient' });
  });

  test('lets the storefront client write email and name but never the display name, which its tokens carry', () => {
    // Prepare
    const { template } = packaged();

    // Act
    const client = resource(template, 'UserPoolClient').Properties ?? {};
    const schema = (resource(template, 'UserPool').Properties?.Schema ?? []) as Array<
      Record<string, unknown>
    >;

    // Assess: no write list at all would let the client write every attribute.
    expect(client.WriteAttributes).toEqual(['email', 'name']);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['email', 'custom:display_name']));
    expect(schema.find((attribute) => attribute.Name === 'display_name')).toMatchObject({
      AttributeDataType: 'String',
      Mutable: true,
    });
    // As first deployed: Cognito refuses to change an existing attribute's schema, so a stage
    // deployed before could not be updated.
    expect(schema.find((attribute) => attribute.Name === 'name')).toMatchObject({
      Required: true,
      Mutable: true,
    });
  });

  test('creates the staff group, named as the API expects, in the user pool, and outputs its name', () => {
    // Prepare
    const { template } = packaged();

    // Act
    const groups = resourcesOfType(template, 'AWS::Cognito::UserPoolGroup');
    const group = resource(template, 'StaffGroup');

    // Assess
    expect(groups.map(([id]) => id)).toEqual(['StaffGroup']);
    expect(STAFF_GROUP).toBe('admin');
    expect(group.Properties).toMatchObject({ GroupName: STAFF_GROUP, UserPoolId: { Ref: 'UserPool' } });
    expect(group.Properties?.Description).toMatch(/staff/);
    // Removed or retained with the pool, so a retained pool keeps its staff.
    expect(group.DeletionPolicy).toBe(resource(template, 'UserPool').DeletionPolicy);
    expect(template.Outputs?.StaffGroupName?.Value).toEqual({ Ref: 'StaffGroup' });
  });
}

/** The DynamoDB Local that jest's globalSetup started for this run. */
function dynamoLocalEndpoint(): string {
  const value = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!value) throw new Error('TEST_DYNAMODB_ENDPOINT is unset: run the tests through jest');
  return value;
}
