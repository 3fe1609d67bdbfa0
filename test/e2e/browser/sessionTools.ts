import {
  AdminCreateUserCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Request, Response } from 'playwright-core';
import { poolClient } from '../../../local/userPool';
import type { StorefrontSession } from './storefrontProcess';

/** The session the storefront keeps in localStorage (web/src/session.ts). */
export interface StoredSession {
  idToken: string;
  refreshToken: string;
  expiresAt: number;
}

/** The storefront's alert when it cannot reach the user pool to renew the session. */
export const UNREACHABLE = 'The sign-in service is unreachable, so your session could not be renewed.';

/** The claims of a JWT, decoded without verifying it. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** Whether a request of the page is the call `action` of the user pool's API. */
export function isPoolCall(action: string): (message: Request | Response) => boolean {
  return (message) => {
    const request = 'request' in message ? message.request() : message;
    return (
      request.method() === 'POST' &&
      request.headers()['x-amz-target'] === `AWSCognitoIdentityProviderService.${action}`
    );
  };
}

/**
 * An answer of the API or the pool made up by `page.route`, as JSON, readable by the page (which
 * calls both from another origin).
 */
export function fulfilment(status: number, body: object) {
  return {
    status,
    headers: { 'access-control-allow-origin': '*' },
    contentType: 'application/json',
    body: JSON.stringify(body),
  };
}

/**
 * What the session tests do with the page's stored session and the storefront's user pool, for
 * the suite's `session` (read when called, so after the suite's beforeAll).
 */
export function sessionTools(session: StorefrontSession) {
  const pool = () => session.storefront.userPool;
  return {
    async storedSession(): Promise<StoredSession | null> {
      // A string runs in the page; the test's own TypeScript has no DOM types.
      const json = (await session.page.evaluate("localStorage.getItem('store.session')")) as string | null;
      return json === null ? null : (JSON.parse(json) as StoredSession);
    },

    /** Writes the stored session, as the storefront (in this tab or another) does. */
    async storeSession(stored: StoredSession): Promise<void> {
      const json = JSON.stringify(JSON.stringify(stored));
      await session.page.evaluate(`localStorage.setItem('store.session', ${json})`);
    },

    /** Whether the user pool still renews tokens with `refreshToken` (false once it is revoked). */
    async poolRenews(refreshToken: string): Promise<boolean> {
      const client = poolClient(pool().endpoint);
      try {
        await client.send(
          new InitiateAuthCommand({
            ClientId: pool().clientId,
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            AuthParameters: { REFRESH_TOKEN: refreshToken },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof NotAuthorizedException) return false;
        throw error;
      } finally {
        client.destroy();
      }
    },

    /** Revokes a refresh token at the pool, as signing out in another browser does. */
    async revoke(refreshToken: string): Promise<void> {
      const client = poolClient(pool().endpoint);
      try {
        await client.send(new RevokeTokenCommand({ ClientId: pool().clientId, Token: refreshToken }));
      } finally {
        client.destroy();
      }
    },

    /** Staff create a user as `aws cognito-idp admin-create-user` does, with a temporary password. */
    async createUser(name: string, temporaryPassword: string): Promise<void> {
      const email = `${name.toLowerCase()}@example.com`;
      const client = poolClient(pool().endpoint);
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: pool().userPoolId,
            Username: email,
            TemporaryPassword: temporaryPassword,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'name', Value: name },
              { Name: 'custom:display_name', Value: name },
            ],
          }),
        );
      } finally {
        client.destroy();
      }
    },

    /** Whether a URL is the user pool's (for `page.route`). */
    isPoolUrl(url: URL): boolean {
      return url.origin === new URL(pool().endpoint).origin;
    },

    /** Whether a request of the page is one to the API (for `page.route`). */
    isApiCall(url: URL): boolean {
      return url.href === session.storefront.apiUrl;
    },

    /** Fills the sign-in page's email form and submits it (from the header's link). */
    async signInWithEmail(email: string, password: string): Promise<void> {
      const { page } = session;
      await page.getByRole('link', { name: 'Sign in', exact: true }).click();
      const form = page.getByRole('form', { name: 'Sign in with your email' });
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('Password').fill(password);
      await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    },
  };
}
