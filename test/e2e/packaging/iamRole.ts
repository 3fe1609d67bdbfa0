import {
  asArray,
  policyStatements,
  resourceName,
  resourcesOfType,
  type CfnTemplate,
  type IamStatement,
} from '../../support/cloudFormation';
import type { Packaged } from '../../support/serverlessPackage';

/**
 * Exactly the DynamoDB calls src/datasources/*.ts makes, per resource (a table ARN, or its
 * indexes). TransactWriteItems needs the action of each item it writes: CommentStore.add puts a
 * comment and a rating and updates a product and a rate counter; OrderStore.place updates products, puts the order and puts the
 * emptied cart (a Put, so carts need no DeleteItem).
 */
const EXPECTED_DYNAMODB_ACTIONS: Record<string, string[]> = {
  // CatalogueStore: the staff's conditional Put of a new product and its Updates.
  ProductsTable: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  'ProductsTable/index/*': ['dynamodb:Query'],
  // productChanges.ts: TransactWriteItems Put and Delete of listing entries; productBrowse.ts
  // queries the indexes only.
  ProductListingsTable: ['dynamodb:DeleteItem', 'dynamodb:PutItem'],
  'ProductListingsTable/index/*': ['dynamodb:Query'],
  // CategoryStore: Query of the one partition, conditional create, rename, reorder and delete;
  // productChanges.ts updates the counters.
  CategoriesTable: ['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
  // CommentModerationStore: reads a comment and moves it (Delete and Put) to hide or show it.
  CommentsTable: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  'CommentsTable/index/*': ['dynamodb:Query'],
  CartsTable: ['dynamodb:GetItem', 'dynamodb:PutItem'],
  // PromotionStore: GetItem, the staff's conditional Put and Update; OrderStore.place counts a use.
  PromotionsTable: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  'PromotionsTable/index/*': ['dynamodb:Query'],
  // OrderStore.cancel and ship update the status (cancel within its transaction).
  OrdersTable: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  'OrdersTable/index/*': ['dynamodb:Query'],
  // CommentStore: GetItem of the author's rating, then its TransactWriteItems Put; moderation
  // deletes a hidden comment's rating or checks the one that counts.
  RatingsTable: [
    'dynamodb:ConditionCheckItem',
    'dynamodb:DeleteItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
  ],
  // PersistedQueryStore: GetItem to look a hash up, PutItem to register it; entries expire (TTL).
  PersistedQueriesTable: ['dynamodb:GetItem', 'dynamodb:PutItem'],
  // CommentStore: the rate counter's TransactWriteItems Update; counters expire (TTL).
  RateLimitsTable: ['dynamodb:UpdateItem'],
};

/** X-Ray's write actions cannot be scoped to a resource: the one statement allowed on `*`. */
const XRAY_ACTIONS = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

/** The function's IAM role in the packaged template; registered by package.test.ts. */
export function iamRoleTests(packaged: () => Packaged): void {
  test('grants the function exactly the DynamoDB actions its datasources call, table by table', () => {
    // Prepare
    const granted: Record<string, string[]> = {};

    // Act
    for (const statement of roleStatements(packaged().template)) {
      const actions = asArray(statement.Action).filter((action) => action.startsWith('dynamodb:'));
      if (actions.length === 0) continue;
      expect(statement.Effect).toBe('Allow');
      for (const target of asArray(statement.Resource)) {
        const name = resourceName(target);
        granted[name] = [...new Set([...(granted[name] ?? []), ...actions])].sort();
      }
    }

    // Assess
    expect(granted).toEqual(EXPECTED_DYNAMODB_ACTIONS);
  });

  test('grants no wildcard action, and every resource only to the two X-Ray write actions', () => {
    // Act
    const statements = roleStatements(packaged().template);

    // Assess
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.NotAction).toBeUndefined();
      expect(statement.NotResource).toBeUndefined();
      for (const action of asArray(statement.Action)) {
        expect(action).not.toMatch(/(^|:)\*$/);
      }
      if (asArray(statement.Resource).includes('*')) {
        expect(asArray(statement.Resource)).toEqual(['*']);
        expect(statement.Effect).toBe('Allow');
        expect(asArray(statement.Action).sort()).toEqual(XRAY_ACTIONS);
      }
    }
  });
}

/** The statements of the template's one role, which must be the function's execution role. */
function roleStatements(template: CfnTemplate): IamStatement[] {
  const roles = resourcesOfType(template, 'AWS::IAM::Role');
  expect(roles.map(([id]) => id)).toEqual(['IamRoleLambdaExecution']);
  return roles[0] ? policyStatements(roles[0][1]) : [];
}
