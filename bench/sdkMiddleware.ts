import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FixtureDynamo } from './fixtureDynamo';

/**
 * SDK middleware the benchmark attaches to a handler's DynamoDB document client, which the handler
 * hands over through its `onDynamoClient` option (its middleware stack is the underlying client's,
 * so it sees every call either makes).
 */

/** The part of the SDK's handler execution context these middlewares read. */
interface CommandContext {
  commandName?: string;
}

export interface RoundTrips {
  /** DynamoDB calls made. */
  calls: number;
  /**
   * Sequential waves: maximal periods with at least one call in flight. Calls issued together
   * (a DataLoader batch, parallel resolvers) share a wave; a call issued after every earlier one
   * has answered starts a new one: the round trips a user waits for one after another.
   */
  waves: number;
  byCommand: Record<string, number>;
}

/**
 * Counts calls and waves. Added at the very start of the `initialize` step, so a call counts as
 * in flight from `client.send()` until its result or error is back, retries included.
 */
export class RoundTripCounter {
  private inFlight = 0;
  private current: RoundTrips = emptyRoundTrips();

  attach(client: DynamoDBDocumentClient): void {
    client.middlewareStack.add(
      <A, R>(next: (args: A) => Promise<R>, context: CommandContext) =>
        async (args: A): Promise<R> => {
          if (this.inFlight === 0) this.current.waves += 1;
          this.inFlight += 1;
          this.current.calls += 1;
          const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
          this.current.byCommand[name] = (this.current.byCommand[name] ?? 0) + 1;
          try {
            return await next(args);
          } finally {
            this.inFlight -= 1;
          }
        },
      { step: 'initialize', priority: 'high', name: 'benchRoundTripCounter' },
    );
  }

  /** What happened since the last call (counters restart at zero). */
  take(): RoundTrips {
    const taken = this.current;
    this.current = emptyRoundTrips();
    return taken;
  }
}

/**
 * Answers every call from `fixture` in process: the innermost middleware of the `deserialize`
 * step returns the HTTP response instead of sending the (serialized, signed) request, so the
 * SDK's whole middleware stack — serialization, endpoint resolution, retries, signing,
 * deserialization, document marshalling — still runs, and only the socket is left out. Used
 * for warm timings so that loopback HTTP, identical on both sides, does not dilute the
 * difference being measured.
 */
export function attachFixtureTransport(client: DynamoDBDocumentClient, fixture: FixtureDynamo): void {
  client.middlewareStack.add(
    <A extends { request: unknown }, R>(_next: (args: A) => Promise<R>) =>
      async (args: A): Promise<R> => {
        const request = args.request as { headers: Record<string, string>; body: string | Uint8Array };
        const { body: sent } = request;
        // The bytes themselves: the SDK's body class turns valueOf() into a (warning) string.
        const text =
          typeof sent === 'string'
            ? sent
            : Buffer.from(sent.buffer, sent.byteOffset, sent.byteLength).toString('utf8');
        const { status, body } = fixture.answer(request.headers['x-amz-target'], text);
        const response = {
          statusCode: status,
          reason: status === 200 ? 'OK' : 'Bad Request',
          headers: { 'content-type': 'application/x-amz-json-1.0' },
          body: Buffer.from(body),
        };
        // The terminal handler's result shape ({ response }), which the deserializer middleware
        // just outside this one turns into the command's output; R is that same handler result.
        return { response, output: undefined } as R;
      },
    { step: 'deserialize', priority: 'low', name: 'benchFixtureTransport' },
  );
}

function emptyRoundTrips(): RoundTrips {
  return { calls: 0, waves: 0, byCommand: {} };
}
