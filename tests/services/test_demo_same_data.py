"""The demo generator (and the benchmark's city-size build that uses it) produces exactly the data it produced before
it was made faster: every table, the search index, the chain's records and the indexes, checksum by checksum
(tests/services/demo_digest.py; the expected checksums were written by the generator at main 24c6c4d)."""
from __future__ import annotations

import json

from tests.services.demo_digest import GOLDEN, build, digest


def test_the_demo_data_is_the_same_table_by_table(tmp_path):
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    path = tmp_path / "demo.db"
    build(path)
    got = digest(path)
    assert got["chain_problems"] == []
    differ = sorted(k for k in expected.keys() | got.keys() if expected.get(k) != got.get(k))
    assert differ == [], f"these tables differ from the demo data as generated before: {differ}"
