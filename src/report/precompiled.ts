// Templates compiled at build time: Handlebars' compiler costs about a third of `owbench report`
// (≈ 0.3 s idle, > 1 s on a loaded machine), every run, for the same 30 KB of templates.
// `npm run build` writes dist/report/templates.precompiled.json; a template whose source, options
// or Handlebars version differ from what was compiled is compiled at run time as before.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';

const require = createRequire(import.meta.url);
/** Handlebars without its compiler (a fifth of the modules): enough for templates compiled at build time. */
export const handlebarsRuntime = require('handlebars/runtime') as typeof Handlebars;
/** Handlebars with its compiler, loaded only for a template the build did not compile. */
export const handlebarsCompiler = (): typeof Handlebars => require('handlebars') as typeof Handlebars;

/** Beside the compiled module: dist/report/ after a build (src/report/ has none). */
export const PRECOMPILED_FILE = fileURLToPath(new URL('./templates.precompiled.json', import.meta.url));

interface PrecompiledFile {
  /** name → { key, spec }: key = hash of Handlebars version, options and source. */
  templates: Record<string, { key: string; spec: string }>;
}

export interface TemplateSource {
  /** "pair", "partials/caveats", …: the templates folder's relative name. */
  name: string;
  source: string;
}

function keyOf(source: string, options: object): string {
  return createHash('sha256').update(`${handlebarsRuntime.VERSION}\n${JSON.stringify(options)}\n${source}`).digest('hex');
}

const read = new Map<string, PrecompiledFile | null>();

function readPrecompiled(file: string): PrecompiledFile | null {
  if (!read.has(file)) {
    try {
      read.set(file, JSON.parse(readFileSync(file, 'utf8')) as PrecompiledFile);
    } catch {
      read.set(file, null); // not built (tests run src/ with tsx): compile at run time
    }
  }
  return read.get(file) ?? null;
}

/** The build's spec of `template`, when it was compiled from this very source with these options. */
function currentSpec(template: TemplateSource, options: CompileOptions, file: string): { spec: string } | undefined {
  const stored = readPrecompiled(file)?.templates[template.name];
  return stored !== undefined && stored.key === keyOf(template.source, options) ? stored : undefined;
}

/** Whether compileTemplate will find every one of `templates` compiled (so the runtime alone renders them). */
export function allPrecompiled(templates: TemplateSource[], options: CompileOptions, file = PRECOMPILED_FILE): boolean {
  return templates.every((template) => currentSpec(template, options, file) !== undefined);
}

/** The template from the build's precompiled spec when it is current, else compiled now. */
export function compileTemplate(
  handlebars: typeof Handlebars,
  template: TemplateSource,
  options: CompileOptions,
  file = PRECOMPILED_FILE,
): Handlebars.TemplateDelegate {
  const stored = currentSpec(template, options, file);
  if (stored === undefined) return handlebars.compile(template.source, options);
  // The spec is JavaScript that Handlebars.precompile wrote at build time from our own templates.
  const spec = new Function(`return ${stored.spec};`)() as TemplateSpecification;
  return handlebars.template(spec);
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** Build step (scripts/precompile-templates.mjs): compiles every template into `file`. */
export function writePrecompiled(templates: TemplateSource[], options: CompileOptions, file = PRECOMPILED_FILE): string {
  const precompiled: PrecompiledFile = { templates: {} };
  const compiler = handlebarsCompiler();
  for (const { name, source } of templates) {
    precompiled.templates[name] = { key: keyOf(source, options), spec: String(compiler.precompile(source, { ...options })) };
  }
  writeFileSync(file, `${JSON.stringify(precompiled)}\n`);
  read.delete(file);
  return file;
}
