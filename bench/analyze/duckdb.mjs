// The analyze computation (point figures, as reference.py prints them) in DuckDB through
// @duckdb/node-api: read_json / read_csv into one table, then GROUP BY the group keys (runtime,
// function, memory, concurrency) with the cold and warm parts as grouping sets, failures by
// status, and quantile_cont (numpy's linear percentiles). A second reference beside pandas, for speed.
//
// Plain JavaScript, run by node itself: no TypeScript loader's start-up in DuckDB's time.
// usage: node bench/analyze/duckdb.mjs FILE flat|ndjson|csv [--baseline RUNTIME]
import { DuckDBInstance } from '@duckdb/node-api';

const [file, format] = process.argv.slice(2);
const at = process.argv.indexOf('--baseline');
const requested = at > 0 ? process.argv[at + 1] : undefined;
const quoted = `'${file.replace(/'/g, "''")}'`;

// Each format to the same columns: runtime, action, memory, concurrency, init, duration, wait, status.
const annotation = (key) => `list_filter(annotations, a -> a.key = '${key}')[1].value`;
const sources = {
  flat: `SELECT kind AS runtime, action, memory, concurrency, initTime AS init, duration, waitTime AS wait, status
    FROM read_json(${quoted}, format = 'array', columns = {kind: 'VARCHAR', action: 'VARCHAR', memory: 'DOUBLE',
      concurrency: 'DOUBLE', initTime: 'DOUBLE', duration: 'DOUBLE', waitTime: 'DOUBLE', status: 'VARCHAR'})`,
  ndjson: `SELECT json_extract_string(${annotation('kind')}, '$') AS runtime,
      coalesce(json_extract_string(${annotation('path')}, '$'), name) AS action,
      CAST(json_extract(${annotation('limits')}, '$.memory') AS DOUBLE) AS memory,
      CAST(NULL AS DOUBLE) AS concurrency,
      CAST(${annotation('initTime')} AS DOUBLE) AS init, duration, CAST(${annotation('waitTime')} AS DOUBLE) AS wait,
      CASE WHEN coalesce(CAST(${annotation('timeout')} AS BOOLEAN), false) THEN 'timeout'
        WHEN response.status = 'success' AND CAST(json_extract(response.result, '$.success') AS BOOLEAN) IS NOT DISTINCT FROM false THEN 'application error'
        ELSE response.status END AS status
    FROM read_json(${quoted}, format = 'newline_delimited',
      columns = {name: 'VARCHAR', annotations: 'STRUCT(key VARCHAR, value JSON)[]', duration: 'DOUBLE', response: 'STRUCT(status VARCHAR, result JSON)'})`,
  csv: `SELECT runtime, CAST(NULL AS VARCHAR) AS action, memory_mb AS memory, concurrency, init_ms AS init, duration_ms AS duration, wait_ms AS wait, status
    FROM read_csv(${quoted}, header = true, columns = {runtime: 'VARCHAR', kind: 'VARCHAR', memory_mb: 'DOUBLE', concurrency: 'DOUBLE',
      activation_id: 'VARCHAR', wait_ms: 'DOUBLE', init_ms: 'DOUBLE', duration_ms: 'DOUBLE', status: 'VARCHAR', label: 'VARCHAR', confidence: 'DOUBLE'})`,
};
const source = sources[format ?? ''];
if (!source) throw new Error('usage: duckdb.mjs FILE flat|ndjson|csv');

const FAILURES = ['application error', 'action developer error', 'whisk internal error', 'timeout', 'throttled', 'lost'];
const METRICS = ['avg_init', 'avg_wait', 'avg_cold_cost', 'avg_exec', 'avg_duration', 'avg_total', 'p50_total', 'p95_total'];
const FRESH = /^(owbench-[0-9a-f]{8}-.+)-c\d+-r\d+-i\d+$/;
const NUMBERED = /^(.*\D)(\d+)$/;

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJS();
await db.run(`CREATE TABLE t AS SELECT row_number() OVER () AS seen, *, wait + duration AS total,
  duration - coalesce(init, 0) AS exec, wait + init AS cold_cost, init IS NOT NULL AS is_cold, status = 'success' AS ok FROM (${source})`);

