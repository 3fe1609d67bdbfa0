/**
 * The storefront's home page in one request: a page of products with their first three comments,
 * whether each is in the shopper's cart, and the cart badge.
 */
export const HOME_PAGE_QUERY = /* GraphQL */ `
  query HomePage($first: Int!) {
    products(first: $first) {
      nodes {
        id
        name
        price
        image
        isSelected
        commentCount
        rating
        comments(first: 3) {
          nodes {
            id
            author
            text
            rating
            createdAt
          }
          pageInfo {
            hasNextPage
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    cart {
      itemCount
    }
  }
`;

/** The cart page: every line's product, priced. */
export const CART_QUERY = /* GraphQL */ `
  query CartPage {
    cart {
      items {
        product {
          id
          name
          image
        }
        price
        quantity
        lineTotal
      }
      itemCount
      subtotal
      discount
      total
    }
  }
`;

export const HOME_PAGE_SIZE = 20;
