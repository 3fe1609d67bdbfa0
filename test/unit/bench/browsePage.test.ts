import { browsePageProblems } from '../../../bench/browsePage';

const answer = (nodes: Array<{ name: string; price: number }> | null) =>
  JSON.stringify({ products: nodes && { nodes } });

describe('browsePageProblems', () => {
  it('accepts a page sorted by price whose every name has a word starting with the search', () => {
    const nodes = [
      { name: '002 Cedar Lamp', price: 1962 },
      { name: '064 Amber lampshade', price: 1962 },
      { name: '004 Ember LAMP', price: 3424 },
    ];
    expect(browsePageProblems(answer(nodes), 'Lamp')).toEqual([]);
  });

  it('refuses an empty page and an answer without products', () => {
    expect(browsePageProblems(answer([]), 'lamp')).toEqual(['no product matches "lamp"']);
    expect(browsePageProblems(answer(null), 'lamp')).toEqual(['no products in the answer']);
    expect(browsePageProblems('{}', 'lamp')).toEqual(['no products in the answer']);
  });

  it('refuses a name that only contains the search inside a word', () => {
    expect(browsePageProblems(answer([{ name: '010 Clamp', price: 500 }]), 'lamp')).toEqual([
      'product 0 (010 Clamp) has no word starting with "lamp"',
    ]);
  });

  it('refuses a page out of price order, naming the product that breaks it', () => {
    const nodes = [
      { name: 'Lamp A', price: 900 },
      { name: 'Lamp B', price: 700 },
      { name: 'Lamp C', price: 800 },
    ];
    expect(browsePageProblems(answer(nodes), 'lamp')).toEqual([
      'product 1 (700) is cheaper than the one before it (900)',
    ]);
  });

  it('refuses a product without a price', () => {
    const nodes = [{ name: 'Lamp A', price: null }] as unknown as Array<{ name: string; price: number }>;
    expect(browsePageProblems(answer(nodes), 'lamp')).toEqual(['product 0 has no price']);
  });
});
