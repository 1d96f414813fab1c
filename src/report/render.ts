// Renders a report model into Markdown with the Handlebars templates in templates/: compiled with
// noEscape (HTML escaping is wrong for Markdown; helpers escape instead) and strict (a template
// naming a field the model lacks is a bug, not an empty string).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { alignTable, codeCell, codeSpan, escapeCell, escapeInline, headingLine, markdownCell } from './markdown.js';
import type { ReportModel } from './model.js';
import { checkDocument } from './check/consistency.js';
import { formatDuration, formatDurationRange, formatList, formatNumber, type DurationStyle } from './format.js';
import { allPrecompiled, compileTemplate, handlebarsCompiler, handlebarsRuntime, type TemplateSource } from './precompiled.js';

export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;
const MISSING = '—';

type Env = typeof Handlebars;
export interface TemplateEnvironment {
  handlebars: Env;
  templates: Map<string, Handlebars.TemplateDelegate>;
}
let env: TemplateEnvironment | null = null;

/** Renders the model's template, then checks the document against its findings (src/report/check/). */
export function renderReport(model: ReportModel): string {
  const markdown = renderTemplate(model.template, model);
  checkDocument(model, markdown);
  return markdown;
}

/** Renders templates/<name>.md.hbs with `data`. */
export function renderTemplate(name: string, data: unknown, environment: TemplateEnvironment = defaultEnvironment()): string {
  const template = environment.templates.get(name);
  if (!template) throw new Error(`no template ${name}.md.hbs in ${templatesDir}`);
  return tidy(template(data));
}

function defaultEnvironment(): TemplateEnvironment {
  env ??= templateEnvironment();
  return env;
}

/** Helpers, partials and templates; compiled at build time where `precompiledFile` has them. */
export function templateEnvironment(precompiledFile?: string): TemplateEnvironment {
  const sources = templateSources();
  // The compiler's modules load only when some template needs compiling (tsx from src/, a template edited since the build).
  const handlebars = (allPrecompiled(sources, COMPILE_OPTIONS, precompiledFile) ? handlebarsRuntime : handlebarsCompiler()).create();
  registerHelpers(handlebars);
  const templates = new Map<string, Handlebars.TemplateDelegate>();
  for (const template of sources) {
    const compiled = compileTemplate(handlebars, template, COMPILE_OPTIONS, precompiledFile);
    if (template.name.startsWith('partials/')) handlebars.registerPartial(template.name.slice('partials/'.length), compiled);
    else templates.set(template.name, compiled);
  }
  return { handlebars, templates };
}

/** Every template and partial, partials first: "partials/NAME" and "NAME" for NAME.md.hbs. */
export function templateSources(): TemplateSource[] {
  const read = (folder: string, prefix: string) =>
    readdirSync(folder)
      .sort()
      .filter((file) => file.endsWith('.md.hbs'))
      .map((file) => ({ name: prefix + file.slice(0, -'.md.hbs'.length), source: readFileSync(path.join(folder, file), 'utf8') }));
  return [...read(path.join(templatesDir, 'partials'), 'partials/'), ...read(templatesDir, '')];
}

/** The build step's call (scripts/precompile-templates.mjs). */
export const templateCompileOptions = COMPILE_OPTIONS;

const isMissing = (value: unknown) => value === null || value === undefined;

function registerHelpers(h: Env): void {
  // Untrusted text: runtime names, labels, action names.
  h.registerHelper('text', (value: unknown) => escapeInline(String(value)));
  h.registerHelper('cell', (value: unknown) => (isMissing(value) ? MISSING : escapeCell(String(value))));
  h.registerHelper('code', (value: unknown) => codeSpan(String(value)));
  h.registerHelper('codeCell', (value: unknown) => codeCell(String(value)));
  h.registerHelper('line', (value: unknown) => headingLine(String(value)));
  h.registerHelper('markdownCell', (value: unknown) => markdownCell(String(value)));
  // Numbers, already rounded by the model; "—" where there is none.
  h.registerHelper('num', (value: unknown) => (typeof value === 'number' ? formatNumber(value) : MISSING));
  h.registerHelper('ms', (value: unknown) => (typeof value === 'number' ? `${formatNumber(value)} ms` : MISSING));
  // Times in ms below a second, in seconds above: {{dur x.ms}}, {{dur x.ms "long"}}, {{durRange lo.ms hi.ms}}.
  h.registerHelper('dur', (value: unknown, ...rest: unknown[]) => {
    const style = typeof rest[0] === 'string' ? (rest[0] as DurationStyle) : 'short';
    const unitMs = typeof rest[1] === 'number' ? rest[1] : undefined;
    return typeof value === 'number' ? formatDuration(value, style, unitMs) : MISSING;
  });
  h.registerHelper('durRange', (low: unknown, high: unknown) =>
    typeof low === 'number' && typeof high === 'number' ? formatDurationRange(low, high) : MISSING,
  );
  // A ratio as "17.6×", always with its one decimal ("4.0×", not "4×").
  h.registerHelper('times', (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}×` : MISSING));
  h.registerHelper('fixed', (value: unknown, digits: unknown) =>
    typeof value === 'number' ? value.toFixed(Number(digits)) : MISSING,
  );
  // "p = 0.0079" at 4 decimals; below that, "p < 0.0001".
  h.registerHelper('pvalue', (value: unknown) =>
    typeof value !== 'number' ? MISSING : value < 0.0001 ? 'p < 0.0001' : `p = ${formatNumber(Number(value.toFixed(4)))}`,
  );
  // A slope or difference with its sign: "+404.2", "−165.5" (a real minus sign), "0".
  h.registerHelper('signed', (value: unknown) =>
    typeof value !== 'number' ? MISSING : value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : '0',
  );
  h.registerHelper('present', (value: unknown) => !isMissing(value));
  h.registerHelper('list', (values: unknown) => formatList((values as Array<string | number>).map(String)));
  h.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  h.registerHelper('and', (a: unknown, b: unknown) => Boolean(a) && Boolean(b));
  h.registerHelper('not', (a: unknown) => !a);
  h.registerHelper('inc', (n: unknown) => Number(n) + 1);
  // {{#bold words.bold}}…{{/bold}}: the text in bold when the rule that licenses it holds, else plain.
  h.registerHelper('bold', function (this: unknown, on: unknown, options: Handlebars.HelperOptions) {
    const inner = options.fn(this);
    return on === true ? `**${inner}**` : inner;
  });
  // {{#table}}…{{/table}}: pads the rows inside to the seed's aligned layout.
  h.registerHelper('table', function (this: unknown, options: Handlebars.HelperOptions) {
    return `${alignTable(options.fn(this))}\n`;
  });
}

/** One blank line between blocks, no trailing spaces, one final newline: stable bytes. */
export function tidy(markdown: string): string {
  return `${markdown
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
