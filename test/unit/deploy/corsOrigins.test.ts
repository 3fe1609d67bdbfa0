/**
 * deploy/corsOrigins.js, which serverless.yml calls with osls's variable resolver: the API's CORS
 * origins are the stack's storefront and the stage's `corsOrigins`, each a real origin.
 */
// A CommonJS module that osls loads: required as it is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const corsOrigins = require('../../../deploy/corsOrigins.js') as (context: {
  resolveVariable: (name: string) => Promise<unknown>;
}) => Promise<unknown[]>;

const STOREFRONT = {
  'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['StorefrontDistribution', 'DomainName'] }]],
};

function originsFor(param: unknown): Promise<unknown[]> {
  return corsOrigins({ resolveVariable: async () => param });
}

describe('the API’s CORS origins', () => {
  test('are the stack’s storefront alone when the stage names none', async () => {
    expect(await originsFor(null)).toEqual([STOREFRONT]);
    expect(await originsFor('')).toEqual([STOREFRONT]);
  });

  test('add the stage’s origins, from a list or from one comma-separated string', async () => {
    expect(await originsFor(['http://localhost:5173'])).toEqual([STOREFRONT, 'http://localhost:5173']);
    expect(await originsFor('https://shop.example, https://www.shop.example:8443')).toEqual([
      STOREFRONT,
      'https://shop.example',
      'https://www.shop.example:8443',
    ]);
  });

  test.each([
    ['*'],
    ['https://shop.example/'],
    ['https://shop.example/path'],
    ['http://shop.example'],
    ['shop.example'],
    ['https://shop.example, *'],
  ])(
    'refuses %p, which no browser sends as an origin or which opens the API to every site',
    async (param) => {
      await expect(originsFor(param)).rejects.toThrow(
        'corsOrigins takes origins such as https://shop.example',
      );
    },
  );
});
