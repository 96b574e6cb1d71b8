"""Generated bad inputs across every command of the command line: every one ends in a message (exit 1 or 2, or 0
when the input happened to be acceptable), never "the command failed unexpectedly", never a traceback, and the
data do not change (checksums of every table but the audit trail, before and after; the trail may only gain the
entries that refusals, backups and exports write, each with its one hash-chain link). With --json, the answer is
JSON whatever the exit.

Commands run on a second database (`writes-by-design.db`) beside the office's: an output argument naming the office's
database must be refused too (`key public --out demo.db` once wrote the key over it).

The commands and their options are read from the parser itself, so a new command is fuzzed without editing this
file. The figures are printed and recorded (`bad_input_figures`)."""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest

from talentdesk import cli

CASES = int(os.environ.get("TD_BAD_INPUTS", "10000"))
# commands whose purpose is to record what they are given (an exit reason's name, a decision on a draft, a
# departure): random text is acceptable input for them, so they run on their own copy of the database and are
# held only to "never fails unexpectedly"; every other command must leave the data exactly as it was
WRITES_BY_DESIGN = {("exit-reasons", "add"), ("exit-reasons", "rename"), ("exit-reasons", "retire"),
                    ("exit-reasons", "restore"), ("drafts", "approve"), ("drafts", "reject"), ("eligible",),
                    ("depart",),
                    # the office key is made on first use: writing the public key out, or importing one, writes it
                    ("key", "public"), ("key", "import"), ("key", "export"),
                    # encryption at rest: `encryption on --os-store` encrypts the file in place (its purpose)
                    ("encryption", "on"), ("encryption", "recover"),
                    # `verification confirm --all` records every due talent's in-post confirmation: the flag is a choice
                    ("verification", "confirm"),
                    # marking a day a workday or a holiday (or clearing it) records the date given; a reversal
                    # request records the entry and the reason given (another account decides on it)
                    ("workdays", "workday"), ("workdays", "holiday"), ("workdays", "clear"), ("reverse",)}
SEED = 20261130


def _data_checksums(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite%' AND name <> 'audit_entries' ORDER BY name")]
        out = {}
        for t in tables:
            h = hashlib.sha256()
            # the hash chain links every audit entry too: those links belong to the trail (counted below), every
            # other link (ledger, payments, certificates, accounts, keys) must stay as it was
            where = " WHERE kind <> 'audit'" if t == "chain_links" else ""
            for row in conn.execute(f'SELECT * FROM "{t}"{where} ORDER BY 1'):  # noqa: S608 - names from the schema
                h.update(repr(row).encode())
            out[t] = h.hexdigest()
        return out
    finally:
        conn.close()


def _trail_counts(path: Path) -> tuple[int, int]:
    """Audit entries, and the chain links of kind 'audit' (one per entry)."""
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT count(*) FROM audit_entries").fetchone()[0],
                conn.execute("SELECT count(*) FROM chain_links WHERE kind = 'audit'").fetchone()[0])
    finally:
        conn.close()


def _audit_actions(path: Path) -> Counter:
    conn = sqlite3.connect(path)
    try:
        return Counter(a for (a,) in conn.execute("SELECT action FROM audit_entries"))
    finally:
        conn.close()


def _commands(parser: argparse.ArgumentParser, prefix=()) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every leaf command: its words and its parser."""
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out.extend(_commands(sub, prefix + (name,)))
    if not out and prefix:
        out.append((prefix, parser))
    return out


def _bad_values(tmp: Path, db: Path) -> list[str]:
    folder = tmp / "a folder #2"
    folder.mkdir(exist_ok=True)
    text = tmp / "notes.txt"
    text.write_text("这不是表格\n" * 50, encoding="utf-8")
    garbage = tmp / "名单.xlsx"
    garbage.write_bytes(b"PK\x03\x04 not really a workbook" * 20)
    half_csv = tmp / "half.csv"
    half_csv.write_text("姓名,身份证号,人才类别\n张三,11010119900101123,A类\n李四,,五年\n,,,\n合计,,\n", encoding="gbk")
    return [
        "", " ", "²", "NaN", "nan", "inf", "-inf", "-1", "0", "00", "1e309", "99999999999999999999999",
        "9999-12-31", "0000-00-00", "2026-02-30", "2026-13-01", "1900-01-01", "yesterday", "二〇二六年",
        "A类", "五年", "１２３", "--", "-", "😀", "x" * 5000, "'; DROP TABLE talents; --", "=cmd|' /C calc'!A0",
        "%s%s%n", "../../../etc/passwd", "科室#2?x%20.db", "C:\\Windows\\System32", "\\\\server\\share\\x.db",
        "TD1|x|y", "TD1|2026-0001|abc|def", str(folder), str(text), str(garbage), str(half_csv), str(db),
        str(tmp / "missing" / "file.xlsx"), str(tmp / "missing.db"), "admin", "root", "viewer",
    ]


def _argv(rng: random.Random, words: tuple[str, ...], sub: argparse.ArgumentParser, bad: list[str],
          db: str, alt_dbs: list[str]) -> list[str]:
    # `init` and `demo` may create a database where they are pointed: those two only meet the office's (full) one
    other = words[0] not in ("init", "demo") and rng.random() < 0.15
    argv = ["--lang", rng.choice(["en", "zh_CN"]), "--db", rng.choice(alt_dbs) if other else db]
    if rng.random() < 0.05:
        argv += ["--user", rng.choice(bad)]
    argv += list(words)
    for action in sub._actions:
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            continue
        if not action.option_strings:  # a positional: usually given, a bad value
            n = 0 if rng.random() < 0.07 else (1 if action.nargs in (None, "?") else rng.randint(1, 3))
            argv += [rng.choice(bad) for _ in range(n)]
            continue
        if rng.random() < 0.5:
            continue
        flag = rng.choice(action.option_strings)
        if action.nargs == 0:
            argv.append(flag)
        elif action.choices is not None and rng.random() < 0.5:
            argv += [flag, str(rng.choice(list(action.choices)))]
        else:
            argv += [flag] + [rng.choice(bad) for _ in range(1 if action.nargs in (None, "?") else 2)]
    if rng.random() < 0.05:
        argv.insert(rng.randrange(len(argv) + 1), rng.choice(["--bogus", "-x", "--json", "--", "extra"]))
    return argv


@pytest.fixture
def work(tmp_path, _demo_template):
    """The demo database in memory-backed storage when the machine has it (/dev/shm): the inputs are under test,
    not the disk's fsync, which made ten thousand runs take minutes."""
    import shutil
    import tempfile

    shm = Path("/dev/shm")
    root = Path(tempfile.mkdtemp(prefix="td-fuzz-", dir=shm)) if shm.is_dir() and os.access(shm, os.W_OK) else tmp_path
    shutil.copyfile(_demo_template, root / "demo.db")
    yield root
    if root != tmp_path:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.slow
