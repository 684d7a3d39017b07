#!/usr/bin/env bash
# A second `fazhi-review FILE` hands FILE to the running window and exits,
# as a file manager's "Open with" expects.  Run inside a private session bus
# and display: dbus-run-session -- xvfb-run -a check-single-instance.sh …
set -euo pipefail

app="$1"
report="$2"
app_id="$3"

tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# Two names, so the second is a report of its own in the recent list.
cp "$report" "$tmp/first.txt"
cp "$report" "$tmp/second.txt"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export GSETTINGS_BACKEND=memory
mkdir -p "$XDG_DATA_HOME"

"$app" "$tmp/first.txt" &
pid=$!

object_path="/$(echo "$app_id" | tr . /)"
for _ in $(seq 100); do
  if gdbus call --session --dest "$app_id" --object-path "$object_path" \
       --method org.freedesktop.DBus.Peer.Ping >/dev/null 2>&1; then
    break
  fi
  kill -0 "$pid" || { echo "not ok: the first instance exited"; exit 1; }
  sleep 0.1
done

# The second launch must be a remote: it returns at once.
start=$(date +%s%N)
if ! timeout 10 "$app" "$tmp/second.txt"; then
  echo "not ok: the second launch did not hand its file over and exit"
  exit 1
fi
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))

# The running window opened it: it is in that instance's recent reports.
for _ in $(seq 100); do
  if grep -q "second.txt" "$XDG_DATA_HOME/recently-used.xbel" 2>/dev/null; then
    echo "ok: the running window opened the second file; the second launch took ${elapsed} ms"
    exit 0
  fi
  sleep 0.1
done

echo "not ok: the running window did not open the second file"
exit 1
