// Build step after tsc: compiles templates/ into dist/report/templates.precompiled.json, so that
// `owbench report` skips Handlebars' compiler (see src/report/precompiled.ts).
import { templateCompileOptions, templateSources } from '../dist/report/render.js';
import { writePrecompiled } from '../dist/report/precompiled.js';

const file = writePrecompiled(templateSources(), templateCompileOptions);
console.log(`precompiled templates: ${file}`);
