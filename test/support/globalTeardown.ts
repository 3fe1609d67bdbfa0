import { rmSync } from 'node:fs';

/** Stops what globalSetup.ts started, then removes the user pool's temporary folder. */
export default async function globalTeardown(): Promise<void> {
  try {
    await Promise.all([globalThis.dynamoLocal?.stop(), globalThis.cognitoLocal?.stop()]);
  } finally {
    globalThis.dynamoLocal = undefined;
    globalThis.cognitoLocal = undefined;
    if (globalThis.testPoolDir) rmSync(globalThis.testPoolDir, { recursive: true, force: true });
    globalThis.testPoolDir = undefined;
  }
}
