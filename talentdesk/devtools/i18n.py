"""Translation upkeep. The `.ts` files are sources (one per area, so parallel work does not collide);
`.qm` files are compiled from them by `compile` (set-up and build), never edited by hand.

    python -m talentdesk.devtools.i18n update            # pyside6-lupdate every area's sources into its .ts
    python -m talentdesk.devtools.i18n missing [AREA]    # list unfinished zh_CN entries (exit 1 if any)
    python -m talentdesk.devtools.i18n fill AREA FILE    # apply {"context": {"source": "译文"}} from a JSON file
    python -m talentdesk.devtools.i18n compile           # pyside6-lrelease every .ts into .qm
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from talentdesk.paths import bundle_root, translations_dir

LANG = "zh_CN"

# area -> source paths (relative to the repository root). Every .py file lives in exactly one area.
AREAS: dict[str, list[str]] = {
    "core": ["talentdesk/app.py", "talentdesk/cli.py", "talentdesk/ui/selftest.py", "talentdesk/store/db.py",
             "talentdesk/store/files.py", "talentdesk/domain",
             "talentdesk/services/base.py", "talentdesk/services/common", "talentdesk/ui/common",
             "talentdesk/ui/main_window.py", "talentdesk/commands/core.py", "talentdesk/ui/errors.py"],
    "talents": ["talentdesk/services/talents", "talentdesk/ui/talents", "talentdesk/commands/talents.py"],
    "ledger": ["talentdesk/services/ledger", "talentdesk/reports", "talentdesk/ui/ledger",
               "talentdesk/commands/ledger.py", "talentdesk/commands/movein.py", "talentdesk/services/movein.py"],
    "safety": ["talentdesk/services/safety", "talentdesk/store/integrity.py", "talentdesk/store/locking.py",
               "talentdesk/store/backup_files.py", "talentdesk/store/exclusive.py", "talentdesk/store/chain.py", "talentdesk/store/keystore.py", "talentdesk/store/cipher.py",
               "talentdesk/store/placing.py",
               "talentdesk/ui/safety", "talentdesk/commands/safety.py"],
    "mentors": ["talentdesk/services/mentors", "talentdesk/ui/mentors", "talentdesk/commands/mentors.py",
                "talentdesk/reports/agreement.py"],
    "growth": ["talentdesk/services/growth", "talentdesk/ui/overview", "talentdesk/reports/yearly.py",
               "talentdesk/ui/growth", "talentdesk/commands/growth.py"],
    "delivery": ["talentdesk/ui/wizard", "talentdesk/ui/help"],
    # for the county's leaders (issue 20): survival, eligibility sweep, simulator, annual report pack
    "leaders": ["talentdesk/services/growth/survival.py", "talentdesk/services/talents/exit_reasons.py",
                "talentdesk/ui/growth/survival_page.py", "talentdesk/commands/departures.py",
                "talentdesk/services/ledger/eligibility.py", "talentdesk/ui/ledger/sweep_page.py",
                "talentdesk/commands/leadership.py", "talentdesk/services/ledger/simulation.py",
                "talentdesk/reports/simulation.py", "talentdesk/ui/ledger/simulator_page.py",
                "talentdesk/services/growth/annual_report.py", "talentdesk/reports/annual.py",
                "talentdesk/ui/growth/annual_page.py"],
    # an office's or a city's shared database on a PostgreSQL server (issue 21)
    "city": ["talentdesk/store/server.py", "talentdesk/store/pgtools.py", "talentdesk/store/move.py",
             "talentdesk/store/county_move.py",
             "talentdesk/services/city", "talentdesk/ui/city", "talentdesk/commands/city.py",
             "talentdesk/commands/options.py"],
    # the payment loop (issue 19): 在岗核验, batches and 公示, bank files and the bank's return
    "payments": ["talentdesk/services/payments", "talentdesk/reports/payment_loop.py",
                 "talentdesk/commands/payments.py", "talentdesk/ui/ledger/batch_page.py"],
}


def ts_path(area: str) -> Path:
    return translations_dir() / f"{area}_{LANG}.ts"


def _tool(name: str) -> str:
    exe = shutil.which(name) or str(Path(sys.executable).parent / name)
    return exe


def _sources(area: str) -> list[str]:
    root = bundle_root()
    # a file named explicitly by another area belongs there, even if this area lists its folder
    claimed = {str(root / rel) for other, rels in AREAS.items() if other != area for rel in rels
               if rel.endswith(".py")}
    out = []
    for rel in AREAS[area]:
        p = root / rel
        if p.is_dir():
            out += sorted(str(f) for f in p.rglob("*.py") if str(f) not in claimed)
        elif p.exists():
            out.append(str(p))
    return out


def update(areas: list[str] | None = None) -> None:
    translations_dir().mkdir(parents=True, exist_ok=True)
    for area in areas or AREAS:
        sources = _sources(area)
        if not sources:
            continue
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources, "-ts", str(ts_path(area)), "-target-language", LANG,
             "-no-obsolete", "-locations", "none", "-silent"],
            check=True,
        )


def unfinished(area: str | None = None) -> list[tuple[str, str, str]]:
    out = []
    for a in [area] if area else AREAS:
        p = ts_path(a)
        if not p.exists():
            continue
        for ctx in ET.parse(p).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                    out.append((a, name, msg.findtext("source") or ""))
    return out


def fill(area: str, mapping: dict[str, dict[str, str]]) -> int:
    """Set translations from {context: {source: translation}}; returns how many entries were set."""
    p = ts_path(area)
    tree = ET.parse(p)
    n = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        table = mapping.get(name) or mapping.get("*") or {}
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            if src in table:
                tr = msg.find("translation")
                tr.text = table[src]
                tr.attrib.pop("type", None)
                n += 1
    tree.write(p, encoding="utf-8", xml_declaration=True)
    return n


def compile_all() -> list[Path]:
    out = []
    for p in sorted(translations_dir().glob(f"*_{LANG}.ts")):
        qm = p.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(p), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "update":
        update(rest or None)
        return 0
    if cmd == "missing":
        items = unfinished(rest[0] if rest else None)
        for area, ctx, src in items:
            print(f"{area}\t{ctx}\t{src}")
        return 1 if items else 0
    if cmd == "fill":
        n = fill(rest[0], json.loads(Path(rest[1]).read_text(encoding="utf-8")))
        print(f"{n} translations set")
        return 0
    if cmd == "compile":
        for qm in compile_all():
            print(qm)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
