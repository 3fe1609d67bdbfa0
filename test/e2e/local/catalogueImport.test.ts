import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADJUST_STOCK,
  ARCHIVE_PRODUCT,
  listedIds,
  productAs,
  storedProduct,
  type ProductView,
} from '../../support/catalogue';
import {
  categoriesOfProduct,
  fileProduct,
  REPO_ROOT,
  runCatalogue,
  storeCategories,
  useCatalogueCli,
  type FileCategory,
  type FileProduct,
} from '../../support/catalogueCli';
import { useTestApp } from '../../support/fixtures';

/**
 * `npm run catalogue -- import`: the real CLI in a child process, the real handler behind the
 * local API Gateway stand-in, DynamoDB Local. Each test imports products no other test uses.
 */
const app = useTestApp();
const cli = useCatalogueCli(app);
const { fileOf, runImport } = cli;

const productsTable = async (ids: string[]) =>
  (await app.scan('products')).filter((item) => ids.includes(item.id as string));

describe('npm run catalogue -- import', () => {
  test('a first import of the docs example creates every category and product, then visible through the API', async () => {
    // Prepare
    const path = join(REPO_ROOT, 'docs/examples/catalogue.json');
    const example = JSON.parse(readFileSync(path, 'utf8')) as {
      categories: FileCategory[];
      products: FileProduct[];
    };

    // Act
    const run = await runImport(path);

    // Assert
    expect(run.stderr).toBe('');
    expect(run.lines).toEqual([
      ...example.categories.map((category) => `+ created category ${category.slug}`),
      ...example.products.map((product) => `+ created ${product.id}`),
      `${example.categories.length + example.products.length} created, 0 updated, 0 unchanged, 0 failed`,
    ]);
    expect((await storeCategories(app)).map(({ slug, name }) => ({ slug, name }))).toEqual(
      example.categories,
    );
    expect(run.code).toBe(0);
    for (const product of example.products) {
      expect(await productAs(app, product.id)).toEqual<ProductView>({
        id: product.id,
        name: product.name,
        description: product.description ?? null,
        image: product.image ?? null,
        code: product.code,
        price: product.price,
        stock: product.stock ?? 0,
        archived: false,
      });
      expect(new Set(await categoriesOfProduct(app, product.id, cli.staffToken))).toEqual(
        new Set(product.categories ?? []),
      );
    }
    expect(await listedIds(app)).toEqual(
      expect.arrayContaining(example.products.map((product) => product.id)),
    );
  });

  test('a second run of the same file changes nothing and says so', async () => {
    // Prepare: strings as a person types them (the store keeps them trimmed)
    const products = [
      fileProduct('again', { name: '  Padded Name ', description: 'Trailing space ', image: '' }),
      fileProduct('again', { stock: 7 }),
    ];
    const path = fileOf(products);
    expect((await runImport(path)).code).toBe(0);
    const before = await productsTable(products.map((product) => product.id));

    // Act
    const run = await runImport(path);

    // Assert
    expect(run.lines).toEqual([
      `= unchanged ${products[0]?.id}`,
      `= unchanged ${products[1]?.id}`,
      '0 created, 0 updated, 2 unchanged, 0 failed: nothing to change',
    ]);
    expect(run.code).toBe(0);
    expect(await productsTable(products.map((product) => product.id))).toEqual(before);
  });

  test('takes the staff token from STORE_STAFF_TOKEN, keeping it off the command line', async () => {
    // Prepare
    const products = [fileProduct('from-env')];
    const path = fileOf(products);

    // Act
    const run = await runCatalogue(['import', path, '--endpoint', cli.url], {
      STORE_STAFF_TOKEN: cli.staffToken,
    });

    // Assert
    expect(run.lines).toEqual([
      `+ created ${products[0]?.id}`,
      '1 created, 0 updated, 0 unchanged, 0 failed',
    ]);
    expect(run.code).toBe(0);
  });

  test('an edited file updates only the changed product and fields, never the stock', async () => {
    // Prepare: both imported, then 3 units of one sold (adjustStock stands in for the checkout)
    const edited = fileProduct('edited', { description: 'Old words', image: '/img/a.jpg', stock: 10 });
    const kept = fileProduct('kept', { description: 'Stays', stock: 5 });
    expect((await runImport(fileOf([edited, kept]))).code).toBe(0);
    await app.graphql(
      { query: ADJUST_STOCK, variables: { productId: edited.id, delta: -3 } },
      { token: cli.staffToken },
    );
    const keptBefore = await storedProduct(app, kept.id);
    const { description: _removed, ...withoutDescription } = edited;
    const editedFile = fileOf([{ ...withoutDescription, price: 1750, stock: 999 }, kept]);

    // Act
    const run = await runImport(editedFile);

    // Assert
    expect(run.lines).toEqual([
      `~ updated ${edited.id} (description, price)`,
      `= unchanged ${kept.id}`,
      '0 created, 1 updated, 1 unchanged, 0 failed',
    ]);
    expect(run.code).toBe(0);
    expect(await productAs(app, edited.id)).toEqual<ProductView>({
      id: edited.id,
      name: edited.name,
      description: null,
      image: '/img/a.jpg',
      code: edited.code,
      price: 1750,
      stock: 7,
      archived: false,
    });
    expect(await storedProduct(app, kept.id)).toEqual(keptBefore);
  });

  test('an archived product is updated in place and stays archived', async () => {
    // Prepare
    const product = fileProduct('archived');
    expect((await runImport(fileOf([product]))).code).toBe(0);
    await app.graphql({ query: ARCHIVE_PRODUCT, variables: { id: product.id } }, { token: cli.staffToken });
    const renamed = fileOf([{ ...product, name: 'Renamed' }]);

    // Act
    const run = await runImport(renamed);

    // Assert
    expect(run.lines).toEqual([
      `~ updated ${product.id} (name) [archived]`,
      '0 created, 1 updated, 0 unchanged, 0 failed',
    ]);
    expect(run.code).toBe(0);
    expect(await productAs(app, product.id, cli.staffToken)).toMatchObject({
      name: 'Renamed',
      archived: true,
    });
    expect(await productAs(app, product.id)).toBeNull();
  });

  test('a bad product is reported by its position with the reason, exit 1, and the others still go in', async () => {
    // Prepare: refused by the API (#2, #5), by the file check (#3, #4, #6)
    const [first, last] = [fileProduct('good'), fileProduct('good')];
    const negative = fileProduct('negative', { price: -5 });
    const { name: _name, ...nameless } = fileProduct('nameless');
    const path = fileOf([
      first,
      negative,
      nameless,
      { name: 'No id', code: 'X', price: '9.99' },
      { ...fileProduct('slug'), id: 'Not A Slug' },
      { ...first, name: 'Twice' },
      last,
    ]);

    // Act
    const result = await runImport(path);

    // Assert
    expect(result.lines).toEqual([
      `+ created ${first.id}`,
      `! #2 ${negative.id}: price must be a whole number from 0 to 2147483647 (field price)`,
      `! #3 ${nameless.id}: name is required`,
      '! #4: id is required (the import finds products by id); price must be a whole number of cents (1999 for 19.99)',
      '! #5 Not A Slug: id must be at most 100 characters of a-z, 0-9 and single dashes (field id)',
      `! #6 ${first.id}: the id is already #1's: list each product once`,
      `+ created ${last.id}`,
      '2 created, 0 updated, 0 unchanged, 5 failed: fix the products marked ! and run it again',
    ]);
    expect(result.code).toBe(1);
    expect(await productAs(app, first.id, cli.staffToken)).toMatchObject({ name: first.name });
    expect(await productAs(app, last.id, cli.staffToken)).toMatchObject({ id: last.id });
    expect(await productAs(app, negative.id, cli.staffToken)).toBeNull();
    expect(await productAs(app, nameless.id, cli.staffToken)).toBeNull();
  });
});
