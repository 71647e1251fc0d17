#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that po/POTFILES.in is sorted (LC_ALL=C), has no duplicates, lists
# only files that exist, and lists every file of src/, ui/ and data/ that
# holds translatable strings.
#
# Usage: check-potfiles.sh [--update] [SOURCE_ROOT]
#   --update  rewrite po/POTFILES.in from what is found, keeping its comments

set -u
LC_ALL=C
export LC_ALL

update=0
if [ "${1:-}" = --update ]; then
  update=1
  shift
fi

srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir" || exit 2

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "FAIL: $potfiles does not exist" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The files that hold translatable strings.
{
  # C: _(), N_(), C_(), NC_(), Q_(), ngettext () and the g_d*gettext family.
  if [ -d src ]; then
    find src -type f \( -name '*.c' -o -name '*.h' \) -print |
      xargs -r grep -lE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext2?)[[:space:]]*\('
  fi
  # GtkBuilder: translatable="yes".
  for d in ui src; do
    if [ -d "$d" ]; then
      find "$d" -type f -name '*.ui' -print |
        xargs -r grep -l 'translatable="yes"'
    fi
  done
  if [ -d data ]; then
    # Data files whose keys are translated when merged or shown.
    find data -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
      -o -name '*.appdata.xml.in' \) -print
    find data -type f -name '*.gschema.xml' -print |
      xargs -r grep -lE '<(summary|description)>'
    # Other data files (templates) opt in with translatable="yes".
    find data -type f \( -name '*.xml' -o -name '*.ui' \) ! -name '*.gschema.xml' -print |
      xargs -r grep -l 'translatable="yes"'
  fi
} | sed 's|^\./||' | sort -u > "$tmp/found"

if [ "$update" -eq 1 ]; then
  { grep '^#' "$potfiles"; cat "$tmp/found"; } > "$tmp/new"
  cat "$tmp/new" > "$potfiles"
  echo "$potfiles: rewritten with $(wc -l < "$tmp/found") files"
  exit 0
fi

status=0

# The listed files, comments and blank lines dropped.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" > "$tmp/listed"

if ! sort -c "$tmp/listed" 2>/dev/null; then
  echo "FAIL: $potfiles is not sorted (LC_ALL=C); expected order:" >&2
  sort "$tmp/listed" | sed 's/^/  /' >&2
  status=1
fi

sort "$tmp/listed" | uniq -d > "$tmp/dups"
while IFS= read -r f; do
  echo "FAIL: $potfiles lists $f more than once" >&2
  status=1
done < "$tmp/dups"

while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "FAIL: $potfiles lists $f, which does not exist" >&2
    status=1
  fi
done < "$tmp/listed"

while IFS= read -r f; do
  if ! grep -qxF "$f" "$tmp/listed"; then
    echo "FAIL: $f has translatable strings but is missing from $potfiles" >&2
    echo "      (build-aux/check-potfiles.sh --update rewrites the list)" >&2
    status=1
  fi
done < "$tmp/found"

if [ "$status" -eq 0 ]; then
  echo "$potfiles: $(wc -l < "$tmp/listed") files, sorted and complete"
fi
exit "$status"
