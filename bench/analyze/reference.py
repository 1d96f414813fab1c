#!/usr/bin/python3
"""The analyze computation of DESIGN.md §2.3 in pandas/numpy: the reference `owbench analyze`
is compared with, for figures (test/analyze/pandas.test.ts) and for speed (bench/analyze).

usage: /usr/bin/python3 bench/analyze/reference.py FLAT_RECORDS.json [--baseline RUNTIME]
Reads flat records (the seed's first block: kind, concurrency, initTime, duration, waitTime,
status); prints {"groups": [...], "speedups": [...]} as JSON on stdout: the point figures only
(the bootstrap intervals, rank tests and trends are checked elsewhere, against scipy).
"""
import json
import math
import sys

import numpy as np
import pandas as pd

LEVEL = ["runtime", "concurrency"]
METRICS = ["avg_init", "avg_wait", "avg_cold_cost", "avg_exec", "avg_duration", "avg_total", "p50_total", "p95_total"]
COLUMNS = ["kind", "concurrency", "initTime", "duration", "waitTime", "status"]


def load(path):
    # json.load + DataFrame(list of dicts) measured fastest here (pd.read_json: twice the time and
    # 1.9 GB), so the benchmark compares against pandas at its best with the standard library.
    with open(path, "rb") as f:
        records = json.load(f)
    df = pd.DataFrame(records, columns=COLUMNS)
    del records
    for column in ("initTime", "duration", "waitTime"):
        df[column] = df[column].astype("float64")
    df["runtime"] = df["kind"]
    df["exec"] = df["duration"] - df["initTime"].fillna(0)
    df["total"] = df["waitTime"] + df["duration"]
    df["cold_cost"] = df["waitTime"] + df["initTime"]  # NaN unless cold and with a wait
    return df


def figures(ok, errors, keys):
    """One dict per group: pandas means/counts/maxima, numpy's default percentiles."""
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
    })
    tails = {}
    for key, totals in g["total"]:
        values = totals.to_numpy()
        values = values[~np.isnan(values)]
        if len(values):
            p50, p90, p95, p99 = np.percentile(values, [50, 90, 95, 99])
            tails[key] = dict(p50_total=p50, p90_total=p90, p95_total=p95, p99_total=p99, max_total=values.max())
    out = {}
    for key in sorted(set(table.index) | set(errors.index)):
        row = table.loc[key] if key in table.index else None
        fig = {"count": int(row["count"]) if row is not None else 0, "errors": int(errors.get(key, 0))}
        fig["cold"] = int(row["cold"]) if row is not None else 0
        for name in ["avg_init", "max_wait", "avg_wait", "avg_duration", "avg_exec", "avg_total"]:
            fig[name] = number(row[name]) if row is not None else None
        for name in ["p50_total", "p90_total", "p95_total", "p99_total", "max_total"]:
            fig[name] = number(tails[key][name]) if key in tails else None
        fig["avg_cold_cost"] = number(row["avg_cold_cost"]) if row is not None else None
        out[key] = fig
    return out


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
    df = load(argv[1])
    requested = argv[argv.index("--baseline") + 1] if "--baseline" in argv else None
    in_order = list(pd.unique(df["runtime"]))
    baseline = requested or ("blackbox" if "blackbox" in in_order else in_order[0])
    failed = df["status"] != "success"
    ok = df[~failed]
    levels = figures(ok, df[failed].groupby(LEVEL).size(), LEVEL)
    overall = figures(ok, df[failed].groupby("runtime").size(), "runtime")
    groups = [dict(runtime=r, concurrency=int(c), **fig) for (r, c), fig in levels.items()]
    result = {"groups": groups, "speedups": speedups(baseline, levels, overall)}
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
