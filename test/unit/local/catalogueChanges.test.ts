import { changesOf, creationOf, type ImportProduct, type StoredProduct } from '../../../local/catalogueFile';

/** What an import sends for a product of the file: all of it for a new one, the differences for one in the store. */

const STORED: StoredProduct = {
  id: 'linen-tea-towel',
  name: 'Linen Tea Towel',
  description: 'Stonewashed linen.',
  image: '/images/towel.jpg',
  code: 'LT-101',
  price: 1250,
  stock: 57,
  archived: false,
  categories: ['kitchen', 'gifts'],
};

/** The file's product that matches STORED exactly; `fields` override it. */
function wanted(fields: Partial<ImportProduct> = {}): ImportProduct {
  const { stock: _stock, archived: _archived, categories, ...compared } = STORED;
  return { ...compared, stock: 60, categories: [...categories], ...fields };
}

describe('changesOf', () => {
  test('is empty when every compared field matches, whatever the stock and archived', () => {
    expect(changesOf({ ...STORED, archived: true }, wanted({ stock: 0 }))).toEqual({});
  });

  test('compares text as the store keeps it: trimmed, a blank description or image as none', () => {
    const stored = { ...STORED, description: null, image: null };

    expect(
      changesOf(stored, wanted({ name: '  Linen Tea Towel ', description: ' ', image: '', code: 'LT-101 ' })),
    ).toEqual({});
  });

  test('holds only the fields that differ, with their new values', () => {
    expect(changesOf(STORED, wanted({ name: 'Tea Towel', price: 1300 }))).toEqual({
      name: 'Tea Towel',
      price: 1300,
    });
  });

  test('clears a description or image the file leaves out (the file is the truth)', () => {
    expect(changesOf(STORED, wanted({ description: null, image: null }))).toEqual({
      description: null,
      image: null,
    });
  });

  test('compares categories as a set: the same ones in another order are unchanged', () => {
    expect(changesOf(STORED, wanted({ categories: ['kitchen', 'gifts'] }))).toEqual({});
    expect(changesOf(STORED, wanted({ categories: ['gifts', 'kitchen'] }))).toEqual({});
  });

  test('replaces the categories when the file names others, in the file’s order', () => {
    expect(changesOf(STORED, wanted({ categories: ['garden', 'kitchen'] }))).toEqual({
      categories: ['garden', 'kitchen'],
    });
    expect(changesOf(STORED, wanted({ categories: ['kitchen'] }))).toEqual({ categories: ['kitchen'] });
  });

  test('takes the product out of every category when the file gives []', () => {
    expect(changesOf(STORED, wanted({ categories: [] }))).toEqual({ categories: [] });
  });

  test('keeps the product’s categories when the file leaves them out', () => {
    expect(changesOf(STORED, wanted({ categories: null, price: 1300 }))).toEqual({ price: 1300 });
  });

  test('sends a name the file blanks as blank, for the API to refuse', () => {
    expect(changesOf(STORED, wanted({ name: '   ' }))).toEqual({ name: '' });
  });
});

describe('creationOf', () => {
  test('sends every field, stock 0 when the file gives none, no empty description or image', () => {
    expect(creationOf(wanted({ description: ' ', image: null, stock: null, categories: null }))).toEqual({
      id: STORED.id,
      name: STORED.name,
      code: STORED.code,
      price: STORED.price,
      stock: 0,
    });
  });

  test('sends the stock and categories the file gives a new product', () => {
    expect(creationOf(wanted({ stock: 60 }))).toMatchObject({
      stock: 60,
      categories: ['kitchen', 'gifts'],
      description: STORED.description,
      image: STORED.image,
    });
  });
});
