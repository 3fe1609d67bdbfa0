// Cold-start probe, run as a fresh `node` process per measurement by bench/coldStart.ts:
// requires a handler module, invokes it once with the event in BENCH_EVENT, and prints how long
// after this process started (performance.now() counts from process start) the response was
// ready. Plain CommonJS on purpose: nothing loads here that the handler would not.
/* global process, performance */
'use strict';

const modulePath = process.argv[2];
const event = JSON.parse(process.env.BENCH_EVENT || '{}');
const context = {
  awsRequestId: 'bench-cold-start',
  functionName: 'store-api-bench',
  getRemainingTimeInMillis: () => 10000,
};

// The result goes to file descriptor 3, a pipe the benchmark opens: stdout belongs to the
// handler (its request log lines), as in Lambda.
function report(result) {
  const ms = performance.now();
  // CPU time (all threads) is reported too: on a busy machine it varies less than elapsed time.
  const { user, system } = process.cpuUsage();
  require('node:fs').writeSync(3, JSON.stringify({ ms, cpuMs: (user + system) / 1000, ...result }));
  // Keep-alive sockets would hold the process open; it has answered, so it exits.
  process.exit(0);
}

if (modulePath === '--node-only') {
  report({});
} else {
  const { handler } = require(modulePath);
  const loadedMs = performance.now();
  handler(event, context).then(
    (result) => report({ loadedMs, statusCode: result.statusCode, body: result.body }),
    (error) => {
      process.stderr.write(String((error && error.stack) || error));
      process.exit(1);
    },
  );
}
