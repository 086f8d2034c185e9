#!/usr/bin/env bash
# Make sure the system packages the reports need are present: a Chromium to print PDFs
# and render charts, CJK fonts so Chinese labels do not print as boxes, a colour emoji font
# so emoji in a source's text or a name do not either, and Python's venv
# module for `.venv`. With --tests, also what the tests use beyond that: systemd-analyze
# (it verifies the units in deploy/).
# Installs them with apt when we can (root on Debian/Ubuntu); otherwise says exactly
# what is missing and exits 4, the CLI's "missing dependency" code.
set -euo pipefail

tests=0
[ "${1:-}" = "--tests" ] && tests=1
python="${PYTHON:-python3}"

have_browser() {
  [ -n "${IPDOSSIER_CHROMIUM:-}" ] && [ -x "${IPDOSSIER_CHROMIUM}" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1
}
have_cjk_fonts() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]
}
have_emoji_font() {
  command -v fc-list >/dev/null 2>&1 && [[ "$(fc-list : family 2>/dev/null)" == *"Noto Color Emoji"* ]]
}
have_venv() {
  # An existing .venv needs nothing; Debian splits venv (and the ensurepip it needs) out
  # of the interpreter.
  [ -x .venv/bin/python ] && return 0
  command -v "$python" >/dev/null 2>&1 && "$python" -c "import ensurepip, venv" >/dev/null 2>&1
}
venv_package() {
  # python3.11 -> python3.11-venv; plain python3 -> python3-venv
  local version
  version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" || true
  if [ -n "$version" ] && [ "$(basename "$python")" = "python$version" ]; then
    echo "python$version-venv"
  else
    echo "python3-venv"
  fi
}

missing=()
have_browser || missing+=(chromium)
have_cjk_fonts || missing+=(fonts-noto-cjk)
have_emoji_font || missing+=(fonts-noto-color-emoji)
have_venv || missing+=("$(venv_package)")
if [ "$tests" -eq 1 ]; then
  command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
  # pdftotext reads the printed PDFs' text layer as a second reader (tests/test_text_layer.py).
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${missing[@]}" fontconfig >&2
  exit 0
fi

cat >&2 <<MSG
ipdossier needs these system packages, which are missing: ${missing[*]}
  Debian/Ubuntu:  sudo apt-get install ${missing[*]}
  Elsewhere:      install Chromium or Google Chrome, a CJK font (Noto Sans CJK SC) and
                  Noto Color Emoji,
                  and point IPDOSSIER_CHROMIUM to the browser executable if it is not on PATH;
                  Python ${python} with its venv module; for the tests, systemd-analyze
                  and pdftotext (poppler-utils).
MSG
exit 4
