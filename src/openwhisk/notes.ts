// The run's own account for its document: how the experiment ran, and how clean the data is
// (what was throttled, retried, lost, and which planned cold starts ran warm). Computed from the
// run log alone, so `owbench run --report` and `owbench docs` write the same bytes.
import { planBatches } from './plan.js';
import type { RunLogState } from './runlog.js';
import { summarize } from './summary.js';
import { isolationNote } from './isolation-note.js';

/** Backslash-escapes Markdown's inline specials in a name from the log. */
function inline(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (match) => `\\${match}`).replace(/\s+/g, ' ');
}

export function runNotes(state: RunLogState): string {
  const { header } = state;
  const spec = header.experiment;
  const s = summarize('', state, planBatches(spec), 0);
  const o = s.outcomes;
  const levels = spec.concurrency.length > 1 ? `concurrency ${spec.concurrency.join(', ')}` : `concurrency ${spec.concurrency[0]}`;
  const order = spec.order === 'interleaved' ? `interleaved (seed ${spec.seed})` : 'sequential';
  const target = header.target.embedded ? 'the embedded OpenWhisk' : `OpenWhisk at ${inline(header.target.apihost)}`;
  const lookedUp = [...state.trials.values()].filter((line) => line.via === 'lookup' || line.via === 'resume-lookup').length;
  const lines = [
    '## 🧾 How the run went',
    '',
    `- Experiment **${inline(spec.name)}**: ${spec.runtimes.length} runtimes × ${levels} × ${spec.repetitions} repetitions, cold starts by **${spec.cold}**, order ${order}${spec.arrivalRate ? `, open loop at ${spec.arrivalRate} invocations/s` : ''}.`,
    `- Target: ${target}; driver owbench ${inline(header.tool.owbench ?? '?')} with the openwhisk client ${inline(header.tool.openwhisk ?? '?')}.`,
    `- Trials: ${s.planned} planned, ${s.logged} logged, ${s.withRecord} with their activation record. Outcomes: ok ${o.ok}, error ${o.error}, throttled ${o.throttled}, timeout ${o.timeout}, lost ${o.lost}.`,
    s.retried
      ? `- Throttling: ${s.retried} trials were refused (429 or 5xx) and sent again after ${(s.backoffMs / 1000).toFixed(1)} s of backoff in total; their latency includes the wait.`
      : '- Throttling: no invocation was refused.',
  ];
  if (s.plannedCold) {
    lines.push(
      s.coldImpure
        ? `- ⚠️ Cold purity: ${s.coldImpure} of ${s.plannedCold} trials meant to be cold ran warm (no \`initTime\`); they are counted as warm.`
        : `- Cold purity: all ${s.plannedCold} trials meant to be cold were cold (each record has \`initTime\`).`,
    );
  }
  const isolation = isolationNote(state);
  if (isolation) lines.push(isolation);
  if (lookedUp) lines.push(`- ${lookedUp} invocations whose reply was lost were found by looking their activation up, not sent again.`);
  return lines.join('\n') + '\n';
}

/** Inserts the notes before the provenance block (or at the end). */
export function withRunNotes(markdown: string, notes: string): string {
  const at = markdown.indexOf('\n## Provenance');
  if (at < 0) return `${markdown.trimEnd()}\n\n${notes}`;
  return `${markdown.slice(0, at + 1)}${notes}\n---\n\n${markdown.slice(at + 1)}`;
}
