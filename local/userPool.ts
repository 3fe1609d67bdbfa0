import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  ResourceNotFoundException,
  UpdateUserPoolClientCommand,
  UserNotFoundException,
  type AttributeType,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { parse } from 'yaml';
import { DISPLAY_NAME_CLAIM, STAFF_GROUP } from '../src/auth/tokenVerifier';

/**
 * The local user pool, made in cognito-local from the definitions AWS gets: the pool, its app
 * client and the staff group of deploy/userPool.yml, where cognito-local understands them. Its ids
 * are kept in the local folder, so a restart finds the same pool and users.
 */
export interface LocalUserPool {
  endpoint: string;
  userPoolId: string;
  clientId: string;
}

export interface PoolUser {
  /** An email address: the pool's users sign in with theirs (UsernameAttributes). */
  email: string;
  password: string;
  /** The comment author the API shows (`custom:display_name`, which only staff set in AWS). */
  displayName: string;
  staff: boolean;
}

const DEFINITIONS = resolve(__dirname, '../deploy/userPool.yml');

/** cognito-local checks no signature: any credentials and region will do. */
export function poolClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * The pool recorded in `stateFile` if cognito-local still has it, else a new one; recorded with
 * the address it answers at.
 */
export async function ensureUserPool(endpoint: string, stateFile: string): Promise<LocalUserPool> {
  const client = poolClient(endpoint);
  try {
    const known = recordedPool(stateFile);
    if (known && (await poolExists(client, known))) {
      // The client as deploy/userPool.yml says now, should it have changed since the pool was made.
      const { ClientName: _name, GenerateSecret: _secret, ...settings } = definitions().appClient;
      await client.send(
        new UpdateUserPoolClientCommand({
          ...settings,
          UserPoolId: known.userPoolId,
          ClientId: known.clientId,
        }),
      );
      writeFileSync(stateFile, JSON.stringify({ ...known, endpoint }));
      return { ...known, endpoint };
    }
    const { pool, appClient, group } = definitions();
    const { UserPool } = await client.send(new CreateUserPoolCommand(pool));
    const userPoolId = UserPool?.Id ?? '';
    const { UserPoolClient } = await client.send(
      new CreateUserPoolClientCommand({ ...appClient, UserPoolId: userPoolId }),
    );
    await client.send(new CreateGroupCommand({ ...group, UserPoolId: userPoolId }));
    const created = { endpoint, userPoolId, clientId: UserPoolClient?.ClientId ?? '' };
    writeFileSync(stateFile, JSON.stringify(created));
    return created;
  } finally {
    client.destroy();
  }
}

/**
 * Creates the user if the pool has none with that email, and sets their password, display name
 * and staff group to what `user` says (so a demo user is what the docs promise, whatever was
 * changed since). Returns the user's `sub`, the API's user id.
 */
export async function ensureUser(pool: LocalUserPool, user: PoolUser): Promise<string> {
  const client = poolClient(pool.endpoint);
  const { userPoolId } = pool;
  const attributes: AttributeType[] = [
    { Name: 'email', Value: user.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'name', Value: user.displayName },
    { Name: DISPLAY_NAME_CLAIM, Value: user.displayName },
  ];
  try {
    if (await userExists(client, userPoolId, user.email)) {
      await client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: user.email,
          // The display name and name; email (and its verification) stay as they were created.
          UserAttributes: attributes.filter(({ Name }) => Name !== 'email' && Name !== 'email_verified'),
        }),
      );
    } else {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: user.email,
          UserAttributes: attributes,
          MessageAction: 'SUPPRESS',
        }),
      );
    }
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        Password: user.password,
        Permanent: true,
      }),
    );
    const group = { UserPoolId: userPoolId, Username: user.email, GroupName: STAFF_GROUP };
    await client.send(
      user.staff ? new AdminAddUserToGroupCommand(group) : new AdminRemoveUserFromGroupCommand(group),
    );
    const { UserAttributes } = await client.send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email }),
    );
    return UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value ?? '';
  } finally {
    client.destroy();
  }
}

