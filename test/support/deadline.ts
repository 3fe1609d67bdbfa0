/**
 * `promise`, or a rejection naming what never came once `ms` have passed: for awaiting an event
 * with a failure that says which event, rather than a test that hangs until jest's timeout.
 * `what` may be a function, to describe the state at the deadline.
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`No ${typeof what === 'string' ? what : what()} within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
