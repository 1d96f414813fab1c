// Why flat records are checked by hand: times flatRow() against a zod schema of the same checks
// over the same parsed records. Usage: tsx test/ingest/bench/zod-vs-hand.ts FLAT.json
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { flatRow } from '../../../src/ingest/flat.js';
import type { FileContext } from '../../../src/ingest/problem.js';
import { STATUSES } from '../../../src/types.js';

const records = JSON.parse(readFileSync(process.argv[2], 'utf8')) as unknown[];
const ctx: FileContext = { file: 'bench', source: 0, skipInvalid: false, warnings: [] };
const time = (nonNegative = z.number().finite().min(0).nullish()) => nonNegative;
const schema = z.object({
  kind: z.string().nullish(), runtime: z.string().nullish(), action: z.string().nullish(),
  memory: z.number().finite().nullish(), concurrency: z.number().int().min(1),
  repetition: z.number().finite().nullish(), activationId: z.string().nullish(),
  start: z.number().finite().nullish(), end: z.number().finite().nullish(),
  waitTime: time(), initTime: time(), duration: time(), client_ms: time(),
  status: z.enum(STATUSES as [string, ...string[]]).optional(), label: z.string().nullish(), confidence: z.number().finite().nullish(),
});

function measure(name: string, run: () => number): void {
  run(); // warm up
  const started = performance.now();
  const n = run();
  console.log(`${name}: ${(performance.now() - started).toFixed(0)} ms for ${n} records`);
}

measure('hand-written checks + row (flatRow)', () => {
  let n = 0;
  for (const record of records) n += flatRow(record, ctx).concurrency > 0 ? 1 : 0;
  return n;
});
measure('zod safeParse only (no row built)', () => {
  let n = 0;
  for (const record of records) n += schema.safeParse(record).success ? 1 : 0;
  return n;
});
