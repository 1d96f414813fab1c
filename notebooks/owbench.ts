// The notebook API (src/notebook/, built into dist/) for the notebooks in this folder:
// `import { load, analyze, report } from './owbench'`. tslab compiles cells to CommonJS, and Node
// (≥ 20.19) requires the ES-module library directly: vega, its only module with top-level await,
// is imported lazily. Needs the built library: `npm run build` (`npm run notebooks` builds first).
export * from '../dist/notebook/index.js';
