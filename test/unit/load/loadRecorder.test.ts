import { NO_CODE, Recorder } from '../../../load/recorder';

/**
 * The load test's response counter (load/recorder.ts) decides which answers fail a run: GraphQL
 * errors arrive in 200 bodies, so the codes must come from the parsed body, not the status.
 */
/** A 200 body whose one error has `code` in its extensions. */
const errorBody = (code: string) =>
  JSON.stringify({ data: null, errors: [{ message: 'x', extensions: { code } }] });

describe('the load test recorder', () => {
  test('counts error codes from 200 bodies and allows only the expected ones', () => {
    // Prepare
    const recorder = new Recorder();

    // Act
    recorder.record('Checkout', 200, errorBody('OUT_OF_STOCK'));
    recorder.record('Checkout', 200, errorBody('CONFLICT'));
    recorder.record('HomePage', 200, '{"data":{"products":{}}}');

    // Assess
    expect(Object.fromEntries(recorder.errorCodes)).toEqual({ OUT_OF_STOCK: 1, CONFLICT: 1 });
    expect(recorder.unexpected(['OUT_OF_STOCK', 'CONFLICT'])).toEqual([]);
    expect(recorder.unexpected(['OUT_OF_STOCK'])).toEqual(['CONFLICT ×1']);
  });

  test('treats any other code, an error without a code, a non-2xx status and a non-GraphQL body as unexpected', () => {
    // Prepare
    const recorder = new Recorder();

    // Act
    recorder.record('Checkout', 200, errorBody('INTERNAL_SERVER_ERROR'));
    recorder.record('Checkout', 200, '{"data":null,"errors":[{"message":"no code"}]}');
    recorder.record('AddToCart', 502, '{"message":"Internal Server Error"}');
    recorder.anomaly('Checkout replay: a different order');

    // Assess
    expect(recorder.unexpected(['OUT_OF_STOCK'])).toEqual([
      'INTERNAL_SERVER_ERROR ×1',
      `${NO_CODE} ×1`,
      'HTTP 502 ×1',
      'AddToCart: body is not a GraphQL response ×1',
      'Checkout replay: a different order ×1',
    ]);
  });

  test('allows a code only in the operations a scenario expects it from, naming the others', () => {
    // Prepare
    const recorder = new Recorder();
    const byOperation = { CancelOrder: ['BAD_USER_INPUT'], ShipOrder: ['BAD_USER_INPUT'] };

    // Act
    recorder.record('CancelOrder', 200, errorBody('BAD_USER_INPUT'));
    recorder.record('ShipOrder', 200, errorBody('BAD_USER_INPUT'));
    recorder.record('Checkout', 200, errorBody('BAD_USER_INPUT'));
    recorder.record('Checkout', 200, errorBody('BAD_USER_INPUT'));
    recorder.record('Checkout', 200, errorBody('OUT_OF_STOCK'));
    recorder.record('ShipOrder', 200, errorBody('NOT_FOUND'));
    recorder.outcome('cancel lost to a shipment');

    // Assess
    expect(recorder.unexpected(['OUT_OF_STOCK'], byOperation)).toEqual([
      'BAD_USER_INPUT in Checkout ×2',
      'NOT_FOUND ×1',
    ]);
    expect(recorder.unexpected(['OUT_OF_STOCK', 'BAD_USER_INPUT'], byOperation)).toEqual(['NOT_FOUND ×1']);
    expect(Object.fromEntries(recorder.outcomes)).toEqual({ 'cancel lost to a shipment': 1 });
  });
});
