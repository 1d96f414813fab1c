// Rules of the consistency check on what the prose says (issue 11): words that need several levels,
// headings and "significant" against the tests, one recommendation, ranges with two ends, and the
// target named as the run log records it. Each reads the Markdown back and trusts no template.
import { escapeInline } from '../markdown.js';
import type { ReportModel } from '../model.js';
import * as msg from './messages.js';
import { tablesOf } from './tables.js';

/** Lines that are prose: no table rows, no code fences' contents. */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (line.startsWith('```')) { fenced = !fenced; return false; }
    return !fenced && !line.startsWith('|');
  });
}

function sentencesOf(markdown: string): string[] {
  return proseLines(markdown).flatMap((line) => line.split(/(?<=[.!?;:])\s+/)).filter((s) => s.trim() !== '');
}

const NEGATED = /\b(?:not|no|neither|nor|never|none|without|only where)\b/i;

/** "at every level", "consistently", "up to" describe several levels: with one, they say more than the data. */
export function levelWords(model: ReportModel, markdown: string): string[] {
  if (model.levels.length > 1) return [];
  const words = new Set<string>();
  for (const line of proseLines(markdown)) for (const m of line.matchAll(/\bat every level\b|\bconsistently\b|\bup to\b/gi)) words.add(m[0].toLowerCase());
  return [...words].map((w) => msg.severalLevelsWord(w, model.levels.length));
}

/** "at every step" needs two steps or more: three levels. */
export function stepWords(model: ReportModel, markdown: string): string[] {
  if (model.levels.length > 2) return [];
  const said = proseLines(markdown).some((line) => /\bat every step\b/i.test(line.replace(/\bnot at every step\b/gi, '')));
  return said ? [msg.severalLevelsWord('at every step', model.levels.length)] : [];
}

/** A ✅ or "faster" heading favours a runtime: some test must be significant in its favour. */
export function favouringHeadings(model: ReportModel, markdown: string): string[] {
  const labels = model.runtimes.map((r) => ({ id: r.id, shown: escapeInline(r.label) }));
  const out: string[] = [];
  for (const m of markdown.matchAll(/^#{2,4} (.+)$/gm)) {
    const heading = m[1];
    if (!/✅|\bfaster\b/i.test(heading) || NEGATED.test(heading)) continue;
    const named = labels.map((l) => ({ ...l, at: heading.indexOf(l.shown) })).filter((l) => l.at >= 0).sort((a, b) => a.at - b.at);
    if (named.length === 0) continue;
    const favoured = named[0].id;
    const backed = model.statistics.rows.some((r) => r.test?.significant === true &&
      ((r.candidate.id === favoured && r.direction === 'faster') || (r.baseline.id === favoured && r.direction === 'slower')));
    if (!backed) out.push(msg.headingWithoutTest(m[0], named[0].shown));
  }
  return out;
}

/** At most one runtime recommended, preferred or called the default choice. */
export function recommendations(model: ReportModel, markdown: string): string[] {
  const labels = model.runtimes.map((r) => escapeInline(r.label));
  const named = new Set<string>();
  for (const sentence of sentencesOf(markdown)) {
    if (!/\brecommend|\bprefer|default choice/i.test(sentence) || NEGATED.test(sentence)) continue;
    for (const m of sentence.matchAll(/\*\*((?:\\.|[^*])+)\*\*/g)) {
      const inner = m[1].replace(/^(?:Prefer|Use|Choose)\s+/i, '');
      if (labels.includes(inner)) named.add(inner);
    }
  }
  return named.size > 1 ? [msg.recommendedTwice([...named])] : [];
}

/**
 * With one run per cell a runtime cannot be told from its run: a recommendation ("**Prefer X**",
 * "the better choice", "default choice") reaches beyond what the document's tests describe.
 */
export function oneRunRecommendation(model: ReportModel, markdown: string): string[] {
  if (model.findings.unit?.unit !== 'activation') return [];
  return sentencesOf(markdown)
    .filter((s) => /\*\*Prefer |prefer \*\*|\bthe better choice\b|\bdefault choice\b/i.test(s) && !NEGATED.test(s))
    .map((s) => msg.recommendedFromOneRun(s.trim()));
}

/** "473.85–473.85 ms", "26.2× to 26.2×", "2.5–2.5×": a range whose ends are equal is one value. */
export function equalRanges(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/(?<![\d.])(?<!concurrency )(?<!level )(\d+(?:\.\d+)?)\s?(ms|s|×)?(?:–| to )(\d+(?:\.\d+)?)(?![\d.])\s?(ms|s|×)?/g)) {
    if (Number(m[1]) === Number(m[3]) && (m[2] === undefined || m[4] === undefined || m[2] === m[4])) out.push(msg.sameEnds(m[0].trim()));
  }
  return out;
}

/** A test-table row's verdict against its own p: "significant" needs p < 0.05, p < 0.05 calls it so. */
export function significanceInTables(markdown: string): string[] {
  const out: string[] = [];
  for (const table of tablesOf(markdown)) {
    for (const row of table.rows) {
      for (const cell of row) {
        const p = /p = (< )?(\d+(?:\.\d+)?)/.exec(cell);
        if (!p || !/significant/.test(cell)) continue;
        const value = p[1] ? 0 : Number(p[2]);
        const says = !/not significant/.test(cell);
        if (says !== value < 0.05) out.push(msg.significanceAgainstP(cell, row[0]));
      }
    }
  }
  return out;
}

/** "significant" in the prose while no test of the document is. */
export function significanceInProse(model: ReportModel, markdown: string): string[] {
  if (model.statistics.rows.some((r) => r.test?.significant === true)) return [];
  const claims = sentencesOf(markdown).filter((s) => /\bsignificant(?:ly)?\b/i.test(s) && !NEGATED.test(s) && !/called significant|insignificant/i.test(s));
  return claims.length > 0 ? [msg.significantWithoutTest(claims[0].trim())] : [];
}

/** A sweep's factor in bold ("**1.5× lower**") where no test of the document is significant (findings/words/bold.ts). */
export function boldFactors(model: ReportModel, markdown: string): string[] {
  if (model.template !== 'sweep' || model.statistics.rows.some((r) => r.test?.significant === true)) return [];
  const bold = markdown.match(/\*\*[^*\n]*\d×[^*\n]*\blower\b[^*\n]*\*\*/);
  return bold === null ? [] : [msg.boldWithoutTest(bold[0])];
}

/** "Apache OpenWhisk" (other than "not Apache OpenWhisk") where every run log says owbench's embedded server. */
export function target(model: ReportModel, markdown: string): string[] {
  if (model.settings.length === 0 || !model.settings.every((s) => s.embedded)) return [];
  const named = [...markdown.matchAll(/(?<!not |not on |no )Apache OpenWhisk/g)];
  return named.length > 0 ? [msg.apacheOnEmbedded(named.length)] : [];
}
