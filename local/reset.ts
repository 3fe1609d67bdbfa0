import { existsSync, readFileSync, rmSync } from 'node:fs';
import { isProcessAlive, localStatePaths } from './localState';

/** `npm run reset`: wipes local data and the local issuer's keys (old tokens stop working). */
const paths = localStatePaths();
if (existsSync(paths.runtimeFile)) {
  const { pid } = JSON.parse(readFileSync(paths.runtimeFile, 'utf8')) as { pid: number };
  if (isProcessAlive(pid)) {
    console.error(`npm start is running (pid ${pid}); stop it first, then reset.`);
    process.exit(1);
  }
}
rmSync(paths.root, { recursive: true, force: true });
console.log(`Removed ${paths.root}: the next npm start creates fresh tables, seed data and keys.`);
