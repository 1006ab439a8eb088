#!/usr/bin/env bash
# Rebuilds the Chinese catalog locale/zh_Hans/LC_MESSAGES/django.po: extracts every message id
# from the code and templates (makemessages), then fills in the translations kept in
# locale/parts/*.po (one file per branch) as a compendium. Finally lists what is still untranslated.
# Usage: scripts/build-translations.sh [python]   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-.venv/bin/python}"
PO=locale/zh_Hans/LC_MESSAGES/django.po
mkdir -p "$(dirname "$PO")"

DEBUG=1 "$PY" manage.py makemessages -l zh_Hans --no-obsolete --no-location -v 0 \
  --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests --ignore=bench \
  --ignore=media --ignore=locale

# makemessages guesses translations of new ids by fuzzy matching; drop those guesses so the parts decide.
msgattrib --clear-fuzzy --empty --no-wrap -o "$PO" "$PO"

compendia=()
for part in locale/parts/*.po; do
  [ -e "$part" ] && compendia+=(--compendium="$part")
done
if [ ${#compendia[@]} -gt 0 ]; then
  # The existing django.po stays the "definition" side; the parts fill what it lacks.
  msgmerge --quiet --no-fuzzy-matching --no-location --no-wrap "${compendia[@]}" -o "$PO.new" "$PO" "$PO"
  mv "$PO.new" "$PO"
fi
# A header marked fuzzy would make msgfmt ignore the charset and plural forms.
"$PY" - "$PO" <<'PYEOF'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r'\A((?:#[^\n]*\n)*?)#, fuzzy\n(msgid "")', r"\1\2", text, count=1)
text = text.replace('"Project-Id-Version: PACKAGE VERSION\\n"', '"Project-Id-Version: Bureau Portal\\n"')
text = text.replace('"Language: \\n"', '"Language: zh_Hans\\n"')
text = text.replace('"Content-Type: text/plain; charset=CHARSET\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"')
open(path, "w", encoding="utf-8").write(text)
PYEOF

untranslated=$(msgattrib --untranslated --no-wrap "$PO" | grep -c "^msgid \"[^\"]" || true)
fuzzy=$(msgattrib --only-fuzzy --no-wrap "$PO" | grep -c "^msgid \"[^\"]" || true)
echo "$PO: untranslated entries: ${untranslated}, fuzzy: ${fuzzy}"
msgfmt --check-format -o /dev/null "$PO"
