import { createTestApp } from '../support/testApp';

test('a signed-in shopper fills a cart and sees isSelected through the real handler', async () => {
  const app = await createTestApp();
  await app.putProduct({ id: 'lonely-bird', name: 'Lonely Bird', price: 2999 });
  await app.putProduct({ id: 'solid-friendship', name: 'Solid Friendship', price: 1999 });
  await app.putPromotion('WELCOME10', 10);
  const token = app.tokenFor('alice', 'Alice');

  const added = await app.graphql(
    {
      query:
        'mutation { addToCart(productId: "lonely-bird", quantity: 2) { itemCount subtotal } applyPromotionCode(code: "welcome10") { discount total } }',
    },
    { token },
  );
  const page = await app.graphql(
    {
      query:
        '{ products(first: 5) { nodes { id isSelected } pageInfo { hasNextPage } } cart { itemCount total } }',
    },
    { token },
  );
  const comment = await app.graphql(
    {
      query:
        'mutation { addComment(productId: "lonely-bird", text: "  nice  ", rating: 4) { author text product { commentCount rating } } }',
    },
    { token },
  );

  expect(added.body).toEqual({
    data: { addToCart: { itemCount: 2, subtotal: 5998 }, applyPromotionCode: { discount: 600, total: 5398 } },
  });
  expect(page.body.data).toEqual({
    products: {
      nodes: [
        { id: 'lonely-bird', isSelected: true },
        { id: 'solid-friendship', isSelected: false },
      ],
      pageInfo: { hasNextPage: false },
    },
    cart: { itemCount: 2, total: 5398 },
  });
  expect(comment.body.data).toEqual({
    addComment: { author: 'Alice', text: 'nice', product: { commentCount: 1, rating: 4 } },
  });
});
