#!/usr/bin/env bash
# Package the one-folder build as a .deb (installer/make_deb.py), install it with `dpkg -i`, run the INSTALLED
# program — --version, demo, self-test in zh_CN with its Chinese window titles — from outside the source tree, then
# remove the package and check the user's data folder is still there. Called by .ci/build_smoke.sh on Linux.
#
#   .ci/deb_smoke.sh PYTHON DIST          # DIST holds TalentDesk/ (the one-folder build); the .deb is written there
set -euo pipefail
PY="${1:?usage: deb_smoke.sh PYTHON DIST}"
DIST="${2:?usage: deb_smoke.sh PYTHON DIST}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
DEB="$("$PY" installer/make_deb.py "$DIST/TalentDesk" "$DIST" | cut -d' ' -f1)"
echo "deb_smoke: built $DEB ($(( $(wc -c < "$DEB") / 1000000 )) MB) in $(( $(date +%s) - started )) s"
if [ "$(id -u)" != "0" ] || ! command -v dpkg >/dev/null 2>&1; then
  echo "deb_smoke: not root (or no dpkg): the install test needs dpkg -i; skipped"
  exit 0
fi
dpkg -i "$DEB" >/dev/null
trap 'dpkg -r talentdesk >/dev/null 2>&1 || true' EXIT
WORK="$(mktemp -d)"
cd "$WORK"   # outside the source tree
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" QT_QPA_PLATFORM=offscreen
unset TALENTDESK_HOME TALENTDESK_LANG
test "$(command -v talentdesk)" = "/usr/bin/talentdesk"
grep -q "^Name\[zh_CN\]=人才工作台$" /usr/share/applications/talentdesk.desktop
test -s /usr/share/icons/hicolor/256x256/apps/talentdesk.png
talentdesk --version
t0=$(date +%s%N); talentdesk --version >/dev/null; t1=$(date +%s%N)
talentdesk demo --talents 50 --json > demo.json
talentdesk --lang zh_CN self-test --json > selftest.json
"$PY" - "$WORK" <<'PY'
import json, sys
from pathlib import Path
work = Path(sys.argv[1])
demo = json.loads((work / "demo.json").read_text())
result = json.loads((work / "selftest.json").read_text())
assert demo["talents"] == 50, demo
assert result["ok"], result
tabs = [c["name"] for c in result["checks"] if c["name"].startswith("tab ")]
assert tabs and all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in tabs), tabs
assert (work / "data" / "TalentDesk" / "talentdesk.db").is_file(), "the data folder is in the user's home"
print(f"deb_smoke: installed program ran demo and self-test (zh_CN): {', '.join(tabs)}")
PY
dpkg -r talentdesk >/dev/null
test ! -e /opt/talentdesk/talentdesk
test -f "$WORK/data/TalentDesk/talentdesk.db" || { echo "deb_smoke: removing the package removed the data" >&2; exit 1; }
echo "deb_smoke: OK — installed, --version in $(( (t1 - t0) / 1000000 )) ms, removed with the data kept, $(( $(date +%s) - started )) s"