def test_ten_thousand_bad_inputs_change_nothing_and_never_fail_unexpectedly(work, monkeypatch, record_property):
    tmp_path = work
    db = work / "demo.db"
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)  # built once: parsing itself is not under test
    # relative paths the fuzzer invents land here, four folders deep so "../../../etc/passwd" stays inside the
    # work folder (run as root from a shallow work folder it overwrote the machine's /etc/passwd)
    deep = tmp_path / "cwd" / "a" / "b" / "c"
    deep.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(deep)
    monkeypatch.delenv("TALENTDESK_PASSWORD", raising=False)
    monkeypatch.delenv("TALENTDESK_NEW_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: no prompt waits
    rng = random.Random(SEED)
    bad = _bad_values(tmp_path, db)
    alt_dbs = [str(tmp_path), str(tmp_path / "notes.txt"), str(tmp_path / "nowhere" / "typo.db"),
               str(tmp_path / "科室#2?x%20.db"), str(tmp_path / "名单.xlsx")]
    commands = [(w, p) for w, p in _commands(parser) if w[0] != "self-test"]  # self-test opens a window
    import shutil

    own_copy = tmp_path / "writes-by-design.db"
    shutil.copyfile(db, own_copy)
    before_data, before_audit, before_trail = _data_checksums(db), _audit_actions(db), _trail_counts(db)
    exits: Counter = Counter()
    unexpected: list[tuple[list[str], str]] = []
    not_json: list[list[str]] = []
    t0 = time.monotonic()
    for i in range(CASES):
        words, sub = commands[i % len(commands)]
        argv = _argv(rng, words, sub, bad, str(own_copy if words in WRITES_BY_DESIGN else db), alt_dbs)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # --help / --version
                code = exc.code
        exits[code] += 1
        text = out.getvalue() + err.getvalue()
        if "unexpectedly" in text or "Traceback" in text or "意外" in text or code not in (0, 1, 2):
            unexpected.append((argv, text[-400:]))
        if "--json" in argv and "-h" not in argv and "--help" not in argv and "--" not in argv:
            try:
                json.loads(out.getvalue())
            except ValueError:
                not_json.append(argv)
    seconds = time.monotonic() - t0
    after_data, after_audit, after_trail = _data_checksums(db), _audit_actions(db), _trail_counts(db)
    changed = sorted(t for t in set(before_data) | set(after_data) if before_data.get(t) != after_data.get(t))
    gained = {a for a in after_audit - before_audit}
    figures = {"cases": CASES, "commands": len(commands), "exit_codes": dict(sorted(exits.items())),
               "failed_unexpectedly": len(unexpected), "not_json": len(not_json), "tables_changed": len(changed),
               "seconds": round(seconds, 1)}
    record_property("bad_input_figures", figures)
    print(f"\nbad-input figures: {figures}")
    assert not unexpected, unexpected[:5]
    assert not not_json, not_json[:5]
    assert not changed, changed
    gained_entries, gained_links = after_trail[0] - before_trail[0], after_trail[1] - before_trail[1]
    assert gained_links == gained_entries, "every audit entry gained is linked into the chain, and nothing else"
    # refusals, and what acceptable inputs record: a backup, an export, or the restore of a backup the fuzzer itself
    # made a moment before (the same data: no table changed)
    assert gained <= {"denied", "login_failed", "backup", "export", "verify", "restore"}, gained
