import assert from 'node:assert/strict';
import { buildReportModel } from '../../../src/report/build.js';
import { sweepClaims, type SweepClaims } from '../../../src/report/claims/sweep.js';
import { reportGroups } from '../../../src/report/groups.js';
import { aggregate, analyzed, row, tableOf } from '../tables.js';
import { analyze } from '../../../src/analyze/index.js';
import { ingestText } from '../../../src/ingest/index.js';
import { renderReport } from '../../../src/report/render.js';
import { contradictionsOf } from '../../../src/report/check/consistency.js';
import { records, type Shape } from '../corpus/generate.js';

function sweep(totals: Record<string, Array<[number, number, number?]>>, baseline: string): SweepClaims {
  // [concurrency, avg_total, avg_init?] per runtime, as aggregate rows (one run per level).
  const rows = Object.entries(totals).flatMap(([runtime, levels]) =>
    levels.map(([concurrency, total, init]) =>
      aggregate(runtime, concurrency, { avg_total: total, avg_duration: total - 10, max_wait: 10 * concurrency, avg_init: init ?? 100 })),
  );
  return buildReportModel(...analyzed(tableOf([], rows), baseline), { template: 'sweep', baseline }).claims as SweepClaims;
}

describe('report/claims/sweep', () => {
  it('names one winner only when it is faster at every shared level; "up to" is the real maximum', () => {
    const claims = sweep({ slow: [[1, 1000], [2, 3000], [3, 2000]], fast: [[1, 400], [2, 500], [3, 900], [4, 100]] }, 'slow');
    const total = claims.comparisons[0].total;
    assert.equal(total?.winner?.id, 'fast');
    assert.deepEqual([total?.max.concurrency, total?.max.factor], [2, 6]);
    assert.deepEqual([total?.min.concurrency, total?.min.factor], [3, 2.2]);
    // Pre-aggregated rows: no test, so "up to" (a description) but never "order of magnitude".
    assert.equal(claims.comparisons[0].words.up_to, true);
    assert.equal(claims.comparisons[0].words.order_of_magnitude, false);
    assert.equal(claims.comparisons[0].words.bold, false);
    assert.equal(claims.comparisons[0].tests.tested, false);
    assert.deepEqual(claims.missing.map((m) => [m.runtime.id, m.levels]), [['slow', [4]]]);
  });

  it('"at least" is rounded down, so that it stays true (1.47 is at least 1.4×, not 1.5×)', () => {
    // Level 1: 1470 / 1000 = 1.47; level 2: 3000 / 1000 = 3.
    const rows = [aggregate('slow', 1, { avg_total: 1470, avg_duration: 1460, max_wait: 10, avg_init: 100 }), aggregate('slow', 2, { avg_total: 3000, avg_duration: 2990, max_wait: 20, avg_init: 100 }),
      aggregate('fast', 1, { avg_total: 1000, avg_duration: 990, max_wait: 10, avg_init: 100 }), aggregate('fast', 2, { avg_total: 1000, avg_duration: 990, max_wait: 20, avg_init: 100 })];
    const model = buildReportModel(...analyzed(tableOf([], rows), 'slow'), { template: 'sweep', baseline: 'slow' });
    const markdown = renderReport(model);
    assert.match(markdown, /: up to 3\.0× lower, at least 1\.4×/);
    // The conclusion's range has the same two ends, not "1.5× to 3.0×" beside "at least 1.4×".
    // No test on pre-aggregated rows: the factors are stated, not stressed (findings/words/bold.ts).
    assert.match(markdown, / 1\.4× to 3\.0× lower mean total time than/);
    assert.doesNotMatch(markdown, /\*\*[^*\n]*\d×[^*\n]*lower[^*\n]*\*\*/);
    assert.doesNotMatch(markdown, /1\.5× to/);
    assert.deepEqual(contradictionsOf(model, markdown), []);
  });

  it('gives one factor, not a range, when the two ends print alike or there is one level', () => {
    // 1.74 and 1.72: at least 1.7×, largest 1.7×.
    const alike = sweep({ slow: [[1, 1740], [2, 1720]], fast: [[1, 1000], [2, 1000]] }, 'slow').comparisons[0].words;
    assert.deepEqual([alike.up_to, alike.total_range], [false, false]);
    // One level, 1.65: "1.7×" (nearest), never "1.6× to 1.7×".
    const one = sweep({ slow: [[1, 1650]], fast: [[1, 1000]] }, 'slow').comparisons[0].words;
    assert.deepEqual([one.up_to, one.total_range], [false, false]);
    // 1.65 and 1.66 print alike (1.7×) but are at least 1.6×: a range, "1.6× to 1.7×".
    const ends = sweep({ slow: [[1, 1650], [2, 1660]], fast: [[1, 1000], [2, 1000]] }, 'slow').comparisons[0].words;
    assert.deepEqual([ends.up_to, ends.total_range], [true, true]);
  });

  it('is mixed when each runtime wins somewhere, and recommends nothing', () => {
    const claims = sweep({ a: [[1, 1000], [2, 3000]], b: [[1, 2000], [2, 1000]] }, 'a');
    const comparison = claims.comparisons[0];
    assert.equal(comparison.total?.winner, null);
    assert.deepEqual(comparison.total?.wins.map((w) => [w.runtime.id, w.levels]), [['a', [1]], ['b', [2]]]);
    assert.deepEqual(comparison.recommend.items, []);
  });

  it('treats a difference under 10% as a tie: no winner', () => {
    const claims = sweep({ a: [[1, 1000], [2, 1000]], b: [[1, 950], [2, 500]] }, 'a');
    assert.equal(claims.comparisons[0].total?.winner, null);
    assert.deepEqual(claims.comparisons[0].total?.ties, [1]);
  });

  it('trends need a 20% change; monotone only when every step agrees', () => {
    const claims = sweep({ a: [[1, 1000], [2, 1100], [3, 1150]], b: [[1, 1000], [2, 1300], [3, 1600]], c: [[1, 1000], [2, 700], [3, 800]] }, 'a');
    const direction = (id: string) => claims.trends.find((t) => t.runtime.id === id)?.total;
    assert.equal(direction('a')?.direction, 'flat');
    assert.deepEqual([direction('b')?.direction, direction('b')?.monotone, direction('b')?.factor], ['rises', true, 1.6]);
    assert.deepEqual([direction('c')?.direction, direction('c')?.monotone, direction('c')?.change_percent], ['falls', false, 20]);
  });

  it('degrade names the first level whose total reaches 2× the first level\'s; the document drops it when no test backs the preference', () => {
    const totals: Record<string, Array<[number, number]>> = { slow: [[1, 1000], [2, 1500], [3, 2100], [4, 5000]], fast: [[1, 100], [2, 100], [3, 100], [4, 100]] };
    const rows = Object.entries(totals).flatMap(([runtime, levels]) =>
      levels.map(([concurrency, total]) => aggregate(runtime, concurrency, { avg_total: total, avg_duration: total - 10, max_wait: 10 * concurrency, avg_init: 100 })));
    const [table, analysis] = analyzed(tableOf([], rows), 'slow');
    const runtimes = ['slow', 'fast'].map((id) => ({ id, label: id }));
    const ungated = sweepClaims(reportGroups(table, analysis), runtimes, runtimes[0], [1, 2, 3, 4]);
    assert.deepEqual(ungated.comparisons[0].recommend.degrade, { from_level: 3, base_level: 1, factor: 2.1 });
    const gated = sweep(totals, 'slow').comparisons[0].recommend;
    assert.deepEqual([gated.prefer, gated.degrade, gated.items], [false, null, []]);
  });

  it('has no caveat with four runs or more per level (where the trend interval over runs starts), one with three', () => {
    const three = [0, 1, 2].flatMap((repetition) => [
      row({ runtime: 'a', repetition, init_ms: 100, duration_ms: 1000, wait_ms: 5 }),
      row({ runtime: 'b', repetition, init_ms: 10, duration_ms: 200, wait_ms: 5 }),
    ]);
    assert.deepEqual((buildReportModel(...analyzed(tableOf(three))).claims as SweepClaims).few_runs, { holds: true, runs: 3, min: 4 });
    const rows = [0, 1, 2, 3].flatMap((repetition) => [
      row({ runtime: 'a', repetition, init_ms: 100, duration_ms: 1000, wait_ms: 5 }),
      row({ runtime: 'b', repetition, init_ms: 10, duration_ms: 200, wait_ms: 5 }),
    ]);
    const claims = buildReportModel(...analyzed(tableOf(rows))).claims as SweepClaims;
    assert.deepEqual(claims.few_runs, { holds: false, runs: 4, min: 4 });
  });
});

