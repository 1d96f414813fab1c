#!/usr/bin/python3
"""The analyze computation of DESIGN.md §2.3 in pandas/numpy: the reference `owbench analyze`
is compared with, for figures (test/analyze/pandas.test.ts) and for speed (bench/analyze).

usage: /usr/bin/python3 bench/analyze/reference.py FILE [--format flat|ndjson|csv] [--baseline RUNTIME]
(ndjson: OpenWhisk activation records, one a line; csv: the activation table's columns.)
Reads flat records (the seed's first block: kind, concurrency, initTime, duration, waitTime,
status; and action, memory); prints {"groups": [...], "speedups": [...]} as JSON on stdout: the
point figures only (the bootstrap intervals, rank tests and trends are checked elsewhere, against
scipy). A group is (runtime, function, memory, concurrency), with its cold and warm parts apart
(issue 10); the function is the action's name without the numbering cold-start forcing adds.
"""
import json
import math
import re
import sys

import numpy as np
import pandas as pd

KEYS = ["runtime", "function", "memory", "concurrency"]
METRICS = ["avg_init", "avg_wait", "avg_cold_cost", "avg_exec", "avg_duration", "avg_total", "p50_total", "p95_total"]
COLUMNS = ["kind", "action", "memory", "concurrency", "initTime", "duration", "waitTime", "status"]
FAILURES = ["application error", "action developer error", "whisk internal error", "timeout", "throttled", "lost"]
# Sentinels for "not recorded" (pandas drops NaN group keys): no function, memory or concurrency.
NO_NAME, NO_NUMBER = "", -1.0
FRESH = re.compile(r"^(owbench-[0-9a-f]{8}-.+)-c\d+-r\d+-i\d+$")
NUMBERED = re.compile(r"^(.*\D)(\d+)$")


def load(path):
    # json.load + DataFrame(list of dicts) measured fastest here (pd.read_json: twice the time and
    # 1.9 GB), so the benchmark compares against pandas at its best with the standard library.
    with open(path, "rb") as f:
        records = json.load(f)
    df = pd.DataFrame(records, columns=COLUMNS)
    del records
    return derive(df)


def load_ndjson(path):
    """OpenWhisk records: kind, timings, path and limits in annotations; no concurrency recorded."""
    rows = []
    with open(path, "rb") as f:
        for line in f:
            rec = json.loads(line)
            a = {x["key"]: x["value"] for x in rec["annotations"]}
            response = rec["response"]
            status = response["status"]
            result = response.get("result")
            if status == "success" and isinstance(result, dict) and result.get("success") is False:
                status = "application error"
            if a.get("timeout") is True:
                status = "timeout"
            memory = (a.get("limits") or {}).get("memory")
            rows.append((a.get("kind"), a.get("path", rec.get("name")), memory, None,
                         a.get("initTime"), rec["duration"], a.get("waitTime"), status))
    return derive(pd.DataFrame(rows, columns=COLUMNS))


def load_csv(path):
    df = pd.read_csv(path, usecols=["runtime", "memory_mb", "concurrency", "init_ms", "duration_ms", "wait_ms", "status"])
    df = df.rename(columns={"runtime": "kind", "memory_mb": "memory", "init_ms": "initTime",
                            "duration_ms": "duration", "wait_ms": "waitTime"})
    df["action"] = None
    return derive(df[COLUMNS])


def derive(df):
    for column in ("initTime", "duration", "waitTime"):
        df[column] = df[column].astype("float64")
    df["runtime"] = df["kind"]
    df["function"] = functions(df["action"])
    df["memory"] = df["memory"].astype("float64").fillna(NO_NUMBER)
    df["concurrency"] = df["concurrency"].astype("float64").fillna(NO_NUMBER)
    df["cold"] = df["initTime"].notna()
    df["exec"] = df["duration"] - df["initTime"].fillna(0)
    df["total"] = df["waitTime"] + df["duration"]
    df["cold_cost"] = df["waitTime"] + df["initTime"]  # NaN unless cold and with a wait
    return df


def functions(actions):
    """Name without package path and owbench's -cN-rN-iN; trailing digits off where another name shares the stem."""
    names = {a: a.rsplit("/", 1)[-1] for a in actions.dropna().unique()}
    names = {a: (FRESH.match(n).group(1) if FRESH.match(n) else n) for a, n in names.items()}
    numbers = {}
    for n in names.values():
        m = NUMBERED.match(n)
        if m:
            numbers.setdefault(m.group(1), set()).add(m.group(2))
    def function(name):
        m = NUMBERED.match(name)
        if not m or len(numbers.get(m.group(1), ())) < 2:
            return name
        return re.sub(r"[-_.]$", "", m.group(1)) or name
    mapping = {a: function(n) for a, n in names.items()}
    return actions.map(mapping).fillna(NO_NAME)


def tails(g):
    out = {}
    for key, totals in g["total"]:
        values = totals.to_numpy()
        values = values[~np.isnan(values)]
        if len(values):
            p50, p90, p95, p99 = np.percentile(values, [50, 90, 95, 99])
            out[key] = dict(p50_total=p50, p90_total=p90, p95_total=p95, p99_total=p99, max_total=values.max())
    return out


