"""The README and docs/ point only at files inside the project, and the architecture page names modules that exist
(it is checked against the code, so a move that forgets the page fails here)."""
from __future__ import annotations

import re

from talentdesk.paths import bundle_root

ROOT = bundle_root()
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_every_link_stays_inside_the_project_and_resolves():
    bad = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)", text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            resolved = (doc.parent / target).resolve()
            if not resolved.is_relative_to(ROOT) or not resolved.exists():
                bad.append(f"{doc.name}: {target}")
        if "../shared" in text or "DESIGN.md" in text:
            bad.append(f"{doc.name}: names a design file outside the project")
    assert not bad, bad


def test_the_architecture_page_names_modules_that_exist():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "talentdesk"
    missing = []
    for rel in set(re.findall(r"`((?:store|services|ui|domain|reports|commands)/[\w/]+\.py)`", text)):
        if not (package / rel).exists():
            missing.append(rel)
    for area in ("talents", "ledger", "mentors", "growth", "safety", "common"):
        assert (package / "services" / area).is_dir()
    for module in ("db", "migrate", "locking", "exclusive", "backup_files", "integrity", "files", "guard"):
        if module in text and not (package / "store" / f"{module}.py").exists():
            missing.append(f"store/{module}.py")
    assert not missing, missing
    assert "```mermaid" in text or "┌" in text, "the page has its picture"
