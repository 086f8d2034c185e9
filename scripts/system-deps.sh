#!/usr/bin/env bash
# Make sure the two system packages the reports need are present: a Chromium to print
# PDFs and render charts, and CJK fonts so Chinese labels do not print as boxes.
# Installs them with apt when we can (root on Debian/Ubuntu); otherwise says exactly
# what is missing and exits 4, the CLI's "missing dependency" code.
set -euo pipefail

have_browser() {
  [ -n "${IPDOSSIER_CHROMIUM:-}" ] && [ -x "${IPDOSSIER_CHROMIUM}" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1
}
have_cjk_fonts() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]
}

missing=()
have_browser || missing+=(chromium)
have_cjk_fonts || missing+=(fonts-noto-cjk)
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
  Elsewhere:      install Chromium or Google Chrome and a CJK font (Noto Sans CJK SC),
                  and point IPDOSSIER_CHROMIUM to the browser executable if it is not on PATH.
MSG
exit 4
