import { describeSignInError, NewPasswordRequiredError } from '../cognito';
import { h, show } from '../dom';
import { parseHash } from '../router';
import { completeNewPassword, signIn, type Session } from '../session';
import type { View } from '../view';

/**
 * Sign-in with an email and password, through the user pool (session.ts, cognito.ts): Cognito's in
 * AWS, cognito-local's under `npm run storefront`. A user whom staff created with a temporary
 * password is then asked for a password of their own (Cognito's NEW_PASSWORD_REQUIRED challenge).
 * Under `npm run storefront` the page also lists the local pool's demo accounts (VITE_DEMO_USERS),
 * each a button that signs in with that account's email and password, the same way.
 */
export interface DemoAccount {
  email: string;
  password: string;
  displayName: string;
  staff: boolean;
}

export function renderSignIn(view: View, next: string | undefined): void {
  const done = (session: Session) => {
    view.layout.setSession(session);
    view.navigate(next ? parseHash(next) : { page: 'home' }, `Welcome, ${session.name}!`);
  };
  /** One attempt at a time: the form's and the demo buttons' controls are disabled meanwhile. */
  const attempt = async (controls: HTMLElement, run: () => Promise<Session>) => {
    const fieldsets = controls.querySelectorAll('fieldset');
    fieldsets.forEach((fieldset) => (fieldset.disabled = true));
    view.layout.clearNotice();
    try {
      done(await run());
    } catch (error) {
      if (!view.isCurrent()) return;
      if (error instanceof NewPasswordRequiredError) {
        show(view.layout.main, newPasswordForm(view, error, done));
        return;
      }
      view.layout.notify(describeSignInError(error));
    } finally {
      fieldsets.forEach((fieldset) => (fieldset.disabled = false));
    }
  };

  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
  });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const form = h(
    'form',
    { class: 'sign-in', 'aria-label': 'Sign in with your email' },
    h(
      'fieldset',
      {},
      h('label', {}, 'Email ', email),
      h('label', {}, 'Password ', password),
      h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
    ),
  );
  const page = h('div', {}, h('h1', {}, 'Sign in'), form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(page, () => signIn(email.value.trim(), password.value));
  });

  const demo = demoAccounts();
  if (demo.length > 0) {
    const buttons = demo.map((account) => {
      const button = h('button', { type: 'button' }, `Sign in as ${account.displayName}`);
      button.addEventListener(
        'click',
        () => void attempt(page, () => signIn(account.email, account.password)),
      );
      return h('li', {}, button);
    });
    page.append(
      h(
        'section',
        { 'aria-labelledby': 'demo-heading' },
        h('h2', { id: 'demo-heading' }, 'Demo accounts'),
        h(
          'p',
          {},
          'The local user pool of npm run storefront: each shopper has their own cart and orders; ' +
            'Sam is also staff.',
        ),
        h('fieldset', {}, h('ul', { class: 'demo-users' }, ...buttons)),
      ),
    );
  }
  show(view.layout.main, page);
  email.focus();
}

/**
 * Cognito's NEW_PASSWORD_REQUIRED challenge: the temporary password was right, and the user now
 * chooses their own (the pool's policy applies; Cognito says what it misses). A pool that wants
 * their name too (a required attribute staff left empty) gets it from a field of its own.
 */
function newPasswordForm(
  view: View,
  challenge: NewPasswordRequiredError,
  done: (session: Session) => void,
): HTMLElement {
  // The account's email, for the browser's password manager to store the new password under.
  const username = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    value: challenge.email,
    readonly: true,
  });
  const password = h('input', {
    type: 'password',
    name: 'new-password',
    autocomplete: 'new-password',
    required: true,
  });
  const asksName = challenge.requiredAttributes.includes('name');
  const name = h('input', { name: 'name', autocomplete: 'name', required: true });
  const unsupported = challenge.requiredAttributes.filter((attribute) => attribute !== 'name');
  const fieldset = h(
    'fieldset',
    {},
    h('label', {}, 'Email ', username),
    h('label', {}, 'New password ', password),
    asksName ? h('label', {}, 'Your name ', name) : null,
    h('button', { type: 'submit', class: 'primary' }, 'Set password and sign in'),
  );
  const form = h('form', { class: 'sign-in', 'aria-label': 'Choose a new password' }, fieldset);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    fieldset.disabled = true;
    view.layout.clearNotice();
    completeNewPassword(challenge, password.value, asksName ? { name: name.value.trim() } : {})
      .then(
        done,
        (error: unknown) => view.isCurrent() && view.layout.notify(describeSignInError(error, 'newPassword')),
      )
      .finally(() => (fieldset.disabled = false));
  });
  return h(
    'div',
    {},
    h('h1', {}, 'Choose a new password'),
    h(
      'p',
      {},
      'You signed in with a temporary password. Choose your own to finish signing in; should the ' +
        "store's password rules refuse it, this page says what it lacks.",
    ),
    unsupported.length > 0
      ? h(
          'p',
          { role: 'alert' },
          `Your account also lacks ${unsupported.join(', ')}: ask the store to complete it before you sign in.`,
        )
      : null,
    form,
  );
}

/**
 * The demo accounts `npm run storefront` passes in VITE_DEMO_USERS (local/demoUsers.ts). Unset in
 * a stage's build, so the page lists none; anything malformed also lists none.
 */
function demoAccounts(): DemoAccount[] {
  const json = import.meta.env.VITE_DEMO_USERS;
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter(isDemoAccount) : [];
  } catch {
    return [];
  }
}

function isDemoAccount(value: unknown): value is DemoAccount {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as Record<string, unknown>;
  return (
    typeof account.email === 'string' &&
    typeof account.password === 'string' &&
    typeof account.displayName === 'string'
  );
}
