/** `.graphql` files are bundled as text (esbuild's text loader; a jest transform in tests). */
declare module '*.graphql' {
  const text: string;
  export default text;
}
