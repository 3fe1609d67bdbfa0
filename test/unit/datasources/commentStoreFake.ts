import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { CommentStore, type NewComment } from '../../../src/datasources/CommentStore';
import type { RatingRecord } from '../../../src/datasources/models';
import { fakeClock } from '../../support/fakeClock';
import { fakeDocumentClient } from '../../support/fakeDynamo';

/**
 * A scripted client standing in for DynamoDB under CommentStore.add, for the suites on what it
 * sends and how it reads the answers (test/integration/api runs the same on DynamoDB Local).
 */
export const TABLES = {
  comments: 'comments',
  products: 'products',
  ratings: 'ratings',
  rateLimits: 'rate-limits',
};
/** 17.25 s into a minute: 43 whole seconds until the next one. */
export const NOW = new Date('2030-01-01T10:00:17.250Z');
export const WINDOW_KEY = `comment#alice#${Date.UTC(2030, 0, 1, 10, 0, 0) / 1000}`;
export const RATED: NewComment = {
  productId: 'bird',
  authorId: 'alice',
  author: 'Alice',
  text: 'Lovely',
  rating: 5,
};
export const EARLIER: RatingRecord = {
  productId: 'bird',
  userId: 'alice',
  rating: 2,
  commentId: 'earlier-comment',
  ratedAt: '2030-01-01T09:00:00.000Z',
};

type Answer = (command: unknown) => unknown;

/** The product as a comment writer reads it: carrying its (here no) recent comments, at version 3. */
export const OLDER = {
  id: 'older',
  authorId: 'bob',
  author: 'Bob',
  text: 'Fine',
  createdAt: '2030-01-01T09:00:00.000Z',
};
export const PRODUCT = {
  id: 'bird',
  recentComments: { [`${OLDER.createdAt}#older`]: OLDER },
  moderationVersion: 3,
};

/**
 * A store over a client answering each GetItem of a rating with `rating`, of the product with
 * `product` (null: no such product), and each transaction with `answers` in turn.
 */
export function storeAnswering(
  rating: RatingRecord | null,
  ...answers: Array<Error | 'ok'>
): ReturnType<typeof storeOver> {
  return storeOver({ rating, product: PRODUCT }, ...answers);
}

export function storeOver(
  { rating, product }: { rating: RatingRecord | null; product: Record<string, unknown> | null },
  ...answers: Array<Error | 'ok'>
) {
  const transactions: TransactWriteCommandInput[] = [];
  const reads: unknown[] = [];
  const answer: Answer = (command) => {
    if (command instanceof GetCommand && command.input.TableName === 'products') {
      return product ? { Item: product } : {};
    }
    if (command instanceof GetCommand) {
      reads.push(command.input.Key);
      return rating ? { Item: rating } : {};
    }
    if (command instanceof QueryCommand) return { Items: [] };
    if (command instanceof UpdateCommand) {
      // The seed of a legacy item's recent comments: from then on the product carries them.
      if (product) product.recentComments = {};
      return {};
    }
    if (command instanceof TransactWriteCommand) {
      transactions.push(command.input);
      const next = answers.shift() ?? 'ok';
      if (next !== 'ok') throw next;
      return {};
    }
    throw new Error('unexpected command');
  };
  const send = jest.fn(async (command: unknown) => answer(command));
  const clock = fakeClock();
  const store = new CommentStore(fakeDocumentClient(send), TABLES, { now: () => NOW, retryClock: clock });
  return { store, transactions, reads, send, clock };
}

export function item(transaction: TransactWriteCommandInput | undefined, index: number) {
  return transaction?.TransactItems?.[index];
}
