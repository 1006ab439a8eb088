"""Turn "msgid<TAB>msgstr" lines into a .po file (a helper for writing locale/parts/*.po).

Usage: python scripts/tsv2po.py translations.tsv > locale/parts/<branch>.po
"""

import sys

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_Hans\\n"\n'


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(path):
    out = [HEADER]
    seen = set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            msgid, msgstr = line.split("\t")
            if msgid in seen:
                continue
            seen.add(msgid)
            out.append(f"msgid {quote(msgid)}\nmsgstr {quote(msgstr)}\n")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
