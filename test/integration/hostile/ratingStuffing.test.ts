import { createLambdaHandler, type StoreHandler } from '../../../src/transport/lambdaHandler';
import { graphqlPost, lambdaContext } from '../../support/events';
import { freshProduct, shopper, useTestApp } from '../../support/fixtures';
import { parseResult } from '../../support/testApp';
import { aliased } from './attacks';

/**
 * Rating stuffing: one account sends every rated comment one request may hold (15 aliased
 * addComment, the alias limit), all rating 1, to drag a product's average down. Only the first 5
 * of the minute are written, and all of them count as that user's one rating.
 */
const app = useTestApp();
/** Mid-minute, so the whole request falls in one rate window whatever the real clock says. */
const MID_MINUTE = new Date('2030-06-01T08:30:20.000Z');
let clocked: StoreHandler;

beforeAll(() => {
  clocked = createLambdaHandler(app.config, { now: () => MID_MINUTE });
});

describe('rating stuffing', () => {
  test('writes 5 of 15 aliased rated comments, refuses the sixth, and counts one rating for the account', async () => {
    // Prepare: an honest 5-star rating from someone else.
    const product = await freshProduct(app, 'stuffed');
    const honest = shopper(app, 'Honest');
    const attacker = shopper(app, 'Attacker');
    const add = (rating: number) =>
      `addComment(productId: "${product.id}", text: "Bad", rating: ${rating}) { id }`;
    await clocked(graphqlPost({ query: `mutation { ${add(5)} }` }, { token: honest.token }), lambdaContext());

    // Act
    const response = parseResult<Record<string, { id: string } | null>>(
      await clocked(
        graphqlPost({ query: `mutation { ${aliased(add(1))} }` }, { token: attacker.token }),
        lambdaContext(),
      ),
    );
    const after = await app.graphql<{ product: { commentCount: number; rating: number } }>({
      query: `{ product(id: "${product.id}") { commentCount rating } }`,
    });

    // Assess: mutations run in order; the sixth is refused and, its field being non-null, ends the
    // request (data null), so the last nine never run. The five before it were written.
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['a6'], 'RATE_LIMITED'],
    ]);
    expect(after.body.data?.product).toEqual({ commentCount: 1 + 5, rating: (5 + 1) / 2 });
    // Each written comment read the account's orders (is it a verified purchase?), its rating and
    // the product's recent comments, and sent one transaction; the sixth tried once.
    expect(response.body.extensions?.cost).toMatchObject({ dynamoDbCalls: 6 * 4 });
  });
});
