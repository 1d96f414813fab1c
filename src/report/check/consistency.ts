// The consistency check (issue 11): after rendering, a second pass that trusts nothing the
// templates decided. It reads the Markdown back and holds it against the model's findings and the
// figures of its own tables: one runtime preferred per question, headings that the test table
// bears out (labels compared as the document escapes them), "only" that is not "everywhere", ranges with two ends, claims that match their table.
import { CliError } from '../../errors.js';
import { escapeInline } from '../markdown.js';
import type { ReportModel } from '../model.js';
import * as msg from './messages.js';
import * as claims from './claims.js';
import * as structure from './structure.js';
import { tablesOf } from './tables.js';
import * as wording from './wording.js';

export class ContradictionError extends CliError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'ContradictionError';
  }
}

/** A rule of the check: its name, and whether a contradiction it finds fails the render yet. */
export interface Rule {
  id: string;
  find: (model: ReportModel, markdown: string) => string[];
  /**
   * false: found and reported (findContradictions, the corpus test) but not yet failing the render,
   * because main's prose still breaks it (issue 11: the prose is rewritten in parallel); the
   * integrator sets it true when that prose is merged.
   */
  enforced: boolean;
}

export const RULES: readonly Rule[] = [
  { id: 'preferred-twice', find: preferences, enforced: true },
  { id: 'recommended-twice', find: wording.recommendations, enforced: true },
  { id: 'recommended-from-one-run', find: wording.oneRunRecommendation, enforced: true },
  { id: 'heading-against-tests', find: (_m, md) => headings(md), enforced: true },
  { id: 'heading-without-test', find: wording.favouringHeadings, enforced: true },
  { id: 'only-is-every-level', find: (_m, md) => onlyLists(md), enforced: true },
  { id: 'several-levels-word', find: wording.levelWords, enforced: true },
  { id: 'several-steps-word', find: wording.stepWords, enforced: true },
  { id: 'equal-range', find: (_m, md) => wording.equalRanges(md), enforced: true },
  { id: 'claim-against-table', find: (m, md) => [...upTo(m, md), ...claims.delivers(m, md), ...claims.largestDifference(m, md), ...claims.waitTimes(md)], enforced: true },
  { id: 'significance-against-p', find: (_m, md) => wording.significanceInTables(md), enforced: true },
  { id: 'significant-without-test', find: wording.significanceInProse, enforced: true },
  { id: 'bold-without-test', find: wording.boldFactors, enforced: true },
  { id: 'empty-section', find: (_m, md) => structure.emptySections(md), enforced: true },
  { id: 'duplicate-heading', find: (_m, md) => structure.duplicateHeadings(md), enforced: true },
  { id: 'empty-table', find: (_m, md) => structure.emptyTables(md), enforced: true },
  { id: 'one-observation', find: observations, enforced: true },
  { id: 'apache-on-embedded', find: wording.target, enforced: true },
];

export interface Contradiction {
  rule: string;
  enforced: boolean;
  message: string;
}

/** Every contradiction every rule finds, enforced or not. */
export function findContradictions(model: ReportModel, markdown: string): Contradiction[] {
  return RULES.flatMap((rule) => rule.find(model, markdown).map((message) => ({ rule: rule.id, enforced: rule.enforced, message })));
}

/** The contradictions that fail a render; none for a consistent document. */
export function contradictionsOf(model: ReportModel, markdown: string): string[] {
  return findContradictions(model, markdown).filter((c) => c.enforced).map((c) => c.message);
}

export function checkDocument(model: ReportModel, markdown: string): void {
  const problems = contradictionsOf(model, markdown);
  if (problems.length > 0) throw new ContradictionError(msg.contradictions(model.title, problems));
}

