"""Bank accounts are encrypted with the rest of the file: once the first account turns encryption on, `grep -a` finds
no account number in the database or its backups, and the accounts still read back after logging in."""
from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.cli import main as cli_main
from talentdesk.domain.models import BankAccount
from talentdesk.services.base import Actor
from talentdesk.store import cipher


pytestmark = pytest.mark.usefixtures("fresh_keys")


def _hits(patterns: list[str], folder: Path) -> str:
    pattern_file = Path(tempfile.mkdtemp()) / "patterns.txt"
    pattern_file.write_text("\n".join(patterns), encoding="utf-8")
    done = subprocess.run(["grep", "-a", "-r", "-l", "-F", "-f", str(pattern_file), str(folder)],
                          capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.strip()


def test_account_numbers_are_not_in_the_encrypted_file(demo_db, monkeypatch, capsys):
    path = demo_db.path
    with demo_db.session(Actor.local(), readonly=True) as s:
        numbers = list(s.scalars(select(BankAccount.account_no)))
    assert len(numbers) > 100 and _hits(numbers, path.parent)  # in clear before: the check can fail
    demo_db.dispose()
    cipher.forget()
    monkeypatch.setenv("TALENTDESK_NEW_PASSWORD", "admin-password-1")
    assert cli_main(["--lang", "en", "--db", str(path), "users", "add", "admin", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["encrypted"] is True
    assert cipher.is_encrypted(path)
    assert _hits(numbers, path.parent) == ""
    cipher.forget()
    monkeypatch.setenv("TALENTDESK_PASSWORD", "admin-password-1")
    assert cli_main(["--lang", "en", "--db", str(path), "--user", "admin", "bank-account", "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["account_no"] in numbers
