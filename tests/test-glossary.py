#!/usr/bin/env python3
"""Translations use the glossary's terms (po/glossary.csv): a message whose
English has a glossary term (whole words, any case, plurals count, command
line options and tokens such as --evidence or internal-audit left aside) must have, in each translation,
every word of the term in that language. Inflected forms and compounds count:
a German adjective may take -e, -en, -er, -es or -em, and a word may sit
inside a longer one ("Auditnachweis" holds "Nachweis")."""
import csv
import os
import re
import sys

src = sys.argv[1]
LANGUAGES = {"de": "german", "fr": "french"}


def entries(path):
    entry, key = {}, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines + [""]:
        if not line.strip():
            if entry:
                yield entry
            entry, key = {}, None
            continue
        if line.startswith("#"):
            if line.startswith("#~"):
                entry["obsolete"] = True
            elif line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = True
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line)
        if m:
            key = m.group(1)
            entry[key] = m.group(2)
        elif line.startswith('"') and key:
            entry[key] += line[1:-1]


def english_pattern(term):
    words = term.split()
    last = words[-1]
    if last.endswith("y"):
        last = last[:-1] + "(?:y|ies)"
    else:
        last = re.escape(last) + "(?:s|es)?"
    body = r"\s+".join([re.escape(w) for w in words[:-1]] + [last])
    # Tokens typed on a command line ("internal-audit") are not prose.
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE)


def stems(term, language):
    out = []
    for word in term.split():
        stem = word.lower()
        if language == "de" and word[0].islower():
            stem = re.sub(r"(e|en|er|es|em)$", "", stem)
        out.append(stem)
    return out


with open(os.path.join(src, "po", "glossary.csv"), encoding="utf-8") as f:
    glossary = list(csv.DictReader(f))
with open(os.path.join(src, "po", "LINGUAS"), encoding="utf-8") as f:
    linguas = [l.strip() for l in f if l.strip() and not l.startswith("#")]

failures = []
checked = 0
for lang in linguas:
    column = LANGUAGES.get(lang)
    if column is None:
        failures.append(f"{lang}: the glossary has no column for this language")
        continue
    terms = [(english_pattern(row["english"]), row["english"], row[column]) for row in glossary]
    for entry in entries(os.path.join(src, "po", lang + ".po")):
        msgid = entry.get("msgid", "")
        if not msgid or entry.get("obsolete") or entry.get("fuzzy"):
            continue
        english = re.sub(r"--[a-z][a-z-]*", " ", msgid.replace("_", ""))
        english += " " + re.sub(r"--[a-z][a-z-]*", " ", entry.get("msgid_plural", ""))
        translations = [v for k, v in entry.items() if k.startswith("msgstr")]
        if not any(translations):
            continue
        for pattern, term, target in terms:
            if not pattern.search(english):
                continue
            checked += 1
            for text in translations:
                lowered = text.replace("_", "").lower()
                missing = [s for s in stems(target, lang) if s not in lowered]
                if missing:
                    failures.append(f"{lang}: “{term}” is “{target}”, not in: {text[:120]}"
                                    f"  (for: {msgid[:80]})")
                    break

for failure in failures[:40]:
    print(failure)
print(f"{checked} uses of glossary terms checked, {len(failures)} without the glossary's term")
sys.exit(1 if failures else 0)
