"""Put benchmark results of several sizes side by side and say how each figure grows against the data.

    python tests/bench/scaling.py tests/bench/results/10000.json tests/bench/results/100000.json ... [--markdown]

For each figure: its value at every size, and the growth exponent k between each two neighbouring sizes
(figure ∝ size^k; k ≈ 0 flat, k ≈ 1 linear in the data, k > 1 faster than the data).
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

FIGURES = [
    # (label, path in the result, lower is better)
    ("search p50, ms", ("search", "p50_ms")),
    ("search p95, ms", ("search", "p95_ms")),
    ("search CPU p95, ms", ("search", "cpu_p95_ms")),
    ("raw SQL p95, ms", ("search", "raw_p95_ms")),
    ("search ÷ raw SQL (p95)", ("search", "ratio_p95")),
    *((f"search {name} p95, ms", ("search", "by_kind", kind, "p95_ms")) for name, kind in (
        ("name", "name"), ("initials", "initials"), ("full pinyin", "pinyin"), ("ID fragment", "id_fragment"),
        ("phone fragment", "phone_fragment"), ("employer filter", "employer"), ("employer text", "employer_text"))),
    ("start-up, ms", ("window", "startup", "median_ms")),
    ("bare window, ms", ("window", "startup", "bare_median_ms")),
    ("start-up ÷ bare", ("window", "startup", "ratio")),
    ("start-up CPU, ms", ("window", "startup", "cpu_median_ms")),
    ("start-up CPU ÷ bare CPU", ("window", "startup", "cpu_ratio")),
    *((f"tab {tab}, ms", ("window", "tabs", tab, "median_ms")) for tab in ("overview", "talents", "ledger", "mentors",
                                                                             "growth")),
    ("peak RSS talents tab, MB", ("window", "memory", "peak_rss_mb_with_talents_tab")),
    ("ledger totals (year), ms", ("ledger", "totals", "year", "median_ms")),
    ("raw SQL totals (year), ms", ("ledger", "totals", "year", "raw_median_ms")),
    ("totals ÷ raw SQL (year)", ("ledger", "totals", "year", "ratio")),
    ("ledger totals (all years), ms", ("ledger", "totals", "all_years", "median_ms")),
    ("talent statement p95, ms", ("ledger", "statement", "p95_ms")),
    ("three-year forecast, ms", ("ledger", "forecast", "median_ms")),
    ("certificates pages/s", ("certificates", "pages_per_s")),
    ("certificates ÷ bare ReportLab", ("certificates", "ratio")),
    ("import validated rows/s", ("import", "validated_rows_per_s")),
    # issue 18
    ("overview first rows (window), ms", ("window", "tabs", "overview", "median_ms")),
    ("overview complete (window), ms", ("window", "tabs", "overview", "complete_median_ms")),
    ("mentor board first rows (window), ms", ("window", "tabs", "mentors", "median_ms")),
    ("board service (page of 40), ms", ("tabs_plain", "board", "median_ms")),
    ("watch list, ms", ("watch", "median_ms")),
    ("watch list, same SQL via sqlite3, ms", ("watch", "raw_median_ms")),
    ("full import rows/s", ("import", "full_import", "rows_per_s")),
    ("demo build, s", ("database", "built", "seconds")),
    ("demo build CPU, s", ("database", "built", "cpu_seconds")),
]


def get(r: dict, path: tuple):
    for k in path:
        if not isinstance(r, dict) or r.get("available") is False or k not in r:
            return None
        r = r[k]
    return r


def fmt(v) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float) and v >= 100:
        return f"{v:,.0f}"
    return f"{v:,}" if isinstance(v, int) else f"{v:.2f}".rstrip("0").rstrip(".")


def exponent(a, b, na, nb):
    if a is None or b is None or a <= 0 or b <= 0 or na == nb:
        return None
    return math.log(b / a) / math.log(nb / na)


def table(results: list[dict], markdown: bool) -> str:
    results = sorted(results, key=lambda r: r["talents"])
    sizes = [r["talents"] for r in results]
    head = ["figure"] + [f"{n:,} talents" for n in sizes] + [f"k {a:,}→{b:,}" for a, b in zip(sizes, sizes[1:])]
    rows = []
    pad = [""] * (len(sizes) - 1)
    entries = ["ledger entries", *[fmt(get(r, ("database", "rows", "ledger_entries"))) for r in results], *pad]
    rows.append(entries)
    rows.append(["database, MB", *[fmt(get(r, ("database", "mb"))) for r in results], *pad])
    for label, path in FIGURES:
        vals = [get(r, path) for r in results]
        ks = [exponent(a, b, na, nb) for a, b, na, nb in zip(vals, vals[1:], sizes, sizes[1:])]
        rows.append([label, *[fmt(v) for v in vals], *["" if k is None else f"{k:+.2f}" for k in ks]])
    rows.append(["load average at start", *[str((get(r, ("machine", "load_average_at_start")) or ["?"])[0])
                                            for r in results], *pad])
    rows.append(["bars held", *[
        f"{sum(1 for b in r['bars'].values() if b['holds'])}/{sum(1 for b in r['bars'].values() if b['holds'] is not None)}"
        for r in results], *pad])
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    return "\n".join("  ".join(str(x).ljust(w) for x, w in zip(r, widths)) for r in [head, *rows])


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("files", nargs="+")
    p.add_argument("--markdown", action="store_true")
    args = p.parse_args(argv)
    print(table([json.loads(Path(f).read_text(encoding="utf-8")) for f in args.files], args.markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
