import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, top to bottom (docs/architecture.md): a layer may import the layers below it
 * and the side folders (auth/, observability/, shared/), never one above it; only transport/, the
 * composition root, reads config.ts. auth/ and observability/ import no layer; shared/ imports
 * nothing from src/ at all.
 */
const LAYERS = ['transport', 'graphql', 'resolvers', 'domain', 'datasources'];
const NOT_SHIPPED = ['**/local/*', '**/test/*', '**/bench/*', '**/load/*', '**/web/*'];

function importsOnly(files, forbidden, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(forbidden.length > 0 ? [{ group: forbidden, message: why }] : []),
            { group: NOT_SHIPPED, message: 'src/ ships alone.' },
          ],
        },
      ],
    },
  };
}

const layerRules = [
  ...LAYERS.map((layer, index) =>
    importsOnly(
      [`src/${layer}/**`],
      [...LAYERS.slice(0, index).map((above) => `../${above}/*`), ...(index > 0 ? ['../config'] : [])],
      `src/${layer}/ may import only the layers below it (docs/architecture.md).`,
    ),
  ),
  importsOnly(
    ['src/auth/**', 'src/observability/**'],
    [...LAYERS.map((layer) => `../${layer}/*`), '../config'],
    'auth/ and observability/ serve every layer and import none.',
  ),
  importsOnly(['src/shared/**'], ['../*', '../**'], 'shared/ imports nothing from the rest of src/.'),
];

export default tseslint.config(
  { ignores: ['src/generated/', 'dist/', '.serverless/', '.esbuild/', '.local/', 'node_modules/'] },
  // The benchmark's build output (bench/build.mjs).
  { ignores: ['bench/.out/'] },
  // The storefront's client codegen output and its `vite build` output.
  { ignores: ['web/src/generated/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'No focused tests.' },
        { object: 'it', property: 'skip', message: 'No skipped tests.' },
        { object: 'test', property: 'only', message: 'No focused tests.' },
        { object: 'test', property: 'skip', message: 'No skipped tests.' },
        { object: 'describe', property: 'only', message: 'No focused tests.' },
        { object: 'describe', property: 'skip', message: 'No skipped tests.' },
      ],
    },
  },
  ...layerRules,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