/** Signs in as the storefront does (USER_PASSWORD_AUTH, deploy/userPool.yml): the pool's tokens. */
export async function signIn(
  pool: LocalUserPool,
  email: string,
  password: string,
): Promise<{ idToken: string; accessToken: string; refreshToken: string }> {
  const client = poolClient(pool.endpoint);
  try {
    const { AuthenticationResult: result } = await client.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    if (!result?.IdToken || !result.AccessToken || !result.RefreshToken) {
      throw new Error(`The pool answered no tokens for ${email}`);
    }
    return { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken };
  } finally {
    client.destroy();
  }
}

/**
 * The pool, app client and group properties of deploy/userPool.yml that cognito-local takes;
 * CloudFormation's own (names with stage variables, deletion policies, references) stay there.
 */
export function definitions(): {
  pool: CreateUserPoolCommandInput;
  appClient: Omit<CreateUserPoolClientCommandInput, 'UserPoolId'>;
  group: { GroupName: string; Description?: string };
} {
  // `!Ref` and the other CloudFormation tags parse as plain values, which are not read here.
  const resources = (parse(readFileSync(DEFINITIONS, 'utf8'), { logLevel: 'silent' }) as DefinitionsFile)
    .Resources;
  const pool = resources.UserPool.Properties;
  const appClient = resources.UserPoolClient.Properties;
  const group = resources.StaffGroup.Properties;
  return {
    pool: {
      PoolName: 'store-local',
      UsernameAttributes: pool.UsernameAttributes,
      UsernameConfiguration: pool.UsernameConfiguration,
      AutoVerifiedAttributes: pool.AutoVerifiedAttributes,
      Schema: pool.Schema,
      Policies: pool.Policies,
    },
    appClient: {
      ClientName: 'store-local-web',
      GenerateSecret: appClient.GenerateSecret,
      ExplicitAuthFlows: appClient.ExplicitAuthFlows,
      ReadAttributes: appClient.ReadAttributes,
      WriteAttributes: appClient.WriteAttributes,
      // The tokens last as long as in AWS (an hour), so the storefront renews them locally too.
      IdTokenValidity: appClient.IdTokenValidity,
      AccessTokenValidity: appClient.AccessTokenValidity,
      RefreshTokenValidity: appClient.RefreshTokenValidity,
      TokenValidityUnits: appClient.TokenValidityUnits,
      EnableTokenRevocation: appClient.EnableTokenRevocation,
      PreventUserExistenceErrors: appClient.PreventUserExistenceErrors,
    },
    group: { GroupName: group.GroupName, Description: group.Description },
  };
}

interface DefinitionsFile {
  Resources: {
    UserPool: { Properties: CreateUserPoolCommandInput };
    UserPoolClient: { Properties: CreateUserPoolClientCommandInput };
    StaffGroup: { Properties: { GroupName: string; Description?: string } };
  };
}

/** The pool a previous run recorded, and where it answered then (its tokens name that address). */
export function recordedPool(stateFile: string): LocalUserPool | null {
  if (!existsSync(stateFile)) return null;
  try {
    const known = JSON.parse(readFileSync(stateFile, 'utf8')) as Partial<LocalUserPool>;
    return known.userPoolId && known.clientId
      ? { endpoint: known.endpoint ?? '', userPoolId: known.userPoolId, clientId: known.clientId }
      : null;
  } catch {
    return null;
  }
}

async function poolExists(
  client: CognitoIdentityProviderClient,
  { userPoolId, clientId }: LocalUserPool,
): Promise<boolean> {
  try {
    await client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
    return true;
  } catch (error) {
    // Only a pool or client that is gone makes a new one: any other failure must not replace the
    // pool (its users' ids, and so their carts and orders, would be lost).
    if (error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException') {
      return false;
    }
    throw error;
  }
}

async function userExists(client: CognitoIdentityProviderClient, userPoolId: string, email: string) {
  try {
    await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    return true;
  } catch (error) {
    if (error instanceof UserNotFoundException || (error as Error).name === 'UserNotFoundException')
      return false;
    throw error;
  }
}
