import { newCategories } from '../../support/browseCatalogue';
import { categoriesOf, CREATE_CATEGORY, refusal } from '../../support/browseQueries';
import { staffMember, useTestApp } from '../../support/fixtures';
import { uniqueId } from '../../support/storeApi';

/**
 * The store holds at most 50 categories. This file has its own app: it fills the store up to the
 * cap, which would refuse every category another suite then creates.
 */
const app = useTestApp();

describe('createCategory at the cap of 50 categories', () => {
  test('the 51st is BAD_USER_INPUT and writes nothing; the 50 stay listed in order', async () => {
    // Prepare
    const staff = staffMember(app).token;
    const fifty = await newCategories(app, staff, 50, 'capped');
    const before = await app.snapshot();

    // Act
    const response = await app.graphql(
      { query: CREATE_CATEGORY, variables: { input: { slug: uniqueId('one-more'), name: 'One More' } } },
      { token: staff },
    );

    // Assess
    expect(refusal(response)).toEqual({ codes: ['BAD_USER_INPUT'], data: null });
    expect(await app.snapshot()).toEqual(before);
    expect((await categoriesOf(app)).map((category) => category.slug)).toEqual(fifty);
  });
});