def part_figures(ok, keys):
    """Per group: count, means, maxima, percentiles and missing counts of the successful rows."""
    g = ok.groupby(keys, sort=False)
    table = pd.DataFrame({
        "count": g.size(),
        "cold": g["initTime"].count(),
        "avg_init": g["initTime"].mean(),
        "max_wait": g["waitTime"].max(),
        "avg_wait": g["waitTime"].mean(),
        "avg_duration": g["duration"].mean(),
        "avg_exec": g["exec"].mean(),
        "avg_total": g["total"].mean(),
        "avg_cold_cost": g["cold_cost"].mean(),
        "n_wait": g["waitTime"].count(),
        "n_duration": g["duration"].count(),
        "n_exec": g["exec"].count(),
        "n_total": g["total"].count(),
    })
    tail = {as_tuple(k): v for k, v in tails(g).items()}
    out = {}
    for index_key in table.index:
        row = table.loc[index_key]
        key = as_tuple(index_key)
        count = int(row["count"])
        fig = {"count": count}
        for name in ["avg_init", "max_wait", "avg_wait", "avg_duration", "avg_exec", "avg_total", "avg_cold_cost"]:
            fig[name] = number(row[name])
        for name in ["p50_total", "p90_total", "p95_total", "p99_total", "max_total"]:
            fig[name] = number(tail[key][name]) if key in tail else None
        fig["cold"] = int(row["cold"])
        fig["missing"] = {f"{c}_ms": count - int(row[f"n_{c}"]) for c in ["wait", "duration", "exec", "total"]}
        out[key] = fig
    return out


def empty_part():
    fig = {"count": 0, "missing": {"wait_ms": 0, "duration_ms": 0, "exec_ms": 0, "total_ms": 0}}
    for name in ["avg_init", "max_wait", "avg_wait", "avg_duration", "avg_exec", "avg_total",
                 "p50_total", "p90_total", "p95_total", "p99_total", "max_total"]:
        fig[name] = None
    return fig


def part(fig):
    """A part as analyze reports it: no cold count or cold cost of its own."""
    return {k: v for k, v in fig.items() if k not in ("cold", "avg_cold_cost")}


def figures(df, keys):
    """One dict per group (sorted by key): all successes, cold and warm apart, failures by status."""
    failed = df["status"] != "success"
    ok = df[~failed]
    everything = part_figures(ok, keys)
    cold = part_figures(ok[ok["cold"]], keys)
    warm = part_figures(ok[~ok["cold"]], keys)
    by_status = df[failed].groupby(keys + ["status"]).size()
    out = {}
    failed_keys = {as_tuple(k) for k in df[failed].groupby(keys).size().index}
    for key in sorted(set(everything) | failed_keys):
        fig = everything.get(key) or dict(empty_part(), cold=0, avg_cold_cost=None)
        fig["failures"] = {s: int(by_status.get(key + (s,), 0)) for s in FAILURES}
        fig["errors"] = sum(fig["failures"].values())
        fig["parts"] = {"cold": part(cold.get(key) or empty_part()), "warm": part(warm.get(key) or empty_part())}
        fig["in_composition"] = 0
        out[key] = fig
    return out


def as_tuple(key):
    # pandas 1.5 gives scalar keys when grouping by a list of one column.
    return key if isinstance(key, tuple) else (key,)


def number(value):
    value = float(value)
    return None if math.isnan(value) else value


def speedups(baseline, levels, overall):
    out = []
    runtimes = sorted({r for r, _ in levels} | set(overall))
    for candidate in [r for r in runtimes if r != baseline]:
        shared = sorted(c for r, c in levels if r == candidate and (baseline, c) in levels)
        pairs = [(c, levels[(baseline, c)], levels[(candidate, c)]) for c in shared]
        if baseline in overall and candidate in overall:
            pairs.append((None, overall[baseline], overall[candidate]))
        for concurrency, b, c in pairs:
            for metric in METRICS:
                if b[metric] is None or c[metric] is None or c[metric] == 0:
                    continue
                out.append(dict(baseline=baseline, candidate=candidate,
                                concurrency=None if concurrency is None else int(concurrency),
                                metric=metric, ratio=b[metric] / c[metric]))
    return out


def main(argv):
    form = argv[argv.index("--format") + 1] if "--format" in argv else "flat"
    df = {"flat": load, "ndjson": load_ndjson, "csv": load_csv}[form](argv[1])
    requested = argv[argv.index("--baseline") + 1] if "--baseline" in argv else None
    in_order = list(pd.unique(df["runtime"]))
    baseline = requested or ("blackbox" if "blackbox" in in_order else in_order[0])
    groups = figures(df, KEYS)
    # Compared: runtimes with one (function, memory), at recorded levels; overall over all their rows.
    configurations = {}
    for (r, f, m, c) in groups:
        configurations.setdefault(r, set()).add((f, m))
    single = {r for r, s in configurations.items() if len(s) == 1}
    levels = {(r, c): fig for (r, f, m, c), fig in groups.items() if r in single and c != NO_NUMBER}
    overall = {r[0]: fig for r, fig in figures(df[df["runtime"].isin(single)], ["runtime"]).items()}
    out = [dict(runtime=r, function=None if f == NO_NAME else f, memory_mb=None if m == NO_NUMBER else int(m),
                concurrency=None if c == NO_NUMBER else int(c), **fig) for (r, f, m, c), fig in groups.items()]
    result = {"groups": out, "speedups": speedups(baseline, levels, overall)}
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
