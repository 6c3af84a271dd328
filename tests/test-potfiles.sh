#!/bin/sh
# test-potfiles.sh: every source file with a translatable string is listed
# in po/POTFILES, and every file listed there exists; a string in a file
# left out would never reach a translator.
set -eu
top=${1:?the source folder}
cd "$top"
status=0
for f in $(git ls-files 'src/*.c' 'ui/*.ui' 2>/dev/null || find src ui -name '*.c' -o -name '*.ui'); do
  if grep -qE '(^|[^a-zA-Z0-9_])(N_|_|P_) ?\(|translatable="yes"|g_dngettext' "$f" \
     && ! grep -qx "$f" po/POTFILES; then
    echo "not in po/POTFILES: $f"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES); do
  [ -e "$f" ] || { echo "listed in po/POTFILES but missing: $f"; status=1; }
done
exit $status
