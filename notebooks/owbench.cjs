// Loads owbench (and other ES modules) into a tslab notebook. tslab compiles each cell to CommonJS,
// where `import()` becomes `require()`; ES modules with top-level await (vega, vega-lite) cannot be
// required, so the real import() lives here, in a CommonJS file Node runs as written.
// Needs the built library: `npm run build` (npm run notebooks builds first).
const path = require('node:path');
const { pathToFileURL } = require('node:url');

/** The project root: data/, docs/ and the CLI's relative paths start here. */
const root = path.resolve(__dirname, '..');

/** The owbench library as built in dist/ — the same code the `owbench` CLI runs. */
function load() {
  return import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
}

/** Any ES module by name, resolved from the project's node_modules. */
function importModule(specifier) {
  return import(specifier);
}

module.exports = { root, load, importModule };
