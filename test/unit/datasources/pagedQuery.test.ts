import { decodeCursor, encodeCursor } from '../../../src/datasources/pagedQuery';
import { InvalidCursorError } from '../../../src/shared/errors';

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursors', () => {
  test('decode to the key they were encoded from', () => {
    // Prepare
    const key = { name: 'Lonely Bird', id: 'lonely-bird' };

    // Act
    const decoded = decodeCursor('product', encodeCursor('product', key), ['name', 'id'] as const);

    // Assess
    expect(decoded).toEqual(key);
  });

  test('survive keys with non-ASCII text and URL-unsafe characters', () => {
    // Prepare
    const key = { productId: 'tête-à-tête/?+', commentKey: '2026-11-22T10:00:00.000Z#ü🙂' };

    // Act
    const cursor = encodeCursor('comment', key);
    const decoded = decodeCursor('comment', cursor, ['productId', 'commentKey'] as const);

    // Assess
    expect(decoded).toEqual(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test('are opaque: the key is not readable in the cursor text', () => {
    // Act
    const cursor = encodeCursor('product', { name: 'Lonely Bird', id: 'lonely-bird' });

    // Assess
    expect(cursor).not.toContain('lonely-bird');
  });

  test.each([
    { what: 'an empty string', cursor: '' },
    { what: 'text that is not base64 JSON', cursor: 'garbage' },
    { what: 'base64 of non-JSON', cursor: Buffer.from('{not json').toString('base64url') },
    { what: 'a JSON string', cursor: encodeJson('product') },
    { what: 'a JSON array', cursor: encodeJson([{ c: 'product' }]) },
    { what: 'JSON null', cursor: encodeJson(null) },
    { what: 'another collection’s cursor', cursor: encodeCursor('comment', { name: 'A', id: 'a' }) },
    { what: 'a key that is not an object', cursor: encodeJson({ c: 'product', k: 'a' }) },
    { what: 'a key missing a field', cursor: encodeJson({ c: 'product', k: { name: 'A' } }) },
    {
      what: 'a key with an extra field',
      cursor: encodeJson({ c: 'product', k: { name: 'A', id: 'a', x: 'y' } }),
    },
    { what: 'a key with an empty field', cursor: encodeJson({ c: 'product', k: { name: '', id: 'a' } }) },
    { what: 'a key with a number field', cursor: encodeJson({ c: 'product', k: { name: 'A', id: 7 } }) },
    {
      what: 'a key too long to be a DynamoDB key',
      cursor: encodeJson({ c: 'product', k: { name: 'A', id: 'x'.repeat(3000) } }),
    },
    {
      what: 'a key smuggling a DynamoDB attribute value',
      cursor: encodeJson({ c: 'product', k: { name: 'A', id: { S: 'a' } } }),
    },
  ])('are refused with InvalidCursorError when they are $what', ({ cursor }) => {
    // Act
    const decode = () => decodeCursor('product', cursor, ['name', 'id'] as const);

    // Assess
    expect(decode).toThrow(InvalidCursorError);
    expect(decode).toThrow('The cursor is not one this API issued');
  });
});
