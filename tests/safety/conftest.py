"""Safety tests: cheap argon2 parameters (the production cost is asserted separately) and small helpers."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from talentdesk.services.safety import accounts
@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(accounts, "_DUMMY_HASH", None)
