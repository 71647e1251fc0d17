#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that every translation in po/ is complete: regenerates the template
# from po/POTFILES.in with the same xgettext options as meson's 'glib' preset,
# merges each language into it, and fails naming every untranslated or fuzzy
# message, and any message msgfmt --check rejects.
#
# Usage: check-po.sh [SOURCE_ROOT [LANG...]]

set -u
LC_ALL=C.UTF-8
export LC_ALL

srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir" || exit 2
[ $# -gt 0 ] && shift

if [ $# -gt 0 ]; then
  langs=$*
else
  langs=$(sed -e 's/#.*//' po/LINGUAS)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in > "$tmp/POTFILES"

if ! xgettext --package-name=formadesk \
    --files-from="$tmp/POTFILES" --directory=. \
    --output="$tmp/formadesk.pot" \
    --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
    --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
    --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
    --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
    --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
    --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
    --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format; then
  echo "FAIL: xgettext could not extract the messages" >&2
  exit 1
fi

status=0
for lang in $langs; do
  po=po/$lang.po
  if [ ! -f "$po" ]; then
    echo "FAIL: $po does not exist" >&2
    status=1
    continue
  fi

  if ! msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" \
      "$po" "$tmp/formadesk.pot"; then
    echo "FAIL: msgmerge could not merge $po" >&2
    status=1
    continue
  fi

  if ! msgfmt --check --output-file=/dev/null "$tmp/$lang.po"; then
    echo "FAIL: $po does not pass msgfmt --check (see above)" >&2
    status=1
  fi

  msgattrib --untranslated --no-obsolete --no-wrap --no-location \
    "$tmp/$lang.po" > "$tmp/$lang.untranslated" 2>/dev/null
  msgattrib --only-fuzzy --no-obsolete --no-wrap --no-location \
    "$tmp/$lang.po" > "$tmp/$lang.fuzzy" 2>/dev/null
  for kind in untranslated fuzzy; do
    # The header entry (msgid "") is not a message.
    sed -n 's/^msgid "\(..*\)"$/\1/p' "$tmp/$lang.$kind" > "$tmp/$lang.$kind.ids"
    # Entries whose first line is msgid "" are multi-line: show the next line.
    awk '/^msgid ""$/ { getline; if ($0 ~ /^"/) print substr($0, 2, length($0) - 2) "…" }' \
      "$tmp/$lang.$kind" | sed '/^Project-Id-Version/d' >> "$tmp/$lang.$kind.ids"
    while IFS= read -r id; do
      echo "FAIL: $po: $kind: \"$id\"" >&2
      status=1
    done < "$tmp/$lang.$kind.ids"
  done

  msgfmt --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1 |
    sed "s|^|$po: |"

  # Messages no longer in the sources: reported, not failed.
  obsolete=$(msgattrib --only-obsolete "$po" 2>/dev/null | grep -c '^#~ msgid' || true)
  if [ "${obsolete:-0}" -gt 0 ]; then
    echo "note: $po has $obsolete obsolete messages (run meson compile formadesk-update-po)"
  fi
done

exit "$status"
