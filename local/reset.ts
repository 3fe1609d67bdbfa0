import { rmSync } from 'node:fs';
import { localStatePaths, runningStartPid } from './localState';

/** `npm run reset`: wipes local data and the local user pool (old tokens stop working). */
const paths = localStatePaths();
const running = runningStartPid(paths.runtimeFile);
if (running !== null) {
  console.error(`npm start is running (pid ${running}); stop it first, then reset.`);
  process.exit(1);
}
rmSync(paths.root, { recursive: true, force: true });
console.log(`Removed ${paths.root}: the next npm start creates fresh tables, seed data and keys.`);
