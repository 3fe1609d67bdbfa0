import { execute } from './api';
import { graphql } from './generated';

const AddToCart = graphql(`
  mutation AddToCart($productId: ID!) {
    addToCart(productId: $productId, quantity: 1) {
      itemCount
    }
  }
`);

/** Adds one unit; resolves the cart's new unit count for the badge. */
export async function addToCart(productId: string): Promise<number> {
  const { addToCart: cart } = await execute(AddToCart, { productId });
  return cart.itemCount;
}
