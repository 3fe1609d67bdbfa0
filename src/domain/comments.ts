import type { CommentRecord } from '../datasources/models';
import type { RateLimitRule } from '../datasources/rateCounters';
import { badUserInput, clientError, ErrorCode, ProductNotFoundError } from '../shared/errors';
import type { CommentModeration, Comments, Orders, Products } from './ports';

const MAX_COMMENT_LENGTH = 2000;
const MIN_RATING = 1;
const MAX_RATING = 5;

/**
 * Comments one user may add per minute. Someone writing reviews by hand rarely posts more than one
 * or two a minute, so 5 leaves room for a quick follow-up; it stops a script (or a stolen token)
 * from flooding a product's comments, and bounds what each user costs in transactions. Counted in
 * DynamoDB per fixed minute, so every Lambda instance shares the count.
 */
export const COMMENTS_PER_MINUTE = 5;
export const COMMENT_RATE_LIMIT: RateLimitRule = {
  action: 'comment',
  limit: COMMENTS_PER_MINUTE,
  windowSeconds: 60,
};

export interface CommentStores {
  comments: Pick<Comments, 'add'>;
  products: Pick<Products, 'markChanged'>;
  orders: Pick<Orders, 'hasBought'>;
}

/** Who writes a comment: the verified caller, never client input. */
export interface CommentAuthor {
  userId: string;
  displayName: string;
}

/**
 * Adds a comment: text trimmed, then 1..2000 characters; rating optional, 1..5. Stored verbatim
 * (escaping is the reader's job). At most COMMENTS_PER_MINUTE per user: one more is RATE_LIMITED
 * with `retryAfterSeconds`, and writes nothing. The product's comment count and rating move in the
 * same write (CommentStore), where a user's rating replaces their earlier one of the product, and
 * the product is marked changed, so a response that selects
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
    // Decided when the comment is written: a later cancellation does not unverify it.
    const verifiedPurchase = await stores.orders.hasBought(author.userId, input.productId);
    const result = await stores.comments.add(
      {
        productId: input.productId,
        authorId: author.userId,
        author: author.displayName,
        text,
        ...(rating ? { rating } : {}),
        verifiedPurchase,
      },
      COMMENT_RATE_LIMIT,
    );
    if (result.outcome === 'rateLimited') {
      const { retryAfterSeconds } = result;
      throw clientError(
        ErrorCode.RateLimited,
        `At most ${COMMENTS_PER_MINUTE} comments a minute: try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
    stores.products.markChanged(input.productId);
    return result.comment;
  } catch (error) {
    // The answer addComment has always given for an unknown product (docs/api.md, "Errors").
    if (error instanceof ProductNotFoundError) {
      throw clientError(ErrorCode.NotFound, 'No product has that id', { field: 'productId' });
    }
    throw error;
  }
}

export interface ModerationStores {
  moderation: Pick<CommentModeration, 'setHidden'>;
  comments: Pick<Comments, 'markChanged'>;
  products: Pick<Products, 'markChanged'>;
}

/**
 * Staff hide a comment from shoppers (its rating leaves the product's average) or show it again.
 * Hiding a hidden comment, or showing a visible one, returns it unchanged.
 */
export async function setCommentHidden(
  stores: ModerationStores,
  commentId: string,
  hidden: boolean,
): Promise<CommentRecord> {
  const comment = await stores.moderation.setHidden(commentId, hidden);
  if (!comment) throw clientError(ErrorCode.NotFound, 'No comment has that id', { field: 'id' });
  // The rest of the request (a later mutation of the same document) lists and counts it anew.
  stores.products.markChanged(comment.productId);
  stores.comments.markChanged();
  return comment;
}
