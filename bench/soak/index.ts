// `npx tsx bench/soak/index.ts [--minutes 10] [--seconds S] [--seed N] [--json FILE]`: the soak
// (issue 15 item 8). Prints its figures as Markdown; exits 1 when a record was lost, the server
// printed a stack, or an answer fell in no class.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { markdown } from './report.js';
import { runSoak } from './soak.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seconds: { type: 'string' },
    seed: { type: 'string', default: '15' },
    json: { type: 'string' },
  },
});
const seconds = values.seconds !== undefined ? Number(values.seconds) : Number(values.minutes) * 60;
if (!Number.isFinite(seconds) || seconds <= 0) {
  process.stderr.write('soak: --minutes and --seconds take a positive number\n');
  process.exit(2);
}
const report = await runSoak({
  durationMs: seconds * 1000,
  bucketMs: seconds >= 180 ? 60_000 : 10_000,
  seed: Number(values.seed),
  log: (line) => process.stderr.write(`soak: ${line}\n`),
});
process.stdout.write(markdown(report));
if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
const failed = report.lost > 0 || report.lostAfterRestart > 0 || report.stackLines > 0 || (report.byOutcome.other ?? 0) > 0;
process.exit(failed ? 1 : 0);
