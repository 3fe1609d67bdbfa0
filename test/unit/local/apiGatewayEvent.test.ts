import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { toApiGatewayEvent } from '../../../local/apiGatewayEvent';

function request(method: string, url: string, rawHeaders: string[]): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.method = method;
  message.url = url;
  message.httpVersion = '1.1';
  // rawHeaders alternate name and value, as Node's own IncomingMessage.rawHeaders do.
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    const value = rawHeaders[index + 1]!;
    const previous = message.headers[name];
    message.headers[name] = typeof previous === 'string' ? `${previous}, ${value}` : value;
  }
  return message;
}

describe('toApiGatewayEvent', () => {
  test('builds a payload 2.0 event with the route, path and raw query string', () => {
    const event = toApiGatewayEvent(
      request('GET', '/query?query=%7Bx%7D&a=1', []),
      Buffer.alloc(0),
      '/query',
    );

    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /query',
      rawPath: '/query',
      rawQueryString: 'query=%7Bx%7D&a=1',
      queryStringParameters: { query: '{x}', a: '1' },
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/query' }, stage: '$default' },
    });
    expect(event.body).toBeUndefined();
  });

  test('moves cookies out of the headers into the cookies array', () => {
    const event = toApiGatewayEvent(
      request('POST', '/query', ['Cookie', 'a=1; b=2', 'Content-Type', 'application/json']),
      Buffer.from('{}'),
      '/query',
    );

    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.body).toBe('{}');
  });

  test('base64-encodes a body whose content type is not text, as API Gateway does', () => {
    const body = Buffer.from([0, 255, 1, 254]);

    const event = toApiGatewayEvent(
      request('POST', '/query', ['Content-Type', 'application/octet-stream']),
      body,
      '/query',
    );

    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(body);
  });
});
