/**
 * Deliberately invalid: Product has no `priceInDollars` (money is integer cents), and `first` is
 * an Int. Kept out of web/src, where codegen looks for the storefront's documents, so only
 * clientCodegen.test.ts hands it to the code generator, to prove codegen refuses it.
 */
declare function graphql(source: string): unknown;

export const InvalidProductCard = graphql(`
  query InvalidProductCard {
    products(first: "twenty") {
      nodes {
        id
        priceInDollars
      }
    }
  }
`);
