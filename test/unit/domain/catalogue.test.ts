import {
  adjustStock,
  createProduct,
  MAX_STOCK,
  setArchived,
  updateProduct,
  type CreateProductInput,
} from '../../../src/domain/catalogue';
import { slugOf } from '../../../src/domain/inputRules';
import { product, refusalOf, stubStores } from '../../support/stubContext';

const MUG: CreateProductInput = { name: 'Blue Mug', code: 'MUG-1', price: 1200 };

describe('createProduct', () => {
  test('trims the fields, makes the id from the name, starts at stock 0 and marks the product changed', async () => {
    // Prepare
    const stubs = stubStores();

    // Act
    const created = await createProduct(stubs, {
      ...MUG,
      name: '  Crème Brûlée Mug (XL) ',
      description: ' Tall ',
    });

    // Assess
    expect(stubs.catalogue.create).toHaveBeenCalledWith({
      id: 'creme-brulee-mug-xl',
      name: 'Crème Brûlée Mug (XL)',
      description: 'Tall',
      code: 'MUG-1',
      price: 1200,
      stock: 0,
      categories: [],
      createdAt: expect.any(String),
    });
    expect(created).toMatchObject({ id: 'creme-brulee-mug-xl', archived: false });
    expect(stubs.products.markChanged).toHaveBeenCalledWith('creme-brulee-mug-xl');
  });

  test('answers CONFLICT, naming the id, when the id is taken', async () => {
    // Prepare
    const stubs = stubStores({ products: [product({ id: 'blue-mug' })] });

    // Act
    const refusal = await refusalOf(createProduct(stubs, MUG));

    // Assess
    expect(refusal).toEqual({
      code: 'CONFLICT',
      message: 'A product with id "blue-mug" already exists',
      details: { field: 'id', id: 'blue-mug' },
    });
  });

  test.each<[string, Partial<CreateProductInput>, string]>([
    ['a blank name', { name: '   ' }, 'name'],
    ['a name of 201 characters', { name: 'n'.repeat(201) }, 'name'],
    ['an empty code', { code: '' }, 'code'],
    ['a negative price', { price: -1 }, 'price'],
    ['a fractional price', { price: 9.5 }, 'price'],
    ['a negative stock', { stock: -3 }, 'stock'],
    ['an id with capitals', { id: 'Blue-Mug' }, 'id'],
    ['an id with a double dash', { id: 'blue--mug' }, 'id'],
    ['an id of 101 characters', { id: 'a'.repeat(101) }, 'id'],
    ['a name with nothing to make an id from', { name: '!!!' }, 'id'],
    ['a javascript: image', { image: 'javascript:alert(1)' }, 'image'],
    ['a protocol-relative image', { image: '//evil.example/x.png' }, 'image'],
    ['an image path browsers read as another host', { image: '/\\evil.example/x.png' }, 'image'],
    ['a description of 5001 characters', { description: 'd'.repeat(5001) }, 'description'],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_case, change, field) => {
    // Prepare
    const stubs = stubStores();

    // Act
    const refusal = await refusalOf(createProduct(stubs, { ...MUG, ...change }));

    // Assess
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(stubs.catalogue.create).not.toHaveBeenCalled();
  });

  test('accepts an https image and a path from the site root', async () => {
    const stubs = stubStores();

    await createProduct(stubs, { ...MUG, id: 'a', image: 'https://cdn.example/mug.png' });
    await createProduct(stubs, { ...MUG, id: 'b', image: '/images/mug.png' });

    expect(stubs.catalogue.create).toHaveBeenCalledTimes(2);
  });
});

