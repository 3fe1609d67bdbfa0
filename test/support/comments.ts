import { freshProduct } from './fixtures';
import type { TestApp } from './testApp';

export interface CommentView {
  id: string;
  author: string;
  text: string;
  rating: number | null;
  createdAt: string;
  product: { id: string; commentCount: number; rating: number | null };
}
export interface AddCommentData {
  addComment: CommentView;
}

export const ADD_COMMENT = `mutation Add($productId: ID!, $text: String!, $rating: Int) {
  addComment(productId: $productId, text: $text, rating: $rating) {
    id author text rating createdAt product { id commentCount rating }
  }
}`;

/** The helpers the comment suites share, bound to one suite's app. */
export function commentHelpers(app: TestApp) {
  async function newProduct(): Promise<string> {
    return (await freshProduct(app, 'commented')).id;
  }

  function addComment(variables: Record<string, unknown>, token: string | undefined) {
    return app.graphql<AddCommentData>({ query: ADD_COMMENT, variables }, token ? { token } : {});
  }

  return { newProduct, addComment };
}
