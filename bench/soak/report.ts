// The soak's figures from its samples: counts by outcome and mode, and p50/p99 latency per time
// bucket (numpy's linear percentiles, through d3-array), then the Markdown the soak prints.
import { quantile } from 'd3-array';
import type { Outcome, Sample } from './workload.js';

export interface Bucket {
  /** Bucket start, s since the soak started. */
  fromS: number;
  requests: number;
  errors: number;
  p50Ms: number | null;
  p99Ms: number | null;
  rssMb: number | null;
}

export interface SoakReport {
  seconds: number;
  concurrency: number;
  requests: number;
  byOutcome: Partial<Record<Outcome, number>>;
  byMode: Record<string, { requests: number; p50Ms: number | null; p99Ms: number | null }>;
  /** Activation ids the API handed out; each must be found by GET /activations/{id}. */
  acknowledged: number;
  lost: number;
  /** The same check after the server was killed with SIGKILL and restarted on its data folder. */
  lostAfterRestart: number;
  rss: { startMb: number; endMb: number; maxMb: number };
  /** The machine's 1-minute load average at start and end: latency drifts with other work on it. */
  load: { start: number; end: number; cores: number };
  store: { records: number; segments: number; bytes: number } | null;
  /** Lines of stack traces the server printed on stderr (must be 0). */
  stackLines: number;
  buckets: Bucket[];
  others: string[];
}

const ERROR_FREE: ReadonlySet<Outcome> = new Set<Outcome>(['ok', 'accepted (202)']);

export function latency(samples: Sample[]): { p50Ms: number | null; p99Ms: number | null } {
  // Latency of answered invokes only: a 429 or a dropped connection says nothing about serving time.
  const ms = samples.filter((s) => s.outcome === 'ok').map((s) => s.latencyMs).sort((a, b) => a - b);
  if (ms.length === 0) return { p50Ms: null, p99Ms: null };
  return { p50Ms: quantile(ms, 0.5)!, p99Ms: quantile(ms, 0.99)! };
}

export function buckets(samples: Sample[], bucketMs: number, rss: Array<{ at: number; mb: number }>, totalMs: number): Bucket[] {
  const out: Bucket[] = [];
  for (let from = 0; from < totalMs; from += bucketMs) {
    const inside = samples.filter((s) => s.at >= from && s.at < from + bucketMs);
    const memory = rss.filter((r) => r.at >= from && r.at < from + bucketMs).map((r) => r.mb);
    out.push({
      fromS: from / 1000,
      requests: inside.length,
      errors: inside.filter((s) => !ERROR_FREE.has(s.outcome)).length,
      ...latency(inside),
      rssMb: memory.length ? memory[memory.length - 1]! : null,
    });
  }
  return out;
}

export function count<T extends string>(values: T[]): Partial<Record<T, number>> {
  const out: Partial<Record<T, number>> = {};
  for (const value of values) out[value] = (out[value] ?? 0) + 1;
  return out;
}

const fmt = (x: number | null, digits = 1) => (x === null ? '–' : x.toFixed(digits));

export function markdown(report: SoakReport): string {
  const lines = [
    `# Soak: ${report.seconds} s, concurrency ${report.concurrency}`,
    '',
    `- requests: ${report.requests}; acknowledged activations: ${report.acknowledged}`,
    `- records lost: ${report.lost}; after SIGKILL and restart: ${report.lostAfterRestart}`,
    `- server RSS: ${fmt(report.rss.startMb)} MB at start, ${fmt(report.rss.endMb)} MB at end (max ${fmt(report.rss.maxMb)} MB)`,
    `- machine load (1 min average): ${fmt(report.load.start, 2)} at start, ${fmt(report.load.end, 2)} at end, on ${report.load.cores} cores`,
    `- store: ${report.store ? `${report.store.records} records, ${report.store.segments} segments, ${fmt(report.store.bytes / 2 ** 20)} MB` : '–'}`,
    `- stack-trace lines on the server's stderr: ${report.stackLines}`,
    '',
    '| outcome | count |',
    '| --- | ---: |',
    ...Object.entries(report.byOutcome).map(([outcome, n]) => `| ${outcome} | ${n} |`),
    '',
    '| mode | requests | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(report.byMode).map(([mode, m]) => `| ${mode} | ${m.requests} | ${fmt(m.p50Ms)} | ${fmt(m.p99Ms)} |`),
    '',
    '| from s | requests | errors | p50 ms | p99 ms | RSS MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.buckets.map((b) => `| ${b.fromS} | ${b.requests} | ${b.errors} | ${fmt(b.p50Ms)} | ${fmt(b.p99Ms)} | ${fmt(b.rssMb)} |`),
    ...(report.others.length ? ['', 'Unclassified answers:', ...report.others.map((o) => `- ${o}`)] : []),
    '',
  ];
  return lines.join('\n');
}
