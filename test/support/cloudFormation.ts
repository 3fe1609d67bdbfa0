import type { TableKey } from '../../src/datasources/tableDefinitions';

/** Typed access to the CloudFormation template `serverless package` writes. */

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown }>;
}

export interface IamStatement {
  Effect: string;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
}

/** The logical id serverless.yml gives each table of tables.json. */
export const TABLE_RESOURCES: Record<TableKey, string> = {
  products: 'ProductsTable',
  productListings: 'ProductListingsTable',
  categories: 'CategoriesTable',
  comments: 'CommentsTable',
  carts: 'CartsTable',
  promotions: 'PromotionsTable',
  orders: 'OrdersTable',
  ratings: 'RatingsTable',
  persistedQueries: 'PersistedQueriesTable',
  rateLimits: 'RateLimitsTable',
};

export function tableKeys(): TableKey[] {
  return Object.keys(TABLE_RESOURCES) as TableKey[];
}

/**
 * The tables that hold the store's data: backed up and protected. The others hold what expires by
 * itself: the persisted-query cache and the rate-limit counters.
 */
export function dataTableKeys(): TableKey[] {
  return tableKeys().filter((key) => key !== 'persistedQueries' && key !== 'rateLimits');
}

/**
 * What serverless.yml adds to a table's tables.json properties (`resources.extensions`, per
 * stage): settings of the deployed table, not CreateTable input.
 */
export function withoutDeploymentSettings(properties: Record<string, unknown> = {}): Record<string, unknown> {
  const {
    PointInTimeRecoverySpecification: _pitr,
    DeletionProtectionEnabled: _deletionProtection,
    TimeToLiveSpecification: _ttl,
    ...definition
  } = properties;
  return definition;
}

export function resource(template: CfnTemplate, logicalId: string): CfnResource {
  const found = template.Resources[logicalId];
  if (!found) throw new Error(`The template has no resource ${logicalId}`);
  return found;
}

export function resourcesOfType(template: CfnTemplate, type: string): Array<[string, CfnResource]> {
  return Object.entries(template.Resources).filter(([, candidate]) => candidate.Type === type);
}

export function onlyResourceOfType(template: CfnTemplate, type: string): string {
  const found = resourcesOfType(template, type);
  if (found.length !== 1 || !found[0]) throw new Error(`Expected one ${type}, found ${found.length}`);
  return found[0][0];
}

export function lambdaFunction(template: CfnTemplate): CfnResource {
  return resource(template, onlyResourceOfType(template, 'AWS::Lambda::Function'));
}

export function environmentOf(fn: CfnResource): Record<string, unknown> {
  const environment = fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined;
  return environment?.Variables ?? {};
}

/** A route's integration: its Target is `integrations/<Ref integration>`. */
export function integrationOf(template: CfnTemplate, route: CfnResource): CfnResource {
  const target = route.Properties?.Target as { 'Fn::Join'?: [string, unknown[]] } | undefined;
  const ref = target?.['Fn::Join']?.[1].find(
    (part): part is { Ref: string } => typeof part === 'object' && part !== null && 'Ref' in part,
  );
  if (!ref) throw new Error(`Route target is not an integration: ${JSON.stringify(target)}`);
  return resource(template, ref.Ref);
}

/** A stand-in for the physical id CloudFormation gives a `{Ref: ...}`, shaped like the real one. */
export function physicalIdOf(value: unknown): string {
  if (typeof value !== 'object' || value === null || !('Ref' in value) || typeof value.Ref !== 'string') {
    throw new Error(`Expected a Ref, got ${JSON.stringify(value)}`);
  }
  // A user pool id is `<region>_<id>`; the Cognito verifier checks that shape.
  return value.Ref === 'UserPool' ? 'eu-west-1_UserPool' : `${value.Ref}-physical-id`;
}

/** The statements of every inline policy of an `AWS::IAM::Role`. */
export function policyStatements(role: CfnResource): IamStatement[] {
  const policies = (role.Properties?.Policies ?? []) as Array<{
    PolicyDocument: { Statement: IamStatement[] };
  }>;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

/**
 * A readable name for an IAM resource: `{Fn::GetAtt: [X, Arn]}` is `X`, and a `Fn::Join` of such
 * parts is joined with its separator (`X/index/*`).
 */
export function resourceName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    if ('Fn::GetAtt' in value && Array.isArray(value['Fn::GetAtt']) && value['Fn::GetAtt'][1] === 'Arn') {
      return String(value['Fn::GetAtt'][0]);
    }
    if ('Fn::Join' in value && Array.isArray(value['Fn::Join'])) {
      const [separator, parts] = value['Fn::Join'] as [string, unknown[]];
      return parts.map(resourceName).join(separator);
    }
  }
  return JSON.stringify(value);
}

/**
 * A value as the text `Fn::Sub` would write it: `{Ref: X}` is `${X}`, `{Fn::GetAtt: [X, A]}` is
 * `${X.A}`, a `Fn::Sub` is its string (its own variables substituted) and a `Fn::Join` joins its
 * parts. Two values with the same text are the same, however the template spells them.
 */
export function substitutionText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    if ('Ref' in value && typeof value.Ref === 'string') return `\${${value.Ref}}`;
    if ('Fn::GetAtt' in value && Array.isArray(value['Fn::GetAtt'])) {
      return `\${${value['Fn::GetAtt'].join('.')}}`;
    }
    if ('Fn::Sub' in value) {
      const sub = value['Fn::Sub'];
      if (typeof sub === 'string') return sub;
      if (Array.isArray(sub) && typeof sub[0] === 'string') {
        const variables = (sub[1] ?? {}) as Record<string, unknown>;
        return sub[0].replace(/\$\{([^}!]+)\}/g, (whole, name: string) =>
          name in variables ? substitutionText(variables[name]) : whole,
        );
      }
    }
    if ('Fn::Join' in value && Array.isArray(value['Fn::Join'])) {
      const [separator, parts] = value['Fn::Join'] as [string, unknown[]];
      return parts.map(substitutionText).join(separator);
    }
  }
  throw new Error(`Not a string, Ref, Fn::GetAtt, Fn::Sub or Fn::Join: ${JSON.stringify(value)}`);
}

/** An IAM `Action` or `Resource` as a list of strings, each non-string named by `resourceName`. */
export function asArray(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item: unknown) =>
    typeof item === 'string' ? item : resourceName(item),
  );
}
