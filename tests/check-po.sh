#!/usr/bin/env bash
# Every translatable source and data file is in POTFILES.in, and zh_CN has
# every message translated, none fuzzy.
set -euo pipefail
src="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

cd "$src"
# Desktop entries and metainfo always carry translatable text (xgettext
# reads them through its ITS rules); schemas do when they have summaries.
data_files() {
  ls data/*.desktop.in data/*.metainfo.xml.in 2>/dev/null || true
  grep -lE '<(summary|description)>' data/*.gschema.xml 2>/dev/null || true
}
for f in $(grep -lE '\b(N?_|C_) ?\(' src/*/*.c src/*/*/*.c 2>/dev/null; grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui 2>/dev/null; data_files); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not ok: $f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

xgettext --from-code=UTF-8 --add-comments=TRANSLATORS -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dngettext:2,3 -kngettext:1,2 \
  -f po/POTFILES.in -o "$tmp/fazhi.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge -q --no-fuzzy-matching -o "$tmp/zh_CN.po" po/zh_CN.po "$tmp/fazhi.pot"
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/zh_CN.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/zh_CN.po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry as well when anything is listed.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "not ok: zh_CN has $untranslated untranslated and $fuzzy fuzzy messages:"
  msgattrib --untranslated --no-obsolete "$tmp/zh_CN.po" | grep '^msgid ' | tail -n +2
  status=1
fi
msgfmt -c -o /dev/null po/zh_CN.po

[ $status -eq 0 ] && echo "translations complete: $(grep -c '^msgid ' "$tmp/fazhi.pot") messages"
exit $status
