#!/usr/bin/env bash
# Installs the build into a scratch folder (meson install --destdir) and uses
# what was installed, as a packager would: the files a desktop needs are
# there and valid, the installed clausewise-cli runs, and the installed app,
# given only XDG_DATA_DIRS and GSETTINGS_SCHEMA_DIR into the folder, shows a
# demo workspace made by the installed CLI, stays up, and quits when asked.
# A schema, icon, metainfo, MIME type, man page or completion that is built
# but not installed fails it. TAP.
# Usage: test-install.sh BUILDDIR PREFIX BINDIR DATADIR MANDIR APP-ID VERSION
set -uo pipefail

# Like the window tests: a private session bus and X display when the
# caller has none (build-aux/test provides both).
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- bash "$0" "$@"
fi
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi

builddir=$1 prefix=$2 bindir=$3 datadir=$4 mandir=$5 app_id=$6 version=$7
n=0
failed=0
scratch=$(mktemp -d)
app_pid=
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { # check DESCRIPTION COMMAND…
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish () {
  echo "1..$n"
  exit $failed
}

# Only copies out of the build folder: --no-rebuild, so nothing in it that
# other tests are using is rebuilt underneath them.
destdir=$scratch/destdir
if meson install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet >"$scratch/install.log" 2>&1
then
  ok "meson install --destdir"
else
  not_ok "meson install --destdir"
  sed 's/^/# /' "$scratch/install.log" | tail -20
  finish
fi

root=$destdir$prefix
bin=$root/$bindir
share=$root/$datadir

# ---- The files ------------------------------------------------------------

check "clausewise is installed and executable" test -x "$bin/clausewise"
check "clausewise-cli is installed and executable" test -x "$bin/clausewise-cli"

schemas=$share/glib-2.0/schemas
check "the settings schema is installed" test -f "$schemas/$app_id.gschema.xml"
# meson's post-install compiles the schemas in the destdir; a packager's
# trigger would do the same. Either way they must compile.
if [ -f "$schemas/gschemas.compiled" ]; then
  echo "# meson's post-install compiled the schemas"
else
  echo "# no gschemas.compiled after the install; compiling them as a packager's trigger would"
  glib-compile-schemas "$schemas" 2>&1 | sed 's/^/# /'
fi
check "the installed schemas compile (gschemas.compiled)" test -f "$schemas/gschemas.compiled"

icons=$share/icons/hicolor
check "the app icon is in hicolor/scalable/apps" test -f "$icons/scalable/apps/$app_id.svg"
check "the symbolic icon is in hicolor/symbolic/apps" \
  test -f "$icons/symbolic/apps/$app_id-symbolic.svg"

desktop=$share/applications/$app_id.desktop
check "the desktop file is installed" test -f "$desktop"
if command -v desktop-file-validate >/dev/null; then
  check "the installed desktop file validates" desktop-file-validate "$desktop"
else
  skip "the installed desktop file validates" "desktop-file-validate is not installed"
fi
check "the desktop file starts the installed program's name" \
  grep -qE '^Exec=clausewise( |$)' "$desktop"

metainfo=$share/metainfo/$app_id.metainfo.xml
check "the metainfo is installed" test -f "$metainfo"
if command -v appstreamcli >/dev/null; then
  check "the installed metainfo validates" appstreamcli validate --no-net "$metainfo"
else
  skip "the installed metainfo validates" "appstreamcli is not installed"
fi

mime=$share/mime/packages/$app_id.mime.xml
check "the MIME type is installed" test -f "$mime"
# The icon the MIME type names is installed under hicolor's mimetypes.
mime_icon=$(sed -n 's/.*<icon name="\([^"]*\)".*/\1/p' "$mime" | head -1)
if [ -n "$mime_icon" ]; then
  check "the MIME type's icon $mime_icon is installed" \
    test -f "$icons/scalable/mimetypes/$mime_icon.svg"
else
  not_ok "the MIME type names an icon"
fi
if command -v update-mime-database >/dev/null; then
  update-mime-database "$share/mime" >/dev/null 2>&1
  check "the MIME database built from it knows *.clausewise" \
    grep -q ':\*\.clausewise$' "$share/mime/globs2"
else
  skip "the MIME database built from it knows *.clausewise" "shared-mime-info is not installed"
fi

for page in clausewise.1 clausewise-cli.1; do
  check "the man page $page is installed" test -s "$root/$mandir/man1/$page"
done
check "the bash completion is installed" \
  test -s "$share/bash-completion/completions/clausewise-cli"
check "the zsh completion is installed" test -s "$share/zsh/site-functions/_clausewise-cli"
check "the fish completion is installed" \
  test -s "$share/fish/vendor_completions.d/clausewise-cli.fish"

# ---- The installed command line --------------------------------------------

check "clausewise-cli --version says $version" \
  test "$("$bin/clausewise-cli" --version)" = "clausewise-cli $version"
clauses=$("$bin/clausewise-cli" catalogue | grep -cE '^[0-9]+(\.[0-9]+)*	')
check "clausewise-cli catalogue lists the clauses ($clauses)" test "$clauses" -gt 20
workspace=$scratch/demo.clausewise
quietly () { "$@" >/dev/null; }
check "clausewise-cli demo makes a workspace" quietly "$bin/clausewise-cli" demo "$workspace"
check "clausewise-cli check finds it sound" quietly "$bin/clausewise-cli" check "$workspace"

# ---- The installed window ----------------------------------------------------

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  skip "the installed app shows the workspace" "no X display or no xdotool"
  finish
fi

# Nothing from the build tree: the schema and the data come from the
# install. The user's own folders are left alone.
app_env=(
  env
  GSETTINGS_SCHEMA_DIR="$schemas"
  XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
  XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
  XDG_CACHE_HOME="$scratch/cache" HOME="$scratch"
  # The window tests' reason: GTK 4.8 loses render nodes while painting.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
)
"${app_env[@]}" "$bin/clausewise" "$workspace" >"$scratch/app.log" 2>&1 &
app_pid=$!

# Its window is titled after the workspace's file.
window=
for _ in $(seq 1 100); do
  window=$(xdotool search --onlyvisible --name 'demo\.clausewise' 2>/dev/null | head -1)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.2
done
if [ -n "$window" ]; then
  ok "the installed app shows a window for the workspace ($(xdotool getwindowname "$window"))"
else
  not_ok "the installed app shows a window for the workspace"
fi

sleep 3
if kill -0 "$app_pid" 2>/dev/null; then
  ok "the installed app is still running three seconds later"
else
  wait "$app_pid"
  not_ok "the installed app is still running three seconds later (it exited with $?)"
  app_pid=
fi
if command -v xwininfo >/dev/null && [ -n "$window" ]; then
  check "its window is mapped and viewable" \
    bash -c 'xwininfo -id "$0" | grep -q "Map State: IsViewable"' "$window"
fi

# Quit as the desktop would, through the application's exported action.
if [ -n "$app_pid" ]; then
  object_path=/$(tr . / <<<"$app_id")
  gdbus call --session --dest "$app_id" --object-path "$object_path" \
    --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>&1
  for _ in $(seq 1 50); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$app_pid" 2>/dev/null; then
    not_ok "the installed app quits when asked"
  else
    wait "$app_pid"
    status=$?
    app_pid=
    check "the installed app quits when asked, with exit status 0 (got $status)" \
      test "$status" -eq 0
  fi
fi
if [ -s "$scratch/app.log" ]; then
  echo "# the app wrote:"
  sed 's/^/#   /' "$scratch/app.log" | head -20
fi
check "the app wrote no warning or critical" \
  bash -c '! grep -qE "WARNING|CRITICAL|ERROR" "$0"' "$scratch/app.log"

finish
