import type { PoolUser } from './userPool';

/**
 * The local pool's demo users, made (or put back as described here) by every `npm start`: three
 * shoppers and one staff member, listed by the storefront's sign-in page in the local runtime.
 * Their passwords meet the pool's policy (deploy/userPool.yml) and are no secret: the pool is
 * cognito-local's, on this machine only.
 */
export const DEMO_USERS: readonly PoolUser[] = [
  { email: 'alice@example.com', displayName: 'Alice', password: 'Shopper-demo-1', staff: false },
  { email: 'bob@example.com', displayName: 'Bob', password: 'Shopper-demo-1', staff: false },
  { email: 'carol@example.com', displayName: 'Carol', password: 'Shopper-demo-1', staff: false },
  { email: 'sam@example.com', displayName: 'Sam (staff)', password: 'Staff-demo-123', staff: true },
];
