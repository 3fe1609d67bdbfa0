/** Errors the datasources raise for conditions the GraphQL layer turns into client errors. */

export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this API issued');
    this.name = 'InvalidCursorError';
  }
}

/** A conditional write found a newer version than the one it read: re-read and try again. */
export class VersionConflictError extends Error {
  constructor(readonly key: string) {
    super(`Item ${key} changed since it was read`);
    this.name = 'VersionConflictError';
  }
}

export class ProductNotFoundError extends Error {
  constructor(readonly productId: string) {
    super(`No product has id ${productId}`);
    this.name = 'ProductNotFoundError';
  }
}
