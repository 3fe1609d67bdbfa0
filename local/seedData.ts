import type { PromotionRecord } from '../src/datasources/models';

/**
 * The demo catalogue: prices in cents, stock between 10 and 100. Every picture is a file of the
 * storefront's web/public/images/, so `image` is a path from the site's root.
 */
export interface SeedProduct {
  id: string;
  name: string;
  description: string;
  image: string;
  code: string;
  price: number;
  stock: number;
  /** Slugs of SEED_CATEGORIES; the browser tests rely on which product is in which. */
  categories: string[];
  comments: Array<{ author: string; text: string; rating?: number }>;
}

/** The shelves, in the order the storefront lists them. */
export const SEED_CATEGORIES: Array<{ slug: string; name: string }> = [
  { slug: 'home', name: 'Home & Living' },
  { slug: 'kitchen', name: 'Kitchen' },
  { slug: 'stationery', name: 'Stationery' },
  { slug: 'garden', name: 'Garden' },
  { slug: 'gifts', name: 'Gifts' },
];

export const SEED_PROMOTIONS: PromotionRecord[] = [
  { code: 'WELCOME10', kind: 'PERCENTAGE', value: 10, timesUsed: 0, active: true },
  { code: 'HALFOFF', kind: 'PERCENTAGE', value: 50, timesUsed: 0, active: true },
  // 5.00 off an order of 30.00 or more, for the first 100 orders.
  {
    code: 'FIVEOFF',
    kind: 'FIXED_AMOUNT',
    value: 500,
    minimumSubtotal: 3000,
    usageLimit: 100,
    timesUsed: 0,
    active: true,
  },
];

export const SEED_PRODUCTS: SeedProduct[] = [
  {
    id: 'lonely-bird',
    name: 'Lonely Bird',
    description: 'A hand-painted ceramic bird that keeps a quiet shelf company.',
    image: picture('lonely-bird'),
    code: 'LB-001',
    price: 2999,
    stock: 40,
    categories: ['home', 'gifts'],
    comments: [
      { author: 'Maya', text: 'Even prettier than in the photos.', rating: 5 },
      { author: 'Tom', text: 'Arrived well packed. A little smaller than I expected.', rating: 4 },
      { author: 'Ines', text: 'Bought a second one so it is not lonely any more.' },
    ],
  },
  {
    id: 'solid-friendship',
    name: 'Solid Friendship',
    description: 'Two interlocking oak blocks, one for you and one for a friend.',
    image: picture('solid-friendship'),
    code: 'SF-002',
    price: 1999,
    stock: 25,
    categories: ['gifts'],
    comments: [
      { author: 'Kai', text: 'Gave one half to my sister. She loved it.', rating: 5 },
      { author: 'Lena', text: 'Solid indeed, the wood smells wonderful.', rating: 4 },
    ],
  },
  product(
    'morning-mug',
    'Morning Mug',
    'A stoneware mug that holds exactly one good coffee.',
    'MM-003',
    1499,
    100,
    ['kitchen', 'gifts'],
    [{ author: 'Sam', text: 'My new favourite mug.', rating: 5 }],
  ),
  product(
    'paper-lantern',
    'Paper Lantern',
    'Washi paper lantern with a warm LED.',
    'PL-004',
    3499,
    18,
    ['home'],
    [{ author: 'Noor', text: 'Lovely soft light in the evening.', rating: 4 }],
  ),
  product(
    'desk-cactus',
    'Desk Cactus',
    'A felt cactus that needs no water at all.',
    'DC-005',
    999,
    60,
    ['home', 'stationery'],
    [{ author: 'Leo', text: 'Cannot kill this one. Perfect.', rating: 5 }],
  ),
  product(
    'tea-tin',
    'Tea Tin',
    'An airtight tin with a hand-printed label.',
    'TT-006',
    1299,
    35,
    ['kitchen'],
    [{ author: 'Ada', text: 'Keeps my loose-leaf fresh.', rating: 4 }],
  ),
  // In no category: it is listed under "All products" only.
  product(
    'wool-scarf',
    'Wool Scarf',
    'Merino scarf, knitted in small batches.',
    'WS-007',
    4999,
    12,
    [],
    [{ author: 'Jon', text: 'Warm and not itchy at all.', rating: 5 }],
  ),
  product(
    'brass-bookmark',
    'Brass Bookmark',
    'A thin brass bookmark with an engraved fern.',
    'BB-008',
    799,
    80,
    ['stationery', 'gifts'],
    [{ author: 'Eva', text: 'Elegant, and it does not slip out.', rating: 5 }],
  ),
  product(
    'linen-notebook',
    'Linen Notebook',
    'Lay-flat notebook bound in linen.',
    'LN-009',
    1899,
    45,
    ['stationery'],
    [{ author: 'Raj', text: 'The paper takes fountain pen ink well.', rating: 4 }],
  ),
  product(
    'garden-gloves',
    'Garden Gloves',
    'Leather-palmed gloves for thorny work.',
    'GG-010',
    2299,
    30,
    ['garden'],
    [{ author: 'Mia', text: 'Survived a whole summer of roses.', rating: 4 }],
  ),
  product(
    'star-map',
    'Star Map',
    'A print of the night sky over the Atlantic.',
    'SM-011',
    2599,
    20,
    ['home'],
    [{ author: 'Finn', text: 'Framed it for the hallway.' }],
  ),
  product(
    'honey-jar',
    'Honey Jar',
    'Glass jar with an olive-wood dipper.',
    'HJ-012',
    1199,
    55,
    ['kitchen'],
    [{ author: 'Zoe', text: 'The dipper is a nice touch.', rating: 5 }],
  ),
  product(
    'rope-basket',
    'Rope Basket',
    'A cotton rope basket for blankets or toys.',
    'RB-013',
    2799,
    22,
    ['home', 'garden'],
    [{ author: 'Omar', text: 'Sturdy and keeps its shape.', rating: 4 }],
  ),
  product(
    'candle-trio',
    'Candle Trio',
    'Three soy candles: cedar, fig and sea salt.',
    'CT-014',
    3299,
    15,
    ['home', 'gifts'],
    [{ author: 'Lily', text: 'The fig one is dangerously good.', rating: 5 }],
  ),
];

/** Each product's picture is named after its id. */
function picture(id: string): string {
  return `/images/${id}.svg`;
}

function product(
  id: string,
  name: string,
  description: string,
  code: string,
  price: number,
  stock: number,
  categories: string[],
  comments: SeedProduct['comments'],
): SeedProduct {
  return { id, name, description, image: picture(id), code, price, stock, categories, comments };
}
