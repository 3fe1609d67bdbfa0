import { loadConfig } from '../../../src/config';
import {
  TABLE_RESOURCES,
  environmentOf,
  integrationOf,
  lambdaFunction,
  onlyResourceOfType,
  physicalIdOf,
  resourcesOfType,
} from '../../support/cloudFormation';
import type { Packaged } from '../../support/serverlessPackage';

/** The HTTP API and the Lambda function of the packaged template; registered by package.test.ts. */
export function httpApiAndFunctionTests(packaged: () => Packaged): void {
  test('routes POST /query and GET /query of one HTTP API to the function, with payload 2.0', () => {
    // Prepare
    const { template } = packaged();
    const functionId = onlyResourceOfType(template, 'AWS::Lambda::Function');

    // Act
    const routes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, route]) => ({
      routeKey: route.Properties?.RouteKey,
      integration: integrationOf(template, route),
    }));

    // Assess
    expect(resourcesOfType(template, 'AWS::ApiGatewayV2::Api')).toHaveLength(1);
    expect(routes.map(({ routeKey }) => routeKey).sort()).toEqual(['GET /query', 'POST /query']);
    for (const { integration } of routes) {
      expect(integration.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [functionId, 'Arn'] },
        PayloadFormatVersion: '2.0',
      });
    }
  });

  test('runs the bundle on Node.js 22, arm64, with 1024 MB, 10 s and NODE_ENV=production', () => {
    // Act
    const fn = lambdaFunction(packaged().template);

    // Assess
    expect(fn.Properties).toMatchObject({
      Handler: 'src/transport/handler.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 10,
    });
    expect(environmentOf(fn).NODE_ENV).toBe('production');
  });

  test('logs as the store-api service at INFO, with X-Ray tracing off unless a stage turns it on', () => {
    // Act
    const fn = lambdaFunction(packaged().template);

    // Assess
    expect(environmentOf(fn)).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'store-api',
      LOG_LEVEL: 'INFO',
      TRACING_ENABLED: 'false',
    });
    expect(fn.Properties?.TracingConfig).toBeUndefined();
  });

  test('gives the function the generated table names and the Cognito ids as references', () => {
    // Act
    const environment = environmentOf(lambdaFunction(packaged().template));

    // Assess
    expect(environment).toMatchObject({
      PRODUCTS_TABLE: { Ref: TABLE_RESOURCES.products },
      PRODUCT_LISTINGS_TABLE: { Ref: TABLE_RESOURCES.productListings },
      CATEGORIES_TABLE: { Ref: TABLE_RESOURCES.categories },
      COMMENTS_TABLE: { Ref: TABLE_RESOURCES.comments },
      CARTS_TABLE: { Ref: TABLE_RESOURCES.carts },
      PROMOTIONS_TABLE: { Ref: TABLE_RESOURCES.promotions },
      ORDERS_TABLE: { Ref: TABLE_RESOURCES.orders },
      RATINGS_TABLE: { Ref: TABLE_RESOURCES.ratings },
      PERSISTED_QUERIES_TABLE: { Ref: TABLE_RESOURCES.persistedQueries },
      RATE_LIMITS_TABLE: { Ref: TABLE_RESOURCES.rateLimits },
      COGNITO_USER_POOL_ID: { Ref: 'UserPool' },
      COGNITO_CLIENT_ID: { Ref: 'UserPoolClient' },
    });
  });

  test('sets an environment from which loadConfig builds a production Cognito configuration', () => {
    // Prepare: CloudFormation resolves each Ref to a physical id; any well-formed value will do.
    const environment = Object.fromEntries(
      Object.entries(environmentOf(lambdaFunction(packaged().template))).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : physicalIdOf(value),
      ]),
    );

    // Act
    const config = loadConfig({ ...environment, AWS_REGION: 'eu-west-1' });

    // Assess
    expect(config).toMatchObject({
      production: true,
      // The dev stage serves Sandbox (stageSettings.ts checks each stage's choice).
      enableSandbox: true,
      tables: {
        products: 'ProductsTable-physical-id',
        productListings: 'ProductListingsTable-physical-id',
        categories: 'CategoriesTable-physical-id',
        comments: 'CommentsTable-physical-id',
        carts: 'CartsTable-physical-id',
        promotions: 'PromotionsTable-physical-id',
        orders: 'OrdersTable-physical-id',
        ratings: 'RatingsTable-physical-id',
        persistedQueries: 'PersistedQueriesTable-physical-id',
        rateLimits: 'RateLimitsTable-physical-id',
      },
      dynamodb: { region: 'eu-west-1' },
    });
    // AWS's Cognito itself: no emulator's endpoint.
    expect(config.auth).toEqual({ userPoolId: 'eu-west-1_UserPool', clientId: 'UserPoolClient-physical-id' });
    expect(config.dynamodb.endpoint).toBeUndefined();
  });

  test('never sets the local-only DYNAMODB_ENDPOINT or COGNITO_ENDPOINT anywhere in the template', () => {
    // Act
    const { templateText } = packaged();

    // Assess
    expect(templateText).not.toContain('DYNAMODB_ENDPOINT');
    expect(templateText).not.toContain('COGNITO_ENDPOINT');
  });
}