function preferences(model: ReportModel, markdown: string): string[] {
  const named = [...markdown.matchAll(/\*\*Prefer ((?:\\.|[^*])+)\*\*|prefer \*\*((?:\\.|[^*])+)\*\*/g)].map((m) => m[1] ?? m[2]);
  const distinct = [...new Set(named)];
  const recommended = new Set(model.findings.questions.flatMap((q) => (q.recommendation ? [escapeInline(q.recommendation.runtime.label)] : [])));
  const out: string[] = [];
  if (distinct.length > Math.max(1, recommended.size)) out.push(msg.preferredTwice(distinct));
  if (model.findings.unit !== null) {
    for (const runtime of distinct) if (!recommended.has(runtime)) out.push(msg.preferredWithoutFinding(runtime));
  }
  return out;
}

/**
 * "### ✅ X: Faster Than Y [Over Cold Starts|Over Warm Activations] at Every Level|at Concurrency N,
 * Significantly": every total-time test row of X against Y, of the part and level the heading names,
 * must be significant and in X's favour (the heading as sweep-insight.md.hbs writes it).
 */
function headings(markdown: string): string[] {
  const out: string[] = [];
  const tables = tablesOf(markdown).filter((t) => t.header[1] === 'Component');
  const pattern = /^### ✅ (.+): Faster Than (.+?)(?: Over (Cold Starts|Warm Activations))? at (?:Every Level|Concurrency (\S+)), Significantly(?: in This Run)?$/gm;
  for (const m of markdown.matchAll(pattern)) {
    const [, runtime, other, partName, level] = m;
    const part = partName === undefined ? null : partName === 'Cold Starts' ? 'cold' : 'warm';
    const rows = tables.flatMap((t) => {
      const [candidate, baseline] = t.header[2].split(' vs ');
      if (!((candidate === runtime && baseline === other) || (candidate === other && baseline === runtime))) return [];
      const direction = candidate === runtime ? 'faster' : 'slower';
      return t.rows.filter((r) => /^Total/.test(r[1]) && (part === null || r[1].includes(`, ${part} (`)) && (level === undefined || r[0] === level))
        .map((r) => ({ r, direction }));
    });
    const against = rows.filter(({ r, direction }) => !((r[4] ?? '').includes('**significant**') && (r[2] ?? '').endsWith(direction)));
    if (rows.length === 0 || against.length > 0) out.push(msg.headingAgainstTests(m[0].slice(4), rows.length === 0 ? null : against.length));
  }
  return out;
}

function onlyLists(markdown: string): string[] {
  const tested = new Set(tablesOf(markdown).filter((t) => t.header[1] === 'Component').flatMap((t) => t.rows.map((r) => r[0])));
  const out: string[] = [];
  for (const m of markdown.matchAll(/significant at concurrency ([\d, and]+) only/g)) {
    const listed = m[1].split(/, | and /).map((s) => s.trim()).filter(Boolean);
    if (tested.size > 0 && listed.length === tested.size && listed.every((l) => tested.has(l))) out.push(msg.onlyIsEveryLevel(m[0]));
  }
  return out;
}

/** "up to F× faster** in R, at concurrency L": F is the other runtime's avg_total over R's at L, as the table shows them. */
function upTo(model: ReportModel, markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/up to (\d+(?:\.\d+)?)× faster\*\* in (.+?), at concurrency (\d+)/g)) {
    const level = Number(m[3]);
    const at = model.groups.filter((g) => g.concurrency === level && g.avg_total !== null);
    const fast = at.find((g) => escapeInline(g.label) === m[2]);
    const others = at.filter((g) => g !== fast);
    if (!fast || others.length === 0) { out.push(msg.claimAgainstTable(m[0], 'no such runtime at that level')); continue; }
    const ratios = others.map((g) => Math.round(((g.avg_total as number) / (fast.avg_total as number)) * 10) / 10);
    if (!ratios.includes(Number(m[1]))) out.push(msg.claimAgainstTable(m[0], ratios.map((r) => `${r}×`).join(', ')));
  }
  return out;
}

function observations(model: ReportModel, markdown: string): string[] {
  if (!/every figure is one observation/.test(markdown)) return [];
  const biggest = Math.max(0, ...model.groups.filter((g) => g.from === 'activations').map((g) => g.count));
  return biggest > 1 ? [msg.oneObservation(biggest)] : [];
}
