/**
 * The operations the storefront's real pages send, as a frontend would write them: the limits
 * (operationLimits.ts) are chosen so that each passes with room to spare.
 */

const PRODUCT_CARD = `
  fragment ProductCard on Product {
    id
    name
    image
    price
    stock
    rating
    commentCount
    isSelected
  }
`;

/** Home page: 20 products, each with its latest 3 comments and whether it is in the cart; the cart badge. */
export const HOME_PAGE = `
  query HomePage($after: String) {
    products(first: 20, after: $after) {
      edges {
        cursor
        node {
          ...ProductCard
          comments(first: 3) {
            nodes { id author text rating createdAt }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    cart { itemCount total }
  }
  ${PRODUCT_CARD}
`;

/** Product page: every field of one product, 10 comments with paging, and the cart badge. */
export const PRODUCT_PAGE = `
  query ProductPage($id: ID!, $after: String) {
    product(id: $id) {
      ...ProductCard
      code
      description
      comments(first: 10, after: $after) {
        edges {
          cursor
          node { id author text rating createdAt product { id name } }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
    cart { itemCount total }
  }
  ${PRODUCT_CARD}
`;

/** Cart page: every line with its product, and the totals. */
export const CART_PAGE = `
  query CartPage {
    cart {
      items {
        product { ...ProductCard }
        name
        code
        price
        quantity
        lineTotal
      }
      promotionCode
      discountPercentage
      subtotal
      discount
      total
      itemCount
      updatedAt
    }
  }
  ${PRODUCT_CARD}
`;

/** Saving a whole cart (e.g. merging a guest cart after sign-in), its lines as variables. */
export const SAVE_CART_PAGE = `
  mutation SaveCart($input: SaveCartInput!) {
    saveCart(input: $input) {
      items { product { id isSelected } name price quantity lineTotal }
      promotionCode
      subtotal
      discount
      total
      itemCount
    }
  }
`;
