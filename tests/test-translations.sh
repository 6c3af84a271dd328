#!/bin/sh
# Every translation in po/LINGUAS is complete and sound: merged with the
# messages the sources have now, msgfmt --check passes and no message is
# untranslated or fuzzy. The messages are gathered as the build's pot
# target gathers them (po/meson.build: the glib preset and our keywords).
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
xgettext --files-from=po/POTFILES --directory=. --output="$tmp/clausewise.pot" \
  --package-name=clausewise --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --keyword=P_:1,2 \
  --keyword=cw_ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
failed=0
for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/clausewise.pot"
  if ! msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>"$tmp/$lang.stats"; then
    echo "po/$lang.po: msgfmt --check fails:"; cat "$tmp/$lang.stats"; failed=1; continue
  fi
  stats=$(cat "$tmp/$lang.stats")
  case "$stats" in
    *fuzzy*|*untranslated*)
      echo "po/$lang.po is not complete: $stats"
      msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | head -5
      msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid ' | head -5
      failed=1 ;;
    *) echo "po/$lang.po: $stats" ;;
  esac
done
exit $failed
