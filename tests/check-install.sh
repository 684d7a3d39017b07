#!/usr/bin/env bash
# `meson install` into a temporary DESTDIR puts every file in place, and the
# installed fazhi-check runs on the installed sample from another folder,
# with the installed translations.  No root needed; well under a second.
#
#   check-install.sh BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID GUI
set -euo pipefail
build="$1" prefix="$2" bindir="$3" datadir="$4" localedir="$5" app_id="$6" gui="$7"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest="$tmp/dest"
status=0

fail() {
  echo "not ok: $*"
  status=1
}

# DESTDIR makes meson skip the post-install cache updates, as packagers want.
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 || {
  cat "$tmp/install.log"
  exit 1
}

# Relative option values are relative to the prefix.
under_prefix() {
  case "$1" in
    /*) echo "$dest$1" ;;
    *) echo "$dest$prefix/$1" ;;
  esac
}
bin=$(under_prefix "$bindir")
data=$(under_prefix "$datadir")
locale=$(under_prefix "$localedir")

expected=(
  "$bin/fazhi-check"
  "$data/fazhi-review/rules/national.xml"
  "$data/fazhi-review/rules/guangdong.xml"
  "$data/fazhi-review/rules/example.xml"
  "$data/fazhi-review/rules/README.md"
  "$data/fazhi-review/samples/sample-report.txt"
  "$locale/zh_CN/LC_MESSAGES/fazhi-review.mo"
  "$data/glib-2.0/schemas/$app_id.gschema.xml"
  "$data/applications/$app_id.desktop"
  "$data/metainfo/$app_id.metainfo.xml"
  "$data/icons/hicolor/scalable/apps/$app_id.svg"
  "$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
)
[ "$gui" = true ] && expected+=("$bin/fazhi-review")
for f in "${expected[@]}"; do
  [ -s "$f" ] || fail "${f#"$dest"} was not installed"
done
echo "installed: $(find "$dest" -type f | wc -l) files"

# The desktop file names the installed binary and icon.
grep -qx "Exec=fazhi-review %F" "$data/applications/$app_id.desktop" || fail "desktop file Exec"
grep -qx "Icon=$app_id" "$data/applications/$app_id.desktop" || fail "desktop file Icon"

# From an unrelated folder, with nothing of the build tree in reach: the
# built-in rule sets are compiled in, the sample and rules come from the
# installed tree.
elsewhere="$tmp/elsewhere"
mkdir -p "$elsewhere"
cd "$elsewhere"
unset FAZHI_LOCALEDIR FAZHI_SAMPLE
export XDG_CONFIG_HOME="$tmp/config"

sample="$data/fazhi-review/samples/sample-report.txt"
if ! LC_ALL=C.UTF-8 LANGUAGE= "$bin/fazhi-check" --format=json "$sample" >"$tmp/out.json" 2>"$tmp/err"; then
  cat "$tmp/err"
  fail "installed fazhi-check failed on the installed sample"
fi
grep -q '"schema" *: *"fazhi-check/1"' "$tmp/out.json" || fail "no fazhi-check/1 JSON"
grep -q '"ruleset" *: *"national"' "$tmp/out.json" || fail "not checked against national"
grep -q '"error" *: *null' "$tmp/out.json" || fail "the installed sample was not read"

# The installed example rule set loads as a rule set of its own.
LC_ALL=C.UTF-8 LANGUAGE= "$bin/fazhi-check" --format=json \
  --rules="$data/fazhi-review/rules/example.xml" "$sample" >"$tmp/example.json" 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "the installed example rule set does not load"; }
grep -q '"ruleset" *: *"example-county"' "$tmp/example.json" || fail "example rule set not used"

# The installed catalog translates.  C.UTF-8 is always there; LANGUAGE
# picks the catalog, as a zh_CN desktop session would.
# Against an empty locale folder, only GLib's own catalog could change the
# text: the difference is this project's catalog.
mkdir -p "$tmp/no-locale"
english=$(LC_ALL=C.UTF-8 LANGUAGE= FAZHI_LOCALEDIR="$locale" "$bin/fazhi-check" --help 2>&1 || true)
chinese=$(LC_ALL=C.UTF-8 LANGUAGE=zh_CN FAZHI_LOCALEDIR="$locale" "$bin/fazhi-check" --help 2>&1 || true)
without=$(LC_ALL=C.UTF-8 LANGUAGE=zh_CN FAZHI_LOCALEDIR="$tmp/no-locale" "$bin/fazhi-check" --help 2>&1 || true)
[ "$english" != "$chinese" ] || fail "the installed zh_CN catalog is not used"
[ "$without" != "$chinese" ] || fail "the installed zh_CN catalog is not used"

if [ "$gui" = true ]; then
  # Option parsing happens before any display is needed.
  "$bin/fazhi-review" --help >/dev/null 2>&1 || fail "installed fazhi-review --help"
fi

[ $status -eq 0 ] && echo "ok: installed tree complete and runnable"
exit $status
