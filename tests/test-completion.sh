#!/usr/bin/env bash
# The shell completions the build wrote: bash's completion function driven
# as bash drives it (COMP_WORDS, COMP_CWORD) for commands, two-word
# commands, options, result and grade words and workspace files; zsh and
# fish files read by their shells when those are installed, and fish asked
# for completions too. TAP.
# Usage: test-completion.sh CLAUSEWISE-CLI BASH-FILE ZSH-FILE FISH-FILE
set -uo pipefail

# Absolute: the completions run in a folder of their own.
cli=$(realpath "$1") bash_file=$(realpath "$2") zsh_file=$(realpath "$3")
fish_file=$(realpath "$4")
n=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# Workspaces and other files to complete, in a folder of their own.
mkdir -p "$scratch/work/sub folder"
touch "$scratch/work/plan.clausewise" "$scratch/work/notes.txt" "$scratch/work/old.clausewise"

# The candidates bash offers for the words given, the last being the one
# under the cursor, sorted, one a line.
bash_complete () {
  (cd "$scratch/work" && bash --norc --noprofile -c '
    source "$0" || exit 1
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    _clausewise_cli clausewise-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' "$bash_file" "$@" | sort)
}

# Candidates are written "a|b|c" (a file name may hold a space).
expect_bash () { # expect_bash "WANTED|…" WORD…: exactly these candidates
  local wanted=$1
  shift
  local got
  got=$(bash_complete "$@" | tr '\n' '|' | sed 's/|$//')
  wanted=$(tr '|' '\n' <<<"$wanted" | sort | tr '\n' '|' | sed 's/|$//')
  if [ "$got" = "$wanted" ]; then
    ok "bash: “$*” → $wanted"
  else
    not_ok "bash: “$*” → $wanted"
    echo "# got: $got"
  fi
}

expect_bash_has () { # expect_bash_has WANTED WORD…: WANTED among the candidates
  local wanted=$1
  shift
  if bash_complete "$@" | grep -qxF -- "$wanted"; then
    ok "bash: “$*” offers $wanted"
  else
    not_ok "bash: “$*” offers $wanted"
    bash_complete "$@" | sed 's/^/# got: /'
  fi
}

if bash -n "$bash_file"; then ok "bash reads the completion"; else not_ok "bash reads the completion"; fi
if bash --norc -c 'source "$0" && complete -p clausewise-cli' "$bash_file" | grep -q _clausewise_cli; then
  ok "sourcing it registers _clausewise_cli for clausewise-cli"
else
  not_ok "sourcing it registers _clausewise_cli for clausewise-cli"
fi

expect_bash "audit" clausewise-cli au
expect_bash_has "readiness" clausewise-cli ""
expect_bash_has "--version" clausewise-cli --
expect_bash "new" clausewise-cli audit n
expect_bash "follow-up" clausewise-cli audit fo
expect_bash "--title" clausewise-cli audit new --ti
expect_bash "--csv" clausewise-cli audit list plan.clausewise --c
expect_bash "--help|--language|--output|--paper|--reproducible" clausewise-cli report audit w 1 --
# Result and grade words come from the core's vocabularies.
expect_bash "major|minor" clausewise-cli audit answer w 1 8.1-q1 m
expect_bash "not-applicable|not-assessed" clausewise-cli audit answer w 1 8.1-q1 not
expect_bash "observation|ofi" clausewise-cli finding new w 1 --grade o
expect_bash "major|minor" clausewise-cli finding update w 1 --grade = m
expect_bash "--grade=major|--grade=minor" clausewise-cli statement check --grade=m
expect_bash "closed|implemented|not-effective|planned|verified" clausewise-cli action move w 1 ""
expect_bash "a4|letter" clausewise-cli report nc w 1 --paper ""
# Workspaces: *.clausewise files and folders, and nothing else.
expect_bash "old.clausewise|plan.clausewise|sub folder" clausewise-cli audit list ""
expect_bash "plan.clausewise" clausewise-cli finding list pl
expect_bash "plan.clausewise" clausewise-cli finding new --grade major pl
# An option's value is no parameter; after WORKSPACE AUDIT nothing is left.
expect_bash "" clausewise-cli audit show plan.clausewise 1 ""
# "readiness" is a command and starts "readiness window".
expect_bash "old.clausewise|plan.clausewise|sub folder|window" clausewise-cli readiness ""
expect_bash "old.clausewise|plan.clausewise|sub folder" clausewise-cli readiness window ""
# The file of an option is any file.
expect_bash_has "notes.txt" clausewise-cli report audit w 1 -o ""

# What the build wrote is what the CLI writes now (run under the test
# environment, so a sanitizer build checks the generator for leaks too).
for shell in bash zsh fish; do
  file_var=${shell}_file
  if cmp -s <("$cli" --generate "$shell") "${!file_var}"; then
    ok "the $shell completion is what --generate $shell writes"
  else
    not_ok "the $shell completion is what --generate $shell writes"
  fi
done

# zsh's completion system needs a terminal to drive; its functions are
# stubbed here to print what they are given, which is enough to follow the
# file's own logic: which words, files or options it hands them.
zsh_complete () { # the words handed to the stubs for the words given, sorted
  (cd "$scratch/work" && zsh -f -c '
    _describe () { print -l ${${(P)4}%%:*}; }
    _values () { shift; print -l "$@"; }
    _files () { print -l *.clausewise(N) *(N/); }
    _wanted () { shift 3; "$@"; }
    compadd () { [[ $1 == -a ]] && printf "%s\n" ${(P)2}; }
    _message () { }
    source "$0" 2>/dev/null
    words=("$@")
    CURRENT=$#words
    PREFIX=$words[-1]
    _clausewise_cli' "$zsh_file" "$@" | sort | tr '\n' '|' | sed 's/|$//')
}

expect_zsh () { # expect_zsh "WANTED|…" WORD…: the candidates before matching the prefix
  local wanted=$1 got
  shift
  wanted=$(tr '|' '\n' <<<"$wanted" | sort | tr '\n' '|' | sed 's/|$//')
  got=$(zsh_complete "$@")
  if [ "$got" = "$wanted" ]; then
    ok "zsh (stubbed): “$*” → $wanted"
  else
    not_ok "zsh (stubbed): “$*” → $wanted"
    echo "# got: $got"
  fi
}

if command -v zsh >/dev/null; then
  if zsh -n "$zsh_file"; then ok "zsh -n reads _clausewise-cli"; else not_ok "zsh -n reads _clausewise-cli"; fi
  expect_zsh "new|list|show|answer|sites|session|meeting|issue|revise|follow-up|close|sample|independence" \
    clausewise-cli audit ""
  expect_zsh "ofi|observation|minor|major" clausewise-cli finding new --grade ""
  expect_zsh "old.clausewise|plan.clausewise|sub folder|window" clausewise-cli readiness ""
  expect_zsh "--help|--reproducible|--output|-o|--paper|--language" clausewise-cli report audit w 1 -
else
  skip "zsh reads _clausewise-cli and offers its words" "zsh is not installed"
fi

fish_complete () { # the candidates fish offers for a command line, sorted
  (cd "$scratch/work" && HOME=$scratch XDG_CONFIG_HOME=$scratch/config \
    XDG_DATA_HOME=$scratch/data fish --no-config -c 'source $argv[1]; complete -C$argv[2]' \
    "$fish_file" "$1" | cut -f1 | sort | tr '\n' '|' | sed 's/|$//')
}

expect_fish () { # expect_fish "WANTED|…" LINE
  local got wanted
  wanted=$(tr '|' '\n' <<<"$1" | sort | tr '\n' '|' | sed 's/|$//')
  got=$(fish_complete "$2")
  if [ "$got" = "$wanted" ]; then
    ok "fish: “$2” → $wanted"
  else
    not_ok "fish: “$2” → $wanted"
    echo "# got: $got"
  fi
}

if command -v fish >/dev/null; then
  if fish --no-config -n "$fish_file"; then
    ok "fish -n reads clausewise-cli.fish"
  else
    not_ok "fish -n reads clausewise-cli.fish"
  fi
  expect_fish "audit" "clausewise-cli au"
  expect_fish "new" "clausewise-cli audit n"
  expect_fish "--title" "clausewise-cli audit new --ti"
  expect_fish "observation|ofi" "clausewise-cli finding new w 1 --grade o"
  expect_fish "old.clausewise|plan.clausewise|sub folder/" "clausewise-cli audit list "
else
  skip "fish reads and completes with clausewise-cli.fish" "fish is not installed"
fi

echo "1..$n"
exit $failed
