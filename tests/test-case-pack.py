#!/usr/bin/python3
"""Checks the case audits of an exercise pack beyond what its schema can say.

    test-case-pack.py PACK.xml CLAUSEWISE-CLI

For every <case> in the pack it checks that:
  - every id in the case (documents, interviews, populations, records,
    model findings) is unique within the case;
  - every id a model finding cites names a document, interview, population
    or record of the same case;
  - every <sample> names a population of the case;
  - there are at least 12 model findings, across at least 6 different
    top-level clauses from 4 to 10, with at least one major;
  - every clause number used (clauses, areas, the briefing's scope, a
    model finding's clause) is listed by `clausewise-cli catalogue`;
  - every date is a real calendar day;
  - every model finding has its statement's three parts (requirement,
    evidence, statement), and `clausewise-cli statement check` prints
    nothing for them with the finding's grade.
The pack must hold at least one case, so that removing them all cannot make
this test quietly check nothing.

Prints one line per problem and exits 1 if there is any; exits 0 otherwise.
Standard library only.
"""

import datetime
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{urn:clausewise:exercise-pack:1}"
MIN_FINDINGS = 12
MIN_TOP_CLAUSES = 6
PARTS = ("requirement", "evidence", "statement")


def catalogue_clauses(cli, env):
    out = subprocess.run([cli, "catalogue"], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit("clausewise-cli catalogue failed: " + out.stderr.strip())
    return {line.split("\t", 1)[0] for line in out.stdout.splitlines() if line.strip()}


def statement_parts(finding):
    """The three parts of a model finding's statement, or None."""
    parts = [" ".join((finding.findtext(NS + part) or "").split()) for part in PARTS]
    return parts if all(parts) else None


def check_case(case, known, cli, env, problems):
    cid = case.get("id")

    def problem(message):
        problems.append("case %s: %s" % (cid, message))

    def clauses_of(element, attribute):
        for number in (element.get(attribute) or "").split():
            if number not in known:
                problem("%s %s uses clause %s, which is not in the catalogue"
                        % (element.tag.replace(NS, ""), element.get("id") or element.get("name")
                           or "", number))

    ids = {}
    items = set()
    populations = set()
    for element in case.iter():
        if element is case:
            continue
        ident = element.get("id")
        if ident is None:
            continue
        tag = element.tag.replace(NS, "")
        if ident in ids:
            problem("id %s is used by a %s and a %s" % (ident, ids[ident], tag))
        ids[ident] = tag
        if tag in ("document", "interview", "population", "record"):
            items.add(ident)
        if tag == "population":
            populations.add(ident)
        date = element.get("date")
        if date is not None:
            try:
                datetime.date.fromisoformat(date)
            except ValueError:
                problem("%s %s has the date %s, which is not a day" % (tag, ident, date))

    for person in case.iter(NS + "person"):
        clauses_of(person, "areas")
    for briefing in case.iter(NS + "briefing"):
        clauses_of(briefing, "scope")
    for tag in ("document", "interview", "population"):
        for element in case.iter(NS + tag):
            clauses_of(element, "clauses")

    for sample in case.iter(NS + "sample"):
        if sample.get("population") not in populations:
            problem("sample names the population %s, which the case does not have"
                    % sample.get("population"))

    findings = list(case.iter(NS + "model-finding"))
    tops = set()
    majors = 0
    for finding in findings:
        fid = finding.get("id")
        grade = finding.get("grade")
        clauses_of(finding, "clause")
        top = finding.get("clause", "").split(".")[0]
        if top.isdigit() and 4 <= int(top) <= 10:
            tops.add(int(top))
        majors += grade == "major"
        for cited in (finding.get("cites") or "").split():
            if cited not in items:
                problem("model finding %s cites %s, which is no document, interview, "
                        "population or record of the case" % (fid, cited))
        parts = statement_parts(finding)
        if parts is None:
            problem("model finding %s lacks a requirement, evidence or statement" % fid)
            continue
        out = subprocess.run(
            [cli, "statement", "check", "--requirement=" + parts[0], "--evidence=" + parts[1],
             "--statement=" + parts[2], "--grade=" + grade],
            capture_output=True, text=True, env=env)
        if out.returncode != 0:
            problem("model finding %s: statement check failed: %s" % (fid, out.stderr.strip()))
        for line in out.stdout.splitlines():
            if line.strip():
                problem("model finding %s (%s): %s" % (fid, grade, line.replace("\t", ": ")))

    if len(findings) < MIN_FINDINGS:
        problem("%d model findings; at least %d are needed" % (len(findings), MIN_FINDINGS))
    if len(tops) < MIN_TOP_CLAUSES:
        problem("model findings touch %d top-level clauses (%s); at least %d are needed"
                % (len(tops), " ".join(str(t) for t in sorted(tops)), MIN_TOP_CLAUSES))
    if majors == 0:
        problem("no model finding is a major nonconformity")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: test-case-pack.py PACK.xml CLAUSEWISE-CLI")
    pack_path, cli = sys.argv[1], sys.argv[2]
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    known = catalogue_clauses(cli, env)
    problems = []
    try:
        root = ET.parse(pack_path).getroot()
    except (OSError, ET.ParseError) as error:
        print("%s: %s" % (pack_path, error))
        return 1
    cases = root.findall(NS + "case")
    if not cases:
        problems.append("%s holds no case audit" % pack_path)
    seen = set()
    for case in cases:
        if case.get("id") in seen:
            problems.append("two cases have the id %s" % case.get("id"))
        seen.add(case.get("id"))
        check_case(case, known, cli, env, problems)
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
