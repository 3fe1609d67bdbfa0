import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { shopper, staffMember, useTestApp } from '../../support/fixtures';
import { errorCodes, uniqueId } from '../../support/storeApi';
import type { GraphQLResponse } from '../../support/testApp';
import {
  CREATE_PROMOTION,
  createPromotionOk,
  PROMOTIONS,
  UPDATE_PROMOTION,
  type PromotionView,
} from '../../support/promotions';

/** Staff create, change and list promotion codes; nobody else may, and bad terms change nothing. */
interface PromotionsPage {
  promotions: { nodes: PromotionView[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const app = useTestApp();
const code = (prefix: string) =>
  uniqueId(prefix)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

describe('createPromotion', () => {
  test('stores the code upper case with its terms, unused and active', async () => {
    // Prepare
    const { token } = staffMember(app);
    const name = code('spring');

    // Act
    const created = await createPromotionOk(app, token, {
      code: ` ${name.toLowerCase()} `,
      kind: 'FIXED_AMOUNT',
      value: 500,
      minimumSubtotal: 3000,
      startsAt: '2026-03-01T00:00:00+01:00',
      endsAt: '2026-04-01T00:00:00Z',
      usageLimit: 10,
    });

    // Assess: instants are kept in UTC.
    expect(created).toEqual<PromotionView>({
      code: name,
      kind: 'FIXED_AMOUNT',
      value: 500,
      minimumSubtotal: 3000,
      startsAt: '2026-02-28T23:00:00.000Z',
      endsAt: '2026-04-01T00:00:00.000Z',
      usageLimit: 10,
      timesUsed: 0,
      active: true,
    });
  });

  test('answers CONFLICT for a code already taken, in any case, changing nothing', async () => {
    // Prepare
    const { token } = staffMember(app);
    const name = code('twice');
    await createPromotionOk(app, token, { code: name, kind: 'PERCENTAGE', value: 10 });
    const before = await app.snapshot();

    // Act
    const again = await app.graphql(
      {
        query: CREATE_PROMOTION,
        variables: { input: { code: name.toLowerCase(), kind: 'PERCENTAGE', value: 20 } },
      },
      { token },
    );

    // Assess
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(await app.snapshot()).toEqual(before);
  });

  test.each([
    ['a percentage over 100', { kind: 'PERCENTAGE', value: 101 }, 'value'],
    ['a value of 0', { kind: 'FIXED_AMOUNT', value: 0 }, 'value'],
    ['a code with a space', { code: 'TWO WORDS' }, 'code'],
    ['a code of 65 characters', { code: 'C'.repeat(65) }, 'code'],
    ['a negative minimum', { minimumSubtotal: -1 }, 'minimumSubtotal'],
    ['a date without an offset', { startsAt: '2026-03-01T00:00:00' }, 'startsAt'],
    ['a date that is not one', { endsAt: 'next tuesday' }, 'endsAt'],
    ['a day the month does not have', { startsAt: '2026-02-30T00:00:00Z' }, 'startsAt'],
    [
      'an end before the start',
      { startsAt: '2026-03-02T00:00:00Z', endsAt: '2026-03-01T00:00:00Z' },
      'endsAt',
    ],
    ['a usage limit of 0', { usageLimit: 0 }, 'usageLimit'],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_case, change, field) => {
    // Prepare
    const { token } = staffMember(app);
    const before = await app.snapshot();
    const input = { code: code('bad'), kind: 'PERCENTAGE', value: 10, ...change };

    // Act
    const response = await app.graphql({ query: CREATE_PROMOTION, variables: { input } }, { token });

    // Assess
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('updatePromotion', () => {
  test('changes the terms given, clears those set to null, and keeps the rest', async () => {
    // Prepare
    const { token } = staffMember(app);
    const name = code('edit');
    await createPromotionOk(app, token, {
      code: name,
      kind: 'PERCENTAGE',
      value: 10,
      usageLimit: 5,
      minimumSubtotal: 100,
    });

    // Act
    const response = await app.graphql<{ updatePromotion: PromotionView }>(
      {
        query: UPDATE_PROMOTION,
        variables: { code: name.toLowerCase(), input: { value: 15, usageLimit: null, active: false } },
      },
      { token },
    );

    // Assess
    expect(response.body.data?.updatePromotion).toMatchObject({
      code: name,
      kind: 'PERCENTAGE',
      value: 15,
      usageLimit: null,
      minimumSubtotal: 100,
      active: false,
    });
  });

  test.each([
    ['a fixed amount on a percentage code without its own value', { kind: 'FIXED_AMOUNT' }, 'value'],
    ['a percentage value over 100', { value: 150 }, 'value'],
    ['clearing the kind', { kind: null }, 'kind'],
    ['an end before the code’s start', { endsAt: '2020-01-01T00:00:00Z' }, 'endsAt'],
  ])('refuses %s, changing nothing', async (_case, input, field) => {
    // Prepare
    const { token } = staffMember(app);
    const name = code('keep');
    await createPromotionOk(app, token, {
      code: name,
      kind: 'PERCENTAGE',
      value: 10,
      startsAt: '2021-01-01T00:00:00Z',
    });
    const before = await app.snapshot();

    // Act
    const response = await app.graphql(
      { query: UPDATE_PROMOTION, variables: { code: name, input } },
      { token },
    );

    // Assess
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await app.snapshot()).toEqual(before);
  });

  test('keeps the discount of a code stored before kinds existed when only its activity changes', async () => {
    // Prepare: an item as the store wrote it before kinds: a percentage alone.
    const { token } = staffMember(app);
    const name = code('legacy');
    await app.db.send(
      new PutCommand({ TableName: app.tables.promotions, Item: { code: name, percentage: 15 } }),
    );

    // Act
    const response = await app.graphql<{ updatePromotion: PromotionView }>(
      { query: UPDATE_PROMOTION, variables: { code: name, input: { active: false } } },
      { token },
    );

    // Assess: kind and value are written where the percentage was.
    expect(response.body.data?.updatePromotion).toMatchObject({
      kind: 'PERCENTAGE',
      value: 15,
      active: false,
    });
    const { Item } = await app.db.send(
      new GetCommand({ TableName: app.tables.promotions, Key: { code: name } }),
    );
    expect(Item).toMatchObject({ kind: 'PERCENTAGE', value: 15, active: false });
    expect(Item).not.toHaveProperty('percentage');
  });

  test('answers NOT_FOUND for an unknown code', async () => {
    const { token } = staffMember(app);

    const response = await app.graphql(
      { query: UPDATE_PROMOTION, variables: { code: 'NO-SUCH-CODE', input: { value: 5 } } },
      { token },
    );

    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});

describe('promotions', () => {
  test('lists every code in code order, page after page', async () => {
    // Prepare
    const { token } = staffMember(app);
    const names = [code('list'), code('list'), code('list')];
    for (const name of names)
      await createPromotionOk(app, token, { code: name, kind: 'PERCENTAGE', value: 5 });

    // Act: every page of two.
    const listed: string[] = [];
    let after: string | null = null;
    do {
      const response: GraphQLResponse<PromotionsPage> = await app.graphql<PromotionsPage>(
        { query: PROMOTIONS, variables: { first: 2, after } },
        { token },
      );
      const page = response.body.data?.promotions;
      if (!page) throw new Error(JSON.stringify(response.body));
      listed.push(...page.nodes.map((node) => node.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);

    // Assess
    expect(listed).toEqual([...listed].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(names));
  });
});

describe('staff only', () => {
  test.each([
    ['createPromotion', CREATE_PROMOTION, { input: { code: 'NOPE', kind: 'PERCENTAGE', value: 10 } }],
    ['updatePromotion', UPDATE_PROMOTION, { code: 'NOPE', input: { value: 5 } }],
    ['promotions', PROMOTIONS, {}],
  ])('%s refuses anonymous callers and shoppers, writing nothing', async (_name, query, variables) => {
    // Prepare
    const before = await app.snapshot();

    // Act
    const anonymous = await app.graphql({ query, variables });
    const asShopper = await app.graphql({ query, variables }, { token: shopper(app).token });

    // Assess
    expect([errorCodes(anonymous), errorCodes(asShopper)]).toEqual([['UNAUTHENTICATED'], ['FORBIDDEN']]);
    expect(await app.snapshot()).toEqual(before);
  });
});