describe('report/claims/sweep: the words, on generated data whose shape meets or misses each rule (issue 11)', () => {
  const base = { runtimes: 2, levels: [1, 2, 3], runs: 6, perRun: 5, cold: 1, runEffect: 0.3, factor: 1 };
  function document(shape: Shape) {
    const table = ingestText(JSON.stringify(records(shape)), `corpus/${shape.name}.json`);
    const model = buildReportModel(table, analyze(table, { baseline: 'rt0' }));
    return { model, claims: model.claims as SweepClaims, markdown: renderReport(model) };
  }

  it('one level: a sweep written for one level, and the Provenance says why', () => {
    const { model, markdown } = document({ ...base, name: 'one-level', seed: 1, levels: [4] });
    assert.equal(model.template, 'sweep');
    assert.match(model.template_reason, /one concurrency level \(4\): the sweep text written for a single level/);
    assert.match(markdown, /^# 🧪 Cold Start Performance at Concurrency 4: rt1 vs rt0$/m);
    assert.match(markdown, /- Template: `sweep` \(cold starts at one concurrency level \(4\)/);
    for (const word of [/at every level/i, /up to/, /consistently/, /Across Concurrency/, /at any level/, /1 tests/]) assert.doesNotMatch(markdown, word);
    assert.equal((markdown.match(/^## 🔍 Key Insights$/gm) ?? []).length, 1);
    // Not significant (6 vs 6 runs, p = 0.12): a neutral heading and a described, untested init.
    assert.match(markdown, /^### ⚖️ rt1 vs rt0$/m);
    assert.match(markdown, /rt1 had the lower mean init at concurrency 4 \(1\.3× lower; init is shown, not tested\)/);
    assert.match(markdown, /rt1 had 1\.3× lower mean total time than rt0 at concurrency 4, the one level measured\. The test does not show the difference beyond run-to-run noise\./);
  });

  it('a ✅ heading and "Prefer" only with significance at every level; several faster runtimes get no recommendation', () => {
    const { model, markdown } = document({ ...base, name: 'four-runtimes', seed: 3, runtimes: 4, factor: 3 });
    // The document tests the total time only: 9 tests, so 6 vs 6 runs (smallest p 2/924) can be significant.
    assert.equal(model.findings.unit?.family, 9);
    assert.equal(model.findings.unit?.attainable?.reachable, true);
    assert.equal((markdown.match(/^### ✅ rt\d: Faster Than rt0 at Every Level, Significantly$/gm) ?? []).length, 3);
    assert.equal(model.findings.recommended, null);
    assert.doesNotMatch(markdown, /\*\*Prefer|the better choice|default choice/);
    assert.match(markdown, /more than one runtime is faster than the baseline, and they were not compared with each other/);
    // init and execution are shown with intervals, not tested.
    assert.match(markdown, /\| 1 +\| Init, cold \(mean\) +\| [\d.]+× faster +\| [\d.]+–[\d.]+× +\| not tested +\|/);
  });

  it('no ✅ heading, no "at every level" claim of the test, where the test is not significant', () => {
    const { markdown } = document({ ...base, name: 'null', seed: 101 });
    assert.doesNotMatch(markdown, /^### ✅/m);
    assert.match(markdown, /Neither rt1 nor rt0 had the lower mean total time at every concurrency level, and no level shows a difference beyond noise\./);
    assert.doesNotMatch(markdown, /the choice depends on the expected load/);
  });

  it('mixed cold and warm: every ratio is over one part, and says which', () => {
    const { claims, markdown } = document({ ...base, name: 'mixed', seed: 6, cold: 0.3, factor: 2 });
    assert.deepEqual(claims.comparisons.map((c) => c.part), ['cold', 'warm']);
    assert.match(markdown, /^### ⚖️ rt1 vs rt0, Cold Starts$/m);
    assert.match(markdown, /^### ⚖️ rt1 vs rt0, Warm Activations$/m);
    // In bold only where the test finds it significant at every level: neither part here.
    assert.deepEqual(claims.comparisons.map((c) => [c.tests.everywhere, c.words.bold]), [[false, false], [false, false]]);
    assert.match(markdown, /\d× lower mean total time than rt0 over cold starts at each of the 3 concurrency levels/);
    assert.match(markdown, /\d× lower mean total time than rt0 over warm activations at each of the 3 concurrency levels/);
    // The cold part's own means, not the pooled summary table's.
    const cold = claims.comparisons[0].total!;
    const group = claims.comparisons[0].total!.max.concurrency;
    assert.notEqual(cold.max.slower_ms, claims.rows.find((r) => r.concurrency === group && r.runtime.id === 'rt0')?.avg_total);
  });

  it('a sweep named for warm-only data speaks of warm activations, never of cold starts', () => {
    const shape = { ...base, name: 'warm-only', seed: 4, cold: 0, factor: 2 };
    const table = ingestText(JSON.stringify(records(shape)), 'corpus/warm-only.json');
    const markdown = renderReport(buildReportModel(table, analyze(table, { baseline: 'rt0' }), { template: 'sweep' }));
    assert.match(markdown, /^# 🧪 Warm Performance Across Concurrency: rt1 vs rt0$/m);
    assert.match(markdown, /compares the performance of warm activations \(the data has no cold start\)/);
    assert.match(markdown, /\*\*Prefer rt1\*\* when warm latency matter/);
    // Significant at every level: the factor in bold, in the insight and the conclusion.
    assert.match(markdown, /at each of the 3 levels: \*\*up to \d+\.\d× lower\*\*, at least/);
    assert.match(markdown, /rt1 had \*\*\d+\.\d× to \d+\.\d× lower mean total time\*\* than rt0/);
    assert.doesNotMatch(markdown.replace("(the data has no cold start)", "").replace("no activation was a cold start", ""), /cold start/i);
  });

  it('the document says when no test of its size can be significant, instead of implying no difference', () => {
    const { markdown } = document({ ...base, name: 'many-levels', seed: 2, levels: [1, 2, 3, 4, 5, 6, 8, 10], runs: 3 });
    assert.match(markdown, /No test in this document can find a difference: its best-powered test compares 3 with 3 runs, and the smallest p an exact permutation test of that size can give is 0\.1; Holm's correction across the 8 tests of this document raises it to 0\.8, above 0\.05\. The data does not show that there is no difference; 6 runs per side would be needed to detect one\./);
  });

  it('"within 20%" only when every level is; no growth ratio when the peak is the first level', () => {
    const { claims, markdown } = document({ ...base, name: 'mixed', seed: 6, cold: 0.3, factor: 2 });
    const rt1 = claims.trends.find((t) => t.runtime.id === 'rt1')!;
    // Over warm activations (a cold duration holds init, and the cold share differs by level):
    // 224 → 267 ms at the ends, 287 ms between. Pooled, rt0's fell 28% "at every step" with its cold share.
    assert.equal(rt1.duration_part, 'warm');
    assert.equal(rt1.duration?.direction, 'varies');
    assert.doesNotMatch(markdown, /within 20%\), varying|28% lower/);
    assert.match(markdown, /rt0's `avg_duration` over warm activations varies with no steady direction/);
    assert.equal(rt1.wait?.peak.concurrency, 1);
    assert.equal(rt1.wait?.factor, null);
    assert.match(markdown, /rt1's `max_wait` peaks at \*\*239\.38 ms\*\* \(concurrency 1\)\.$/m);
  });
});

describe('report/claims/sweep: "the choice depends on the expected load" (issue 11)', () => {
  // 8 runs a side, one activation each: a is slower at concurrency 1 and faster at 2.
  const rows = (first: number, second: number, runtime: string) => Array.from({ length: 8 }, (_, r) => [
    row({ runtime, repetition: r, concurrency: 1, init_ms: 50, duration_ms: first + r, wait_ms: 5 }),
    row({ runtime, repetition: r, concurrency: 2, init_ms: 50, duration_ms: second + r, wait_ms: 5 }),
  ]).flat();

  it('only when significant differences point different ways', () => {
    const model = buildReportModel(...analyzed(tableOf([...rows(1000, 500, 'a'), ...rows(500, 1000, 'b')]), 'a'));
    const markdown = renderReport(model);
    assert.match(markdown, /Neither b nor a was faster at every concurrency level: a is significantly faster at concurrency 2, b is significantly faster at concurrency 1\. The choice depends on the expected load\./);
    assert.equal(model.findings.recommended, null);
  });

  it('otherwise: no level shows a difference beyond noise', () => {
    const few = (first: number, second: number, runtime: string) => rows(first, second, runtime).filter((r) => (r.repetition as number) < 2);
    const markdown = renderReport(buildReportModel(...analyzed(tableOf([...few(1000, 500, 'a'), ...few(500, 1000, 'b')]), 'a')));
    assert.doesNotMatch(markdown, /choice depends on the expected load/);
    assert.match(markdown, /Neither b nor a had the lower mean total time at every concurrency level, and no level shows a difference beyond noise\./);
  });
  it('about the same at every level: said so, and a test beyond noise under 1.1× said to be', () => {
    // 8 runs a side, runs apart (the test is significant) but within 10% at both levels.
    const model = buildReportModel(...analyzed(tableOf([...rows(1000, 500, 'a'), ...rows(1040, 520, 'b')]), 'a'));
    const markdown = renderReport(model);
    assert.ok(model.statistics.rows.filter((r) => r.component.startsWith('Total')).every((r) => r.test?.significant && r.direction === 'same'));
    assert.match(markdown, /b and a had about the same mean total time, within 10% of each other at each of the 2 levels both measured; the test finds the difference beyond noise at concurrency 1 and 2, but it is under 1\.1× there, so neither is called faster\./);
    assert.doesNotMatch(markdown, /Neither b nor a|no level shows a difference beyond noise|does not show a difference/);
    // One level, the same runs (no significant test).
    const one = (runtime: string, total: number) => rows(total, total, runtime).filter((r) => r.concurrency === 2);
    const single = renderReport(buildReportModel(...analyzed(tableOf([...one('a', 500), ...one('b', 500)]), 'a')));
    assert.match(single, /b and a had about the same mean total time, within 10% of each other at concurrency 2, the one level both measured, and the test does not show a difference beyond noise\./);
    assert.doesNotMatch(single, /at every concurrency level/);
  });

  it('a significant difference under 1.1× beside a relevant one is named, not called noise', () => {
    // a 2× slower at concurrency 1; at 2 about the same (4% apart) yet significant.
    const markdown = renderReport(buildReportModel(...analyzed(tableOf([...rows(1000, 500, 'a'), ...rows(500, 520, 'b')]), 'a')));
    assert.match(markdown, /Neither b nor a had the lower mean total time at every concurrency level; the test finds a difference beyond noise only in b's favour at concurrency 1, and one under 1\.1× at concurrency 2\./);
  });

  it('names a level beyond noise but under 1.1× beside one significant in a runtime\'s favour', () => {
    // Concurrency 1: a 2× slower; 2: 4% apart, runs apart (significant); 3: the same runs (not significant).
    const three = (totals: number[], runtime: string) => Array.from({ length: 8 }, (_, r) => totals.map((total, i) =>
      row({ runtime, repetition: r, concurrency: i + 1, init_ms: 50, duration_ms: total + r, wait_ms: 5 }))).flat();
    const markdown = renderReport(buildReportModel(...analyzed(tableOf([...three([1000, 500, 700], 'a'), ...three([500, 520, 700], 'b')]), 'a')));
    assert.match(markdown, /finds the difference significant in b's favour at concurrency 1 only \(.*\), and one beyond noise but under 1\.1× at concurrency 2: elsewhere it may be run-to-run noise\./);
  });

  it('a duration sentence says where its mean is carried by a few activations', () => {
    // A 40× outlier in the first run of some levels (cold only, so the duration series is the groups' own).
    const shape: Shape = { name: 'outliers', runtimes: 2, levels: [1, 2, 3], runs: 6, perRun: 5, cold: 1, runEffect: 0.1, factor: 1, outliers: true, seed: 7 };
    const table = ingestText(JSON.stringify(records(shape)), 'claims/outliers.json');
    const model = buildReportModel(table, analyze(table, { baseline: 'rt0' }));
    const claims = model.claims as SweepClaims;
    const markdown = renderReport(model);
    const listed = (levels: number[]) => (levels.length === 1 ? `${levels[0]}` : `${levels.slice(0, -1).join(', ')} and ${levels[levels.length - 1]}`);
    let flaggedSomewhere = false;
    for (const runtime of ['rt0', 'rt1']) {
      const flagged = [...new Set(model.findings.heavy_tails.filter((h) => h.runtime.id === runtime).map((h) => h.concurrency))].sort((a, b) => a - b);
      flaggedSomewhere ||= flagged.length > 0;
      assert.deepEqual(claims.trends.find((t) => t.runtime.id === runtime)?.duration_carried, flagged, runtime);
      const sentence = markdown.split('\n').find((l) => l.startsWith(`- ${runtime}'s \`avg_duration\``)) ?? '';
      if (flagged.length === 0) assert.doesNotMatch(sentence, /carried/, runtime);
      else assert.ok(sentence.includes(`The mean at concurrency ${listed(flagged)} is carried by a few activations (see Caveats)`), sentence);
    }
    assert.ok(flaggedSomewhere, 'the generator plants outliers the heavy-tail rule flags');
  });
});
