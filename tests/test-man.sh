#!/usr/bin/env bash
# The man pages the build wrote: every command that `clausewise-cli --help`
# lists has its section in clausewise-cli(1), with every option its own
# --help lists; the pages are what the CLI writes now; groff and man render
# them without a warning. TAP.
# Usage: test-man.sh CLAUSEWISE-CLI CLAUSEWISE-CLI.1 CLAUSEWISE.1
set -uo pipefail

cli=$1 cli_page=$2 app_page=$3
n=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { # check DESCRIPTION COMMAND…
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# The commands of the overview: the leading lowercase words of each line
# under "Commands:" (the call is padded to 40 columns, then the summary).
commands () {
  "$cli" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  //p' | while read -r line; do
    local name=
    for word in ${line:0:40}; do
      [[ $word =~ ^[a-z][a-z-]*$ ]] || break
      name+=${name:+ }$word
    done
    [ -n "$name" ] && echo "$name"
  done
}

# The page's headings as text: "clausewise-cli audit new WORKSPACE".
headings () {
  sed -n 's/^\.SS "\(.*\)"$/\1/p' "$1" | sed 's/\\-/-/g; s/\\f[BIR]//g'
}

# The lines of the page from the heading of COMMAND to the next heading.
section () { # section PAGE COMMAND
  awk -v want="$2" '
    /^\.SS / {
      h = $0; sub(/^\.SS "/, "", h); sub(/"$/, "", h)
      gsub(/\\-/, "-", h); gsub(/\\f[BIR]/, "", h)
      sub(/^clausewise-cli /, "", h)
      inside = (h == want || index(h, want " ") == 1 && substr(h, length(want) + 2) ~ /^[A-Z]/)
      next
    }
    inside { gsub(/\\-/, "-"); gsub(/\\f[BIR]/, ""); print }
  ' "$1"
}

# Prints each command of --help that has no section in PAGE; false if any.
missing_commands () { # missing_commands PAGE
  local page=$1 status=0
  local all
  all=$(headings "$page")
  while read -r name; do
    if ! grep -qE "^clausewise-cli ${name}( [A-Z]|$)" <<<"$all"; then
      echo "# clausewise-cli --help lists “$name”, the page has no section for it"
      status=1
    fi
  done < <(commands)
  return $status
}

listed=$(commands | wc -l)
check "--help lists commands ($listed)" test "$listed" -gt 20
check "every command of --help has its section in clausewise-cli(1)" missing_commands "$cli_page"

# The check itself: a page without one section must fail it.
grep -v '^\.SS "clausewise\\-cli audit new ' "$cli_page" >"$scratch/doctored.1"
if missing_commands "$scratch/doctored.1" >/dev/null; then
  not_ok "a page without “audit new” fails the check"
else
  ok "a page without “audit new” fails the check"
fi

# Each command's options, as its own --help prints them.
options_missing=0
while read -r name; do
  # shellcheck disable=SC2086
  help=$("$cli" $name --help) || { echo "# $name --help failed"; options_missing=1; continue; }
  text=$(section "$cli_page" "$name")
  for option in $(grep -oE '^  (-[a-zA-Z], )?--[a-z][a-z-]*' <<<"$help" | grep -oE -- '--[a-z-]+'); do
    [ "$option" = --help ] && continue
    if ! grep -qE -- "(^|, )${option}( |$)" <<<"$text"; then
      echo "# clausewise-cli $name --help has $option, its section in the page does not"
      options_missing=1
    fi
  done
done < <(commands)
check "every option of every command's --help is in its section" test $options_missing -eq 0

# What the build wrote is what the CLI writes now (run here under the test
# environment, so a sanitizer build checks the generator for leaks too).
check "clausewise-cli(1) is what --generate man writes" \
  cmp -s <("$cli" --generate man) "$cli_page"
check "clausewise(1) is what --generate man-app writes" \
  cmp -s <("$cli" --generate man-app) "$app_page"
check "--generate refuses an unknown kind with exit 2" \
  bash -c '"$0" --generate nonsense 2>/dev/null; test $? -eq 2' "$cli"

# Rendering: groff with every warning on, and man-db as a reader runs it.
for page in "$cli_page" "$app_page"; do
  base=$(basename "$page")
  if command -v groff >/dev/null; then
    for device in utf8 ascii; do
      warnings=$(groff -man -T"$device" -ww -z "$page" 2>&1)
      if [ -z "$warnings" ]; then
        ok "groff -T$device renders $base without warnings"
      else
        not_ok "groff -T$device renders $base without warnings"
        sed 's/^/# /' <<<"$warnings" | head -20
      fi
    done
  else
    skip "groff renders $base without warnings" "groff is not installed"
  fi
  if command -v man >/dev/null; then
    rendered=$(MANWIDTH=80 man --warnings -l "$page" 2>"$scratch/man.err")
    if [ $? -eq 0 ] && [ ! -s "$scratch/man.err" ] && grep -q "^NAME" <<<"$rendered"; then
      ok "man -l shows $base"
    else
      not_ok "man -l shows $base"
      sed 's/^/# /' "$scratch/man.err" | head -20
    fi
  else
    skip "man -l shows $base" "man-db is not installed"
  fi
done

echo "1..$n"
exit $failed