describe('updateProduct', () => {
  test('sends only the fields given, null clearing description and image', async () => {
    // Prepare
    const stubs = stubStores({ products: [product({ id: 'mug', description: 'Old', image: '/mug.png' })] });

    // Act
    const updated = await updateProduct(stubs, 'mug', { price: 900, description: null, image: null });

    // Assess
    expect(stubs.catalogue.update).toHaveBeenCalledWith('mug', {
      price: 900,
      description: null,
      image: null,
    });
    expect(updated).not.toHaveProperty('description');
    expect(updated).not.toHaveProperty('image');
    expect(updated.price).toBe(900);
  });

  test.each(['name', 'code', 'price'] as const)('refuses to clear %s', async (field) => {
    const stubs = stubStores({ products: [product({ id: 'mug' })] });

    const refusal = await refusalOf(updateProduct(stubs, 'mug', { [field]: null }));

    expect(refusal).toEqual({
      code: 'BAD_USER_INPUT',
      message: `${field} cannot be cleared`,
      details: { field },
    });
    expect(stubs.catalogue.update).not.toHaveBeenCalled();
  });

  test('returns the product unchanged for an empty input, without a write', async () => {
    const stubs = stubStores({ products: [product({ id: 'mug' })] });

    const same = await updateProduct(stubs, 'mug', {});

    expect(same).toEqual(product({ id: 'mug' }));
    expect(stubs.catalogue.update).not.toHaveBeenCalled();
  });

  test('answers NOT_FOUND for an unknown id', async () => {
    const stubs = stubStores();

    expect(await refusalOf(updateProduct(stubs, 'ghost', { price: 1 }))).toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'id' },
    });
  });
});

describe('adjustStock', () => {
  test('adds and removes units, bounded by 0 and the largest Int', async () => {
    const stubs = stubStores({ products: [product({ id: 'mug', stock: 5 })] });

    expect((await adjustStock(stubs, 'mug', 3)).stock).toBe(8);
    expect((await adjustStock(stubs, 'mug', -8)).stock).toBe(0);
    expect(stubs.catalogue.adjustStock).toHaveBeenLastCalledWith('mug', -8, {
      expectedStock: undefined,
      maxStock: MAX_STOCK,
    });
  });

  test('refuses to remove more than in stock, saying how many there are', async () => {
    const stubs = stubStores({ products: [product({ id: 'mug', stock: 2 })] });

    expect(await refusalOf(adjustStock(stubs, 'mug', -3))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Only 2 in stock: cannot remove 3',
      details: { field: 'delta', actualStock: 2 },
    });
  });

  test('applies a compare-and-swap only from the expected stock, else CONFLICT with the actual one', async () => {
    const stubs = stubStores({ products: [product({ id: 'mug', stock: 7 })] });

    const refusal = await refusalOf(adjustStock(stubs, 'mug', 1, 6));
    const applied = await adjustStock(stubs, 'mug', 1, 7);

    expect(refusal).toEqual({
      code: 'CONFLICT',
      message: 'The stock is 7, not the expected 6',
      details: { field: 'expectedStock', actualStock: 7 },
    });
    expect(applied.stock).toBe(8);
  });

  test.each([
    ['a delta of 0', 0, undefined, 'delta'],
    ['a fractional delta', 0.5, undefined, 'delta'],
    ['a negative expected stock', 1, -1, 'expectedStock'],
  ])('refuses %s before writing', async (_case, delta, expected, field) => {
    const stubs = stubStores({ products: [product({ id: 'mug' })] });

    expect(await refusalOf(adjustStock(stubs, 'mug', delta, expected))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
    expect(stubs.catalogue.adjustStock).not.toHaveBeenCalled();
  });

  test('answers NOT_FOUND for an unknown product', async () => {
    const stubs = stubStores();

    expect(await refusalOf(adjustStock(stubs, 'ghost', 1))).toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'productId' },
    });
  });
});

describe('setArchived', () => {
  test('archives and unarchives, marking the product changed', async () => {
    const stubs = stubStores({ products: [product({ id: 'mug' })] });

    expect((await setArchived(stubs, 'mug', true)).archived).toBe(true);
    expect((await setArchived(stubs, 'mug', false)).archived).toBe(false);
    expect(stubs.products.markChanged).toHaveBeenCalledTimes(2);
  });

  test('answers NOT_FOUND for an unknown id', async () => {
    expect(await refusalOf(setArchived(stubStores(), 'ghost', true))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('slugOf', () => {
  test.each([
    ['Lonely Bird', 'lonely-bird'],
    ['  Ça   va?! ', 'ca-va'],
    ['Mug #2 — 500 ml', 'mug-2-500-ml'],
    [`${'x'.repeat(99)} tail`, 'x'.repeat(99)],
  ])('%s → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});
