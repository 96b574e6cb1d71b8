"""Autogenerate an Alembic revision against a scratch database at head.

    python -m talentdesk.devtools.revision "add budgets notes"
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from talentdesk.store import db
def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        engine = db.make_engine(Path(tmp) / "scratch.db")
        db.upgrade(engine)
        with engine.connect() as conn:
            cfg = db._alembic_config(conn)
            command.revision(cfg, message=argv[0], autogenerate=True)
            conn.commit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
