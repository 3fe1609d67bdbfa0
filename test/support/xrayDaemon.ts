import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { within } from './deadline';

/** A segment or subsegment document, as the X-Ray SDK sends it to the daemon. */
export type XRayDocument = Record<string, unknown>;

/**
 * A stand-in for the X-Ray daemon Lambda runs beside the function: a UDP socket on loopback that
 * keeps every document it receives (each datagram is a JSON header line, then the document).
 */
export interface XRayDaemon {
  /** For AWS_XRAY_DAEMON_ADDRESS. */
  address: string;
  clear(): void;
  /**
   * Resolves with the documents received as soon as `done` holds for them, checked as each
   * datagram arrives; fails after `deadlineMs`, naming `what` and listing what did arrive.
   */
  waitFor(
    what: string,
    done: (documents: XRayDocument[]) => boolean,
    deadlineMs?: number,
  ): Promise<XRayDocument[]>;
  close(): Promise<void>;
}

export async function startXRayDaemon(): Promise<XRayDaemon> {
  const socket = createSocket('udp4');
  const received: XRayDocument[] = [];
  socket.on('message', (datagram) => {
    const document = datagram.toString('utf8').split('\n')[1] ?? '{}';
    received.push(JSON.parse(document) as XRayDocument);
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const { address, port } = socket.address();

  return {
    address: `${address}:${port}`,
    clear: () => void received.splice(0),
    async waitFor(what, done, deadlineMs = 2_000) {
      let check = () => {};
      const arrived = new Promise<void>((resolve) => {
        // Registered after the recording listener, so it sees each datagram already recorded.
        check = () => {
          if (done(received)) resolve();
        };
      });
      socket.on('message', check);
      try {
        check();
        await within(arrived, deadlineMs, () => `${what}; received ${JSON.stringify(received)}`);
      } finally {
        socket.off('message', check);
      }
      return [...received];
    },
    async close() {
      socket.close();
      await once(socket, 'close');
    },
  };
}
