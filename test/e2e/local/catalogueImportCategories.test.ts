import {
  categoriesOfProduct,
  createCategory,
  fileCategory,
  fileProduct,
  storeCategories,
  useCatalogueCli,
} from '../../support/catalogueCli';
import { useTestApp } from '../../support/fixtures';

/**
 * `npm run catalogue -- import` with categories: the real CLI in a child process, the real handler
 * behind the local API Gateway stand-in, DynamoDB Local. The store's categories are shared by the
 * tests of this file (their own app), so each uses categories no other test uses and asserts the
 * order relative to what was there before.
 */
const app = useTestApp();
const cli = useCatalogueCli(app);
const { files, fileOf, runImport } = cli;

const slugsOf = async () => (await storeCategories(app)).map((category) => category.slug);

describe('npm run catalogue -- import with categories', () => {
  test('creates the file’s categories, puts them first in its order, and its products in them', async () => {
    // Prepare: a category staff made by hand, which the file does not name
    const handMade = fileCategory('hand-made');
    await createCategory(app, cli.staffToken, handMade);
    const [garden, home] = [fileCategory('garden', 'Garden'), fileCategory('home', 'Home')];
    const bench = fileProduct('bench', { categories: [garden.slug, home.slug] });
    const plain = fileProduct('plain');
    const before = await slugsOf();

    // Act
    const run = await runImport(fileOf([bench, plain], [garden, home]));

    // Assert
    expect(run.stderr).toBe('');
    expect(run.lines).toEqual([
      `+ created category ${garden.slug}`,
      `+ created category ${home.slug}`,
      '~ reordered categories',
      `+ created ${bench.id}`,
      `+ created ${plain.id}`,
      '4 created, 1 updated, 0 unchanged, 0 failed',
    ]);
    expect(run.code).toBe(0);
    const after = await storeCategories(app);
    expect(after.slice(0, 2)).toEqual([
      { ...garden, productCount: 1 },
      { ...home, productCount: 1 },
    ]);
    expect(after.map((category) => category.slug)).toEqual([garden.slug, home.slug, ...before]);
    expect(before).toContain(handMade.slug);
    expect(new Set(await categoriesOfProduct(app, bench.id, cli.staffToken))).toEqual(
      new Set([garden.slug, home.slug]),
    );
    expect(await categoriesOfProduct(app, plain.id, cli.staffToken)).toEqual([]);
  });

  test('a second run of the same file reports every category and product unchanged and writes nothing', async () => {
    // Prepare: a name typed with spaces, the products' categories in another order than the store's
    const [first, second] = [fileCategory('first', ' First '), fileCategory('second')];
    const product = fileProduct('twice', { categories: [second.slug, first.slug] });
    const path = fileOf([product], [first, second]);
    expect((await runImport(path)).code).toBe(0);
    const before = await app.snapshot();

    // Act
    const run = await runImport(path);

    // Assert
    expect(run.lines).toEqual([
      `= unchanged category ${first.slug}`,
      `= unchanged category ${second.slug}`,
      `= unchanged ${product.id}`,
      '0 created, 0 updated, 3 unchanged, 0 failed: nothing to change',
    ]);
    expect(run.code).toBe(0);
    expect(await app.snapshot()).toEqual(before);
  });

  test('an edited file renames, reorders and moves products, and never deletes a category', async () => {
    // Prepare
    const [kept, renamed, left] = [fileCategory('kept'), fileCategory('renamed'), fileCategory('left')];
    const moved = fileProduct('moved', { categories: [kept.slug, left.slug] });
    const untouched = fileProduct('untouched', { categories: [left.slug] });
    expect((await runImport(fileOf([moved, untouched], [kept, renamed, left]))).code).toBe(0);
    const { categories: _categories, ...withoutCategories } = untouched;
    const edited = fileOf(
      [{ ...moved, categories: [renamed.slug] }, withoutCategories],
      [{ ...renamed, name: 'New Name' }, kept],
    );

    // Act
    const run = await runImport(edited);

    // Assert
    expect(run.lines).toEqual([
      `~ renamed category ${renamed.slug} ("${renamed.name}" → "New Name")`,
      `= unchanged category ${kept.slug}`,
      '~ reordered categories',
      `~ updated ${moved.id} (categories)`,
      `= unchanged ${untouched.id}`,
      '0 created, 3 updated, 2 unchanged, 0 failed',
    ]);
    expect(run.code).toBe(0);
    expect((await slugsOf()).slice(0, 3)).toEqual([renamed.slug, kept.slug, left.slug]);
    expect(await categoriesOfProduct(app, moved.id, cli.staffToken)).toEqual([renamed.slug]);
    expect(await categoriesOfProduct(app, untouched.id, cli.staffToken)).toEqual([left.slug]);
  });

  test('garbage in the categories fields is refused with a clear message, and nothing is written', async () => {
    // Prepare
    const category = fileCategory('garbage');
    const [asText, ofNumbers, twice] = [fileProduct('as-text'), fileProduct('numbers'), fileProduct('twice')];
    const path = fileOf(
      [
        { ...asText, categories: category.slug },
        { ...ofNumbers, categories: [1, 2] },
        { ...twice, categories: [category.slug, category.slug] },
      ],
      [{ slug: 7, name: 'Seven' }, { slug: category.slug }, { ...category, colour: 'green' }],
    );
    const before = await app.snapshot();

    // Act
    const run = await runImport(path);

    // Assert
    expect(run.lines).toEqual([
      '! category #1: slug must be a string',
      `! category #2 ${category.slug}: name is required`,
      `! category #3 ${category.slug}: unknown field "colour"`,
      `! #1 ${asText.id}: categories must be a list of category slugs, such as ["garden"]`,
      `! #2 ${ofNumbers.id}: categories must be a list of category slugs, such as ["garden"]`,
      `! #3 ${twice.id}: categories lists "${category.slug}" twice`,
      '0 created, 0 updated, 0 unchanged, 6 failed: fix the categories and products marked ! and run it again',
    ]);
    expect(run.code).toBe(1);
    expect(await app.snapshot()).toEqual(before);
  });

  test('a "categories" that is not a list stops the import before anything is sent', async () => {
    // Prepare
    const path = files.write('categories-object.json', {
      categories: { garden: 'Garden' },
      products: [fileProduct('never')],
    });
    const before = await app.snapshot();

    // Act
    const run = await runImport(path);

    // Assert
    expect(run.stderr).toContain('its "categories" is not a list');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    expect(await app.snapshot()).toEqual(before);
  });

  test('a product the API refuses for its categories is reported, and the others still go in', async () => {
    // Prepare
    const unknown = fileProduct('unknown-category', { categories: ['no-such-category'] });
    const fine = fileProduct('fine');

    // Act
    const run = await runImport(fileOf([unknown, fine]));

    // Assert
    // The API's own words, which the import passes on with the field they name.
    expect(run.lines[0]).toMatch(
      new RegExp(`^! #1 ${unknown.id}: .*"no-such-category".* \\(field categories\\)$`),
    );
    expect(run.lines.slice(1)).toEqual([
      `+ created ${fine.id}`,
      '1 created, 0 updated, 0 unchanged, 1 failed: fix the products marked ! and run it again',
    ]);
    expect(run.code).toBe(1);
    expect(await categoriesOfProduct(app, unknown.id, cli.staffToken)).toBeNull();
  });
});
