/**
 * The local sign-in's route, shared by the page that calls it (session.ts) and the dev server
 * that serves it (vite.config.ts). Only the Vite dev server answers it: a static build has none.
 */
export const SIGN_IN_PATH = '/local-auth/sign-in';
