"""A quick large talents table for search scaling: copy the cached demo database and repeat its talents K times.

    python tests/bench/multiply_talents.py --talents 100000 --times 10 [--workdir DIR]

The demo generator needs about an hour for 1,000,000 talents on a loaded 2-core machine; the search only reads
talents, employers, tiers and current pairings, so for its scaling figures a table of K copies serves as well:
copy k gets ids + k·N, the digit k before its ID number (unique, 19 characters), a different
phone prefix and the same names, employers and dates. Everything else (ledger, mentors …) stays at N talents, so
only the search figures of `run.py --db THIS --reuse --talents N·K` mean anything at the larger size.
"""
from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402


def main(argv=None) -> int:
    p = bench.cached_db_arguments()
    p.add_argument("--times", type=int, default=10)
    args = p.parse_args(argv)
    src = bench.cached_db_path(Path(args.workdir), args.talents, args.seed)
    if not src.exists():
        raise SystemExit(f"no cached database at {src}: run tests/bench/run.py --talents {args.talents} first")
    n, k = args.talents, args.times
    dst = Path(args.workdir) / f"talents-x{k}-{n * k}.db"
    tmp = dst.with_name("building-" + dst.name)
    t = time.perf_counter()
    shutil.copyfile(src, tmp)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("PRAGMA synchronous=OFF")
    cols = [r[1] for r in con.execute("PRAGMA table_info(talents)")]
    for copy in range(1, k):
        exprs = []
        for c in cols:
            if c == "id":
                exprs.append(f"id + {copy * n}")
            elif c == "id_number":
                exprs.append(f"'{copy}' || id_number")
            elif c == "phone":
                exprs.append(f"'1' || printf('%02d', {copy + 10}) || substr(phone, 4)")
            elif c == "email":
                exprs.append(f"'c{copy}.' || email")
            else:
                exprs.append(c)
        con.execute(f"INSERT INTO talents ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM talents "  # noqa: S608
                    f"WHERE id <= {n}")
        con.commit()
        bench.log(f"copy {copy + 1}/{k} of the talents written")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    tmp.replace(dst)
    print(f"{dst}: {n * k:,} talents in {time.perf_counter() - t:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
