// cognito-local as a child process of the local runtime and the tests (local/cognitoLocal.ts).
// Its working directory holds its state (.cognito/), and its stdin is a pipe from the process that
// started it: when that process is gone, however it died, the pipe ends and so does this one.
/* global process */
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
require('cognito-local/lib/bin/start.js');