// The function: the action's name without its package, owbench's -cN-rN-iN, or a numbering shared by several names.
const functionOf = functionsOf((await rows('SELECT DISTINCT action FROM t WHERE action IS NOT NULL')).map((r) => r.action));
await db.run('CREATE TABLE fn (action VARCHAR, function VARCHAR)');
if (functionOf.size > 0) {
  const values = [...functionOf].map(([a, f]) => `(${sqlString(a)}, ${sqlString(f)})`).join(', ');
  await db.run(`INSERT INTO fn VALUES ${values}`);
}
await db.run('CREATE TABLE g AS SELECT t.*, fn.function FROM t LEFT JOIN fn USING (action)');

const KEYS = 'runtime, function, memory, concurrency';
const PART = `count(*) FILTER (ok) AS count, count(init) FILTER (ok) AS cold,
  avg(init) FILTER (ok) AS avg_init, max(wait) FILTER (ok) AS max_wait, avg(wait) FILTER (ok) AS avg_wait,
  avg(duration) FILTER (ok) AS avg_duration, avg(exec) FILTER (ok) AS avg_exec, avg(total) FILTER (ok) AS avg_total,
  avg(cold_cost) FILTER (ok) AS avg_cold_cost,
  quantile_cont(total, [0.5, 0.9, 0.95, 0.99]) FILTER (ok) AS tails, max(total) FILTER (ok) AS max_total,
  count(*) FILTER (ok AND wait IS NULL) AS miss_wait, count(*) FILTER (ok AND duration IS NULL) AS miss_duration,
  count(*) FILTER (ok AND exec IS NULL) AS miss_exec, count(*) FILTER (ok AND total IS NULL) AS miss_total`;
const partRows = await rows(`SELECT ${KEYS}, is_cold, GROUPING(is_cold) AS whole, ${PART}
  FROM g GROUP BY GROUPING SETS ((${KEYS}), (${KEYS}, is_cold))`);
const failureRows = await rows(`SELECT ${KEYS}, status, count(*) AS n FROM g WHERE NOT ok GROUP BY ${KEYS}, status`);

const keyOf = (r) => JSON.stringify([r.runtime, r.function, r.memory, r.concurrency]);
const groups = new Map();
for (const r of partRows) {
  const key = keyOf(r);
  if (!groups.has(key)) groups.set(key, { key: r, whole: null, cold: null, warm: null, failures: Object.fromEntries(FAILURES.map((s) => [s, 0])) });
  const g = groups.get(key);
  if (Number(r.whole) === 1) g.whole = r;
  else g[r.is_cold ? 'cold' : 'warm'] = r;
}
for (const r of failureRows) groups.get(keyOf(r)).failures[r.status] = Number(r.n);

const out = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key)).map((g) => {
  const whole = part(g.whole);
  const { count, missing, ...figures } = whole;
  const errors = FAILURES.reduce((n, s) => n + g.failures[s], 0);
  return {
    runtime: g.key.runtime, function: g.key.function, memory_mb: g.key.memory, concurrency: g.key.concurrency,
    count, cold: Number(g.whole.cold), ...figures, missing, avg_cold_cost: g.whole.avg_cold_cost,
    failures: g.failures, errors, parts: { cold: part(g.cold), warm: part(g.warm) }, in_composition: 0,
  };
});

