import { h, show } from '../dom';
import { parseHash } from '../router';
import { DEMO_USERS } from '../localAuth';
import { signIn, SignInUnavailableError } from '../session';
import type { View } from '../view';

/**
 * The local runtime's sign-in: pick a demo shopper and the dev server mints a token for them with
 * the local issuer (web/localSignIn.ts). In AWS, sign-in is Cognito's; this page has no
 * production counterpart and no password.
 */
export function renderSignIn(view: View, next: string | undefined): void {
  const buttons = DEMO_USERS.map(({ userId, name, staff }) => {
    const button = h('button', { type: 'button' }, `Sign in as ${name}`);
    button.addEventListener('click', async () => {
      try {
        const session = await signIn(userId, name, staff);
        view.layout.setSession(session);
        view.navigate(next ? parseHash(next) : { page: 'home' }, `Welcome, ${session.name}!`);
      } catch (error) {
        view.layout.notify(
          error instanceof SignInUnavailableError
            ? error.message
            : 'Sign-in failed. Is `npm run storefront` running?',
        );
      }
    });
    return h('li', {}, button);
  });
  show(
    view.layout.main,
    h('h1', {}, 'Sign in'),
    h(
      'p',
      {},
      'Local demo sign-in: choose a shopper. Each has their own cart and orders; Sam is also staff.',
    ),
    h('ul', { class: 'demo-users' }, ...buttons),
  );
}
