import type { CacheHint, CachePolicy } from '@apollo/cache-control-types';
import { OperationTypeNode, type GraphQLResolveInfo } from 'graphql';
import { cacheHeaderFor, type ResponseFacts } from '../../../src/graphql/cacheHeaderPlugin';
import { Product } from '../../../src/resolvers/Product';
import { ALICE, product, stubContext, stubStores } from '../../support/stubContext';

/** A computed policy as Apollo's cache control plugin leaves it. */
function policy(hint: Required<CacheHint> | null): Pick<CachePolicy, 'policyIfCacheable'> {
  return { policyIfCacheable: () => hint };
}

const ANONYMOUS_PUBLIC_QUERY: ResponseFacts = {
  operationType: OperationTypeNode.QUERY,
  signedIn: false,
  hasErrors: false,
  policy: policy({ maxAge: 60, scope: 'PUBLIC' }),
};

describe('cacheHeaderFor', () => {
  test('lets any cache keep an anonymous, error-free query of public fields for its max-age', () => {
    // Act
    const header = cacheHeaderFor(ANONYMOUS_PUBLIC_QUERY);

    // Assess
    expect(header).toBe('public, max-age=60');
  });

  test.each<[string, Partial<ResponseFacts>, string]>([
    ['a signed-in caller', { signedIn: true }, 'private, no-store'],
    ['a field hinted PRIVATE', { policy: policy({ maxAge: 60, scope: 'PRIVATE' }) }, 'private, no-store'],
    ['a field that is not cacheable', { policy: policy(null) }, 'no-store'],
    ['errors', { hasErrors: true }, 'no-store'],
    ['a mutation', { operationType: OperationTypeNode.MUTATION }, 'no-store'],
    ['a signed-in mutation', { operationType: OperationTypeNode.MUTATION, signedIn: true }, 'no-store'],
    ['no operation (a document that did not validate)', { operationType: undefined }, 'no-store'],
  ])('stores nothing publicly for %s', (_name, facts, expected) => {
    // Act
    const header = cacheHeaderFor({ ...ANONYMOUS_PUBLIC_QUERY, ...facts });

    // Assess
    expect(header).toBe(expected);
  });
});

describe('Product.isSelected cache hint', () => {
  /** The part of `info` Apollo's cache control plugin adds, with the hint setter observed. */
  function infoWithCacheControl() {
    const setCacheHint = jest.fn<void, [CacheHint]>();
    // The resolver reads only `info.cacheControl`; the rest of GraphQLResolveInfo is irrelevant.
    const info = { cacheControl: { cacheHint: { restrict: () => undefined }, setCacheHint } };
    return { info: info as unknown as GraphQLResolveInfo, setCacheHint };
  }

  async function resolveIsSelected(signedIn: boolean) {
    const stores = stubStores({ products: [product({ id: 'a' })] });
    const { info, setCacheHint } = infoWithCacheControl();
    const resolve = Product.isSelected;
    if (typeof resolve !== 'function') throw new Error('isSelected is expected to be a plain resolver');
    await resolve(product({ id: 'a' }), {}, stubContext(stores, signedIn ? ALICE : null), info);
    return setCacheHint;
  }

  test('makes a signed-in caller’s response private: it depends on their cart', async () => {
    // Act
    const setCacheHint = await resolveIsSelected(true);

    // Assess
    expect(setCacheHint).toHaveBeenCalledWith({ scope: 'PRIVATE' });
  });

  test('leaves an anonymous response public: it is false for everyone', async () => {
    // Act
    const setCacheHint = await resolveIsSelected(false);

    // Assess
    expect(setCacheHint).not.toHaveBeenCalled();
  });
});