// Compared: runtimes with one (function, memory), at recorded levels; overall over all their rows.
const configurations = new Map();
for (const g of out) configurations.set(g.runtime, (configurations.get(g.runtime) ?? new Set()).add(`${g.function}\u0000${g.memory_mb}`));
const single = [...configurations].filter(([, s]) => s.size === 1).map(([r]) => r);
const levels = new Map(out.filter((g) => single.includes(g.runtime) && g.concurrency !== null).map((g) => [`${g.runtime}\u0000${g.concurrency}`, g]));
const overall = new Map();
if (single.length > 0) {
  const list = single.map(sqlString).join(', ');
  for (const r of await rows(`SELECT runtime, ${PART} FROM g WHERE runtime IN (${list}) GROUP BY runtime`)) {
    overall.set(r.runtime, { ...part(r), avg_cold_cost: r.avg_cold_cost });
  }
}
const inOrder = (await rows('SELECT runtime, min(seen) AS first FROM t GROUP BY runtime ORDER BY first')).map((r) => r.runtime);
const baseline = requested ?? (inOrder.includes('blackbox') ? 'blackbox' : inOrder[0]);
const runtimes = [...new Set([...[...levels.values()].map((g) => g.runtime), ...overall.keys()])].sort();
const speedups = [];
for (const candidate of runtimes.filter((r) => r !== baseline)) {
  const shared = [...levels.values()].filter((g) => g.runtime === candidate && levels.has(`${baseline}\u0000${g.concurrency}`))
    .map((g) => g.concurrency).sort((a, b) => a - b);
  const pairs = shared.map((c) => [c, levels.get(`${baseline}\u0000${c}`), levels.get(`${candidate}\u0000${c}`)]);
  if (overall.has(baseline) && overall.has(candidate)) pairs.push([null, overall.get(baseline), overall.get(candidate)]);
  for (const [concurrency, b, c] of pairs) {
    for (const metric of METRICS) {
      if (b[metric] === null || c[metric] === null || c[metric] === 0) continue;
      speedups.push({ baseline, candidate, concurrency, metric, ratio: b[metric] / c[metric] });
    }
  }
}
process.stdout.write(`${JSON.stringify({ groups: out, speedups }, null, 2)}\n`);

/** A part's figures from one aggregate row (an absent part: nothing successful). */
function part(r) {
  if (r === null || Number(r.count) === 0) {
    return {
      count: 0, avg_init: null, max_wait: null, avg_wait: null, avg_duration: null, avg_exec: null, avg_total: null,
      p50_total: null, p90_total: null, p95_total: null, p99_total: null, max_total: null,
      missing: { wait_ms: 0, duration_ms: 0, exec_ms: 0, total_ms: 0 },
    };
  }
  const tails = r.tails ?? [null, null, null, null];
  return {
    count: Number(r.count), avg_init: r.avg_init, max_wait: r.max_wait, avg_wait: r.avg_wait,
    avg_duration: r.avg_duration, avg_exec: r.avg_exec, avg_total: r.avg_total,
    p50_total: tails[0], p90_total: tails[1], p95_total: tails[2], p99_total: tails[3], max_total: r.max_total,
    missing: { wait_ms: Number(r.miss_wait), duration_ms: Number(r.miss_duration), exec_ms: Number(r.miss_exec), total_ms: Number(r.miss_total) },
  };
}

/** Group order: by key, nulls first (reference.py's sentinels "" and -1), strings by code unit. */
function compareKeys(a, b) {
  for (const k of ['runtime', 'function', 'memory', 'concurrency']) {
    const x = a[k] ?? (typeof b[k] === 'string' ? '' : -1);
    const y = b[k] ?? (typeof a[k] === 'string' ? '' : -1);
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

function functionsOf(actions) {
  const names = new Map(actions.map((a) => {
    const name = a.slice(a.lastIndexOf('/') + 1);
    return [a, FRESH.exec(name)?.[1] ?? name];
  }));
  const numbers = new Map();
  for (const n of names.values()) {
    const m = NUMBERED.exec(n);
    if (m) numbers.set(m[1], (numbers.get(m[1]) ?? new Set()).add(m[2]));
  }
  return new Map([...names].map(([a, n]) => {
    const m = NUMBERED.exec(n);
    if (!m || (numbers.get(m[1])?.size ?? 0) < 2) return [a, n];
    return [a, m[1].replace(/[-_.]$/, '') || n];
  }));
}

function sqlString(s) {
  return `'${String(s).replace(/'/g, "''")}'`;
}
