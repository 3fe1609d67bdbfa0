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

/**
 * A storefront's category page: one category's products cheapest first, narrowed by a search, with
 * the category menu and the cart badge, signed in (docs/browsing.md).
 */
export const BROWSE_PAGE_QUERY = /* GraphQL */ `
  query BrowsePage($first: Int!, $filter: ProductFilter!) {
    categories {
      slug
      name
      productCount
    }
    products(first: $first, sort: PRICE_ASC, filter: $filter) {
      nodes {
        id
        name
        price
        image
        stock
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

/**
 * "lamp" is the noun of 16 bench products (bench/fixtures.ts), half of them in each category: the
 * search's listing holds both halves, so the category test drops entries, as on a real shelf.
 */
/** The storefront's category page (web/src/pages/home.ts): a category, by price, searched. */
export const BROWSE_PAGE_VARIABLES = { first: 20, filter: { category: 'lighting', search: 'lamp' } };
