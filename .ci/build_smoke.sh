#!/usr/bin/env bash
# Build TalentDesk from build.spec with the given Python (the single files and the one-folder build), then smoke-test
# the BUILT binaries
# (.ci/smoke_binary.py: bundle contents and size, --version, demo, self-test offscreen in both languages, the
# upgrade of a release-0.1.0 database, start-up time) and prove the Windows installer script compiles.
#
#   .ci/build_smoke.sh PYTHON        # PYTHON has the project's dependencies and PyInstaller (e.g. /work/venv/bin/python)
#
# Environment: TALENTDESK_BUILD_DIR (default: build/pyinstaller; the analysis cache makes re-runs faster),
# TALENTDESK_MAX_MB (default 90), TALENTDESK_SKIP_NSIS=1 to skip the installer compile check.
# Runs on Linux here and in Git Bash on the Windows runner (.github/workflows/windows.yml). About 3 minutes on 2 cores.
set -euo pipefail
PY="${1:?usage: build_smoke.sh PYTHON}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BUILD="${TALENTDESK_BUILD_DIR:-$ROOT/build/pyinstaller}"
DIST="$BUILD/dist"
started=$(date +%s)

"$PY" -c 'import PyInstaller, PySide6' 2>/dev/null || { echo "build_smoke: $PY lacks PyInstaller or PySide6" >&2; exit 1; }
rm -rf "$DIST"
echo "build_smoke: building with PyInstaller …"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$BUILD/work" build.spec
built=$(date +%s)
echo "build_smoke: built in $((built - started)) s"

"$PY" .ci/smoke_binary.py "$DIST" --max-mb "${TALENTDESK_MAX_MB:-90}" --require-onedir

# the .deb for UOS/Kylin from the one-folder build, installed with dpkg -i and run (Linux only)
case "$(uname -s)" in
  Linux) if command -v dpkg-deb >/dev/null 2>&1; then bash .ci/deb_smoke.sh "$PY" "$DIST"; fi ;;
esac

if [[ "${TALENTDESK_SKIP_NSIS:-}" != "1" ]]; then
  if command -v makensis >/dev/null 2>&1; then
    case "$(uname -s)" in
      MINGW*|MSYS*|CYGWIN*) .ci/nsis_check.sh "$PY" "$DIST/TalentDesk" ;;   # the real installer, one-folder build
      *) .ci/nsis_check.sh "$PY" ;;                              # compile check only (placeholders; see the script)
    esac
  else
    echo "build_smoke: makensis not installed; installer compile check skipped (apt-get install nsis)" >&2
    exit 1
  fi
fi
echo "build_smoke: OK in $(( $(date +%s) - started )) s"
