import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  badUserInput,
  clientError,
  clientFacing,
  InvalidCursorError,
  invalidToken,
  ProductNotFoundError,
  type StoreError,
} from '../../../src/shared/errors';

/**
 * What Apollo hands formatError for an error a resolver threw: every error it did not code gets
 * INTERNAL_SERVER_ERROR, and in development a stack trace.
 */
function formattedByApollo(message: string, extensions: Record<string, unknown> = {}): GraphQLFormattedError {
  return {
    message,
    locations: [{ line: 1, column: 12 }],
    path: ['addToCart'],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: at secret.ts:1:1'], ...extensions },
  };
}

describe('clientFacing', () => {
  test('shows a StoreError as its message, code and details, keeping path and locations', () => {
    // Prepare
    const error = clientError('OUT_OF_STOCK', 'Not enough stock for Rare', { productIds: ['rare'] });

    // Act
    const shown = clientFacing(formattedByApollo(error.message), error);

    // Assess
    expect(shown).toStrictEqual({
      message: 'Not enough stock for Rare',
      locations: [{ line: 1, column: 12 }],
      path: ['addToCart'],
      extensions: { productIds: ['rare'], code: 'OUT_OF_STOCK' },
    });
  });

  test('shows a StoreError without path or locations when the formatted error has none', () => {
    // Prepare
    const error = badUserInput('quantity must be between 1 and 99', { field: 'quantity' });

    // Act
    const shown = clientFacing({ message: 'anything', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

    // Assess
    expect(shown).toStrictEqual({
      message: 'quantity must be between 1 and 99',
      extensions: { field: 'quantity', code: 'BAD_USER_INPUT' },
    });
  });

  test.each<[string, StoreError, Record<string, unknown>]>([
    ['ProductNotFoundError', new ProductNotFoundError('ghost'), { productId: 'ghost', code: 'NOT_FOUND' }],
    ['InvalidCursorError', new InvalidCursorError(), { code: 'BAD_USER_INPUT', field: 'after' }],
  ])('shows the StoreError subclass %s like any other', (_name, error, extensions) => {
    // Act
    const shown = clientFacing(formattedByApollo(error.message), error);

    // Assess
    expect(shown?.message).toBe(error.message);
    expect(shown?.extensions).toStrictEqual(extensions);
  });

  test('does not let details override the code', () => {
    // Prepare
    const error = badUserInput('Bad', { code: 'INTERNAL_SERVER_ERROR', field: 'x' });

    // Act
    const shown = clientFacing(formattedByApollo('Bad'), error);

    // Assess
    expect(shown?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'x' });
  });

  test('passes an error Apollo or graphql-js already coded through unchanged', () => {
    // Prepare
    const original = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted: GraphQLFormattedError = {
      message: original.message,
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };

    // Act
    const shown = clientFacing(formatted, original);

    // Assess
    expect(shown).toBe(formatted);
  });

  test('passes a refused token (UNAUTHENTICATED) through unchanged', () => {
    // Prepare
    const original = invalidToken();
    const formatted = original.toJSON();

    // Act
    const shown = clientFacing(formatted, original);

    // Assess
    expect(shown).toBe(formatted);
  });

  test.each([400, 404, 499])(
    'shows an uncoded GraphQLError with HTTP status %i as BAD_REQUEST with its message',
    (status) => {
      // Prepare: Apollo's refusal of a persisted query whose hash does not match, as Apollo formats
      // it (INTERNAL_SERVER_ERROR for want of a code, the http extension removed).
      const original = new GraphQLError('provided sha does not match query', {
        extensions: { http: { status } },
      });
      const formatted = { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };

      // Act
      const shown = clientFacing(formatted, original);

      // Assess
      expect(shown).toStrictEqual({
        message: 'provided sha does not match query',
        extensions: { code: 'BAD_REQUEST' },
      });
    },
  );

  test.each<[string, unknown]>([
    ['a plain Error', new Error('ResourceNotFoundException: table prod-carts not found')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'items')")],
    ['a thrown string', 'boom'],
    ['an uncoded GraphQLError', new GraphQLError('Unexpected state')],
    [
      'an uncoded GraphQLError with HTTP status 500',
      new GraphQLError('down', { extensions: { http: { status: 500 } } }),
    ],
    [
      'an uncoded GraphQLError with HTTP status 302',
      new GraphQLError('moved', { extensions: { http: { status: 302 } } }),
    ],
    [
      'a GraphQLError coded INTERNAL_SERVER_ERROR',
      new GraphQLError('leaky', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ],
  ])('masks %s: returns null', (_what, original) => {
    // Prepare
    const formatted = formattedByApollo(original instanceof Error ? original.message : String(original));

    // Act
    const shown = clientFacing(formatted, original);

    // Assess
    expect(shown).toBeNull();
  });
});

describe('ProductNotFoundError', () => {
  test('truncates a 5000-character id to 64 characters in its message and details', () => {
    // Prepare
    const id = 'x'.repeat(5000);

    // Act
    const error = new ProductNotFoundError(id);

    // Assess
    const shown = `${'x'.repeat(64)}…`;
    expect(error.message).toBe(`No product has id "${shown}"`);
    expect(error.details).toEqual({ productId: shown });
  });

  test('shows an id of 64 characters whole', () => {
    // Prepare
    const id = 'y'.repeat(64);

    // Act
    const error = new ProductNotFoundError(id);

    // Assess
    expect(error.message).toBe(`No product has id "${id}"`);
    expect(error.details).toEqual({ productId: id });
  });
});
