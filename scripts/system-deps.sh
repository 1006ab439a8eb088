#!/usr/bin/env bash
# Installs the Debian packages Bureau Portal needs when they are missing (we may be root; if not,
# say what to install). Usage: scripts/system-deps.sh run|test
set -euo pipefail
need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg -s "$1" >/dev/null 2>&1; }

have_cmd msgfmt || need+=(gettext)
have_cmd npm || need+=(nodejs npm)
have_pkg libpango-1.0-0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
# Chinese text in PDFs needs a CJK font to embed.
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
if [ "${1:-run}" = "test" ]; then
  have_cmd pdftotext || need+=(poppler-utils)
  have_cmd chromium || need+=(chromium)
  have_cmd chromedriver || need+=(chromium-driver)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && have_cmd apt-get; then
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "Please install these system packages first: ${need[*]}" >&2
  exit 1
fi
