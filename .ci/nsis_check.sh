#!/usr/bin/env bash
# Prove installer/talentdesk.nsi compiles with makensis (warnings are errors).
#
#   .ci/nsis_check.sh PYTHON [DIST_DIR]
#
# With DIST_DIR (the one-folder build from build.spec on Windows: talentdesk.exe, talentdesk-cli.exe, _internal\) this
# builds the real installer into DIST_DIR/TalentDesk-<version>-setup.exe. Without it — on Linux, where PyInstaller
# cannot make Windows executables — it compiles the script against two small PLACEHOLDER files named like the
# executables, only to check the script's syntax, includes, defines, pages, languages and icon; that installer is
# written to a temporary folder and deleted, never shipped.
set -euo pipefail
PY="${1:?usage: nsis_check.sh PYTHON [DIST_DIR]}"
DIST="${2:-}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

if ! command -v makensis >/dev/null 2>&1; then
  echo "nsis_check: makensis not found (Debian: apt-get install nsis; Windows: choco install nsis)" >&2
  exit 1
fi
VERSION="$("$PY" -c 'import talentdesk; print(talentdesk.__version__)')"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

if [[ -z "$DIST" ]]; then
  DIST="$TMP/placeholder-dist"
  mkdir -p "$DIST"
  printf 'placeholder for the syntax check only\n' > "$DIST/talentdesk.exe"
  printf 'placeholder for the syntax check only\n' > "$DIST/talentdesk-cli.exe"
  mkdir -p "$DIST/_internal"
  printf 'placeholder for the syntax check only\n' > "$DIST/_internal/placeholder.txt"
  OUT="$TMP/TalentDesk-$VERSION-setup.exe"
  KIND="compile check against placeholder executables"
else
  OUT="$(dirname "$DIST")/TalentDesk-$VERSION-setup.exe"   # beside the one-folder build, not inside it
  KIND="installer"
fi
DEFINES="$TMP/installer-defines.nsh"
native() { if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else printf '%s' "$1"; fi; }  # Git Bash
"$PY" installer/version_info.py nsis "$(native "$DIST")" "$(native "$OUT")" "$(native "$DEFINES")" >/dev/null
makensis -V2 -WX -INPUTCHARSET UTF8 "-DDEFINES=$(native "$DEFINES")" installer/talentdesk.nsi
test -s "$OUT"
echo "nsis_check: OK — $KIND ($(( $(wc -c < "$OUT") / 1024 )) KB) for TalentDesk $VERSION"
