import { generateKeyPairSync } from 'node:crypto';
import { signPoolToken } from '../../../local/poolTokens';
import { freshProduct, shopper, useTestApp } from '../../support/fixtures';
import {
  ADD_TO_CART,
  APPLY_PROMOTION,
  CART_QUERY,
  dataOf,
  errorCodes,
  uniqueId,
  type AddToCartData,
  type CartData,
} from '../../support/storeApi';

interface SelectionData {
  products: { nodes: Array<{ id: string; isSelected: boolean }> };
  product: { id: string; isSelected: boolean } | null;
}

const SELECTION = `query Selection($id: ID!) {
  products(first: 100) { nodes { id isSelected } }
  product(id: $id) { id isSelected }
}`;

const app = useTestApp({ promotions: { WELCOME10: 10 } });

async function addToCart(token: string, productId: string, quantity: number) {
  const response = await app.graphql<AddToCartData>(
    { query: ADD_TO_CART, variables: { productId, quantity } },
    { token },
  );
  return dataOf(response).addToCart;
}

async function readCart(token: string) {
  return dataOf(await app.graphql<CartData>({ query: CART_QUERY }, { token })).cart;
}

describe('identity', () => {
  test("two shoppers' carts are independent", async () => {
    const alice = shopper(app, 'Alice').token;
    const bob = shopper(app, 'Bob').token;
    const lamp = await freshProduct(app, 'lamp', { price: 1500 });
    const mug = await freshProduct(app, 'mug', { price: 700 });

    await addToCart(alice, lamp.id, 2);
    await addToCart(bob, mug.id, 3);
    await app.graphql({ query: APPLY_PROMOTION, variables: { code: 'WELCOME10' } }, { token: alice });

    const [aliceCart, bobCart] = await Promise.all([readCart(alice), readCart(bob)]);
    expect(aliceCart).toMatchObject({
      itemCount: 2,
      subtotal: 3000,
      promotionCode: 'WELCOME10',
      discount: 300,
    });
    expect(aliceCart.items.map((item) => item.product.id)).toEqual([lamp.id]);
    expect(bobCart).toMatchObject({ itemCount: 3, subtotal: 2100, promotionCode: null, discount: 0 });
    expect(bobCart.items.map((item) => item.product.id)).toEqual([mug.id]);
  });

  test('the same user id is the same cart whatever display name the token carries', async () => {
    const userId = uniqueId('carol');
    const item = await freshProduct(app, 'item', { price: 100 });
    await addToCart(app.tokenFor(userId, 'Carol'), item.id, 4);

    const cart = await readCart(app.tokenFor(userId, 'Caroline'));

    expect(cart.items.map((line) => [line.product.id, line.quantity])).toEqual([[item.id, 4]]);
  });

  test('isSelected is true for the owner only, and false for another user and for anonymous callers', async () => {
    const owner = shopper(app, 'Owner').token;
    const stranger = shopper(app, 'Stranger').token;
    const chosen = await freshProduct(app, 'chosen');
    const ignored = await freshProduct(app, 'ignored');
    await addToCart(owner, chosen.id, 1);
    const request = { query: SELECTION, variables: { id: chosen.id } };

    const [asOwner, asStranger, asAnonymous] = await Promise.all([
      app.graphql<SelectionData>(request, { token: owner }),
      app.graphql<SelectionData>(request, { token: stranger }),
      app.graphql<SelectionData>(request),
    ]);

    const selected = (data: SelectionData) => ({
      chosen: data.products.nodes.find((node) => node.id === chosen.id)?.isSelected,
      ignored: data.products.nodes.find((node) => node.id === ignored.id)?.isSelected,
      single: data.product?.isSelected,
    });
    expect(selected(dataOf(asOwner))).toEqual({ chosen: true, ignored: false, single: true });
    expect(selected(dataOf(asStranger))).toEqual({ chosen: false, ignored: false, single: false });
    expect(selected(dataOf(asAnonymous))).toEqual({ chosen: false, ignored: false, single: false });
  });

  test('isSelected turns false once the line is removed', async () => {
    const owner = shopper(app, 'Owner').token;
    const item = await freshProduct(app, 'item');
    await addToCart(owner, item.id, 1);

    const response = await app.graphql<{ removeFromCart: { itemCount: number } }>(
      {
        query: 'mutation R($id: ID!) { removeFromCart(productId: $id) { itemCount } }',
        variables: { id: item.id },
      },
      { token: owner },
    );
    const after = await app.graphql<SelectionData>(
      { query: SELECTION, variables: { id: item.id } },
      { token: owner },
    );

    expect(dataOf(response).removeFromCart.itemCount).toBe(0);
    expect(dataOf(after).product).toEqual({ id: item.id, isSelected: false });
  });
});

describe('tokens', () => {
  test('public reads work without a token', async () => {
    const item = await freshProduct(app, 'public', { name: 'Public Thing' });

    const response = await app.graphql<SelectionData>({ query: SELECTION, variables: { id: item.id } });

    expect(response.status).toBe(200);
    expect(dataOf(response).product).toEqual({ id: item.id, isSelected: false });
  });

  test('a mutation without a token is refused with UNAUTHENTICATED', async () => {
    const item = await freshProduct(app, 'item');
    const before = await app.snapshot();

    const response = await app.graphql({
      query: ADD_TO_CART,
      variables: { productId: item.id, quantity: 1 },
    });

    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    ['a garbage token', () => ({ authorization: 'Bearer not.a.jwt' })],
    [
      'an expired token',
      () => ({ authorization: `Bearer ${app.tokenFor('someone', 'S', { expiresInSeconds: -60 })}` }),
    ],
    [
      'a token signed by a key the pool does not have',
      () => ({
        authorization: `Bearer ${signPoolToken({ ...app.signer, privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }, { sub: 'someone', name: 'S' })}`,
      }),
    ],
    [
      'a token for another audience',
      () => ({ authorization: `Bearer ${app.tokenFor('someone', 'S', { aud: 'other' })}` }),
    ],
    ['a non-Bearer Authorization header', () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
  ])(
    '%s is an HTTP 401 with UNAUTHENTICATED, even on a public read, and writes nothing',
    async (_label, headers) => {
      const item = await freshProduct(app, 'item');
      const before = await app.snapshot();

      const read = await app.graphql(
        { query: '{ products(first: 1) { nodes { id } } }' },
        { headers: headers() },
      );
      const write = await app.graphql(
        { query: ADD_TO_CART, variables: { productId: item.id, quantity: 1 } },
        { headers: headers() },
      );

      for (const response of [read, write]) {
        expect(response.status).toBe(401);
        expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      }
      expect(await app.snapshot()).toEqual(before);
    },
  );
});
