import type { CommentRecord } from '../datasources/models';
import { badUserInput, clientError, ErrorCode, ProductNotFoundError } from '../shared/errors';
import type { Comments, Products } from './ports';

const MAX_COMMENT_LENGTH = 2000;
const MIN_RATING = 1;
const MAX_RATING = 5;

export interface CommentStores {
  comments: Pick<Comments, 'add'>;
  products: Pick<Products, 'markChanged'>;
}

/** Who writes a comment: the verified caller, never client input. */
export interface CommentAuthor {
  userId: string;
  displayName: string;
}

/**
 * Adds a comment: text trimmed, then 1..2000 characters; rating optional, 1..5. Stored verbatim
 * (escaping is the reader's job). The product's comment count and rating move in the same write
 * (CommentStore), and the product is marked changed, so a response that selects
 * `addComment { product { commentCount rating } }` includes the comment just added.
 */
export async function addComment(
  stores: CommentStores,
  author: CommentAuthor,
  input: { productId: string; text: string; rating?: number | null },
): Promise<CommentRecord> {
  const text = input.text.trim();
  // Counted in code points, as the schema documents: most emoji are one, joined ones several.
  const length = [...text].length;
  if (length < 1 || length > MAX_COMMENT_LENGTH) {
    throw badUserInput(`text must be 1 to ${MAX_COMMENT_LENGTH} characters after trimming`, {
      field: 'text',
    });
  }
  const { rating } = input;
  if (
    rating !== null &&
    rating !== undefined &&
    !(Number.isInteger(rating) && rating >= MIN_RATING && rating <= MAX_RATING)
  ) {
    throw badUserInput(`rating must be between ${MIN_RATING} and ${MAX_RATING}`, { field: 'rating' });
  }
  try {
    const comment = await stores.comments.add({
      productId: input.productId,
      authorId: author.userId,
      author: author.displayName,
      text,
      ...(rating ? { rating } : {}),
    });
    stores.products.markChanged(input.productId);
    return comment;
  } catch (error) {
    // The answer addComment has always given for an unknown product (docs/api.md, "Errors").
    if (error instanceof ProductNotFoundError) {
      throw clientError(ErrorCode.NotFound, 'No product has that id', { field: 'productId' });
    }
    throw error;
  }
}
