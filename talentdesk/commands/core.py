"""Core commands: demo data and the self-test."""
from __future__ import annotations

import argparse
from pathlib import Path

from talentdesk.commands.options import add_json, reference_date
from talentdesk.i18n import translate


def register(sub) -> None:
    p = sub.add_parser("demo", help="fill an empty database with realistic demo data")
    p.add_argument("--talents", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--as-of", type=reference_date, default=None, help="reference date (default: today)")
    add_json(p)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("self-test", help="open the window offscreen, visit every tab, exit 0 or 1")
    p.add_argument("--screenshots", type=Path, default=None, help="save a PNG of each tab into this folder")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each tab's first rows")
    add_json(p)
    p.set_defaults(handler=cmd_self_test)


def cmd_demo(args: argparse.Namespace, ctx) -> int:
    import sys

    from talentdesk.services.common.demo import generate_demo

    database = ctx.database()
    actor = ctx.actor()
    last = [-1]

    def progress(done, total, text):
        if not ctx.json and done != last[0]:
            last[0] = done
            print(f"[{done}/{total}] {text}", file=sys.stderr)

    with database.session(actor) as s:
        summary = generate_demo(s, talents=args.talents, seed=args.seed, as_of=args.as_of, progress=progress)
    ctx.emit(summary, translate("Cli", "Demo data: {talents} talents, {entries} ledger entries, {pairings} pairings "
                                      "in {seconds:.1f} s.").format(talents=summary.talents,
                                                                    entries=summary.ledger_entries,
                                                                    pairings=summary.pairings,
                                                                    seconds=summary.seconds))
    return 0


def cmd_self_test(args: argparse.Namespace, ctx) -> int:
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from talentdesk.app import self_test

    database = ctx.database()
    result = self_test(database, actor=ctx.actor(), lang=ctx.lang, screenshots=args.screenshots,
                       timeout=args.timeout)
    text = "\n".join(
        [f"{'ok ' if ok else 'FAIL'} {name}{'' if ok else ': ' + why}" for name, ok, why in result.checks]
    )
    ctx.emit({"ok": result.ok, "checks": [{"name": n, "ok": ok, "problem": why} for n, ok, why in result.checks]}, text)
    return 0 if result.ok else 1
