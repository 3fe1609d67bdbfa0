// Mirrors esbuild's text loader: a .graphql import is its file content as a string.
module.exports = { process: (source) => ({ code: `module.exports = ${JSON.stringify(source)};` }) };
