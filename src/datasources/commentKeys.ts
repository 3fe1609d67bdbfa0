import type { CommentRecord } from './models';

/** A comment as stored: `commentKey` orders it within its product's partition. */
export type StoredComment = CommentRecord & { commentKey: string };

/**
 * Where a comment sits in its product's partition. A visible comment's key is
 * `<createdAt>#<id>`, and starts with a digit (the year); a hidden one's is the same behind
 * HIDDEN_PREFIX, which sorts after every digit. So `commentKey < HIDDEN_PREFIX` is exactly the
 * visible comments and `begins_with(commentKey, HIDDEN_PREFIX)` the hidden ones: each list is one
 * Query of full pages, and hiding a comment moves its item from one range to the other.
 */
export const HIDDEN_PREFIX = 'hidden#';

export function isVisibleKey(commentKey: string): boolean {
  return commentKey < HIDDEN_PREFIX;
}

export function commentKeyOf(comment: Pick<CommentRecord, 'createdAt' | 'id'>, hidden: boolean): string {
  return `${hidden ? HIDDEN_PREFIX : ''}${comment.createdAt}#${comment.id}`;
}

export function toCommentRecord({ commentKey: _commentKey, ...comment }: StoredComment): CommentRecord {
  return comment;
}
