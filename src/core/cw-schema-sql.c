/* cw-schema-sql.c: the SQL of each step of the workspace schema. Plain
 * data, so that the build can also apply it (gen/cw-schema-gen.c) to derive
 * the schema a new workspace is given in one go.
 *
 * Never edit a step that has shipped: add the next one.
 */
#include "cw-schema-sql.h"

const char cw_schema_v1[] =
  /* Facts about the file itself, one row. */
  "CREATE TABLE workspace ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  created_at TEXT NOT NULL,"
  "  created_by TEXT NOT NULL,"
  "  catalogue_standard TEXT NOT NULL,"
  "  catalogue_version INTEGER NOT NULL);"

  "CREATE TABLE organisation ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  scope TEXT NOT NULL DEFAULT '',"
  "  services TEXT NOT NULL DEFAULT '',"
  "  certification_body TEXT NOT NULL DEFAULT '',"
  "  stage_one TEXT,"
  "  stage_two TEXT);"

  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  role TEXT NOT NULL DEFAULT '');"

  /* The catalogue, copied in at creation: the workspace stands alone. */
  "CREATE TABLE clause ("
  "  number TEXT PRIMARY KEY,"
  "  parent TEXT REFERENCES clause (number),"
  "  position INTEGER NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  guidance TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE question ("
  "  id TEXT PRIMARY KEY,"
  "  clause TEXT NOT NULL REFERENCES clause (number),"
  "  position INTEGER NOT NULL UNIQUE,"
  "  text TEXT NOT NULL);"
  "CREATE TABLE expected_information ("
  "  clause TEXT NOT NULL REFERENCES clause (number),"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('document', 'record')),"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (clause, position));"
  "CREATE TABLE review_input ("
  "  id TEXT PRIMARY KEY,"
  "  position INTEGER NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  hint TEXT NOT NULL,"
  "  prefill TEXT);"

  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  objectives TEXT NOT NULL DEFAULT '',"
  "  criteria TEXT NOT NULL DEFAULT '',"
  "  planned_start TEXT,"
  "  planned_end TEXT,"
  "  actual_start TEXT,"
  "  actual_end TEXT,"
  "  lead_auditor TEXT NOT NULL DEFAULT '',"
  "  team TEXT NOT NULL DEFAULT '',"
  "  auditees TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned', 'in-progress', 'reported', 'closed')),"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE audit_scope ("
  "  audit INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  clause TEXT NOT NULL REFERENCES clause (number),"
  "  PRIMARY KEY (audit, clause)) WITHOUT ROWID;"

  "CREATE TABLE answer ("
  "  id INTEGER PRIMARY KEY,"
  "  audit INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  question TEXT NOT NULL REFERENCES question (id),"
  "  result TEXT NOT NULL CHECK (result IN ('not-assessed', 'conforming', 'observation',"
  "    'ofi', 'minor', 'major', 'not-applicable')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  answered_at TEXT NOT NULL,"
  "  answered_by TEXT NOT NULL,"
  "  UNIQUE (audit, question));"

  "CREATE TABLE finding ("
  "  id INTEGER PRIMARY KEY,"
  "  audit INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  clause TEXT NOT NULL REFERENCES clause (number),"
  "  grade TEXT NOT NULL CHECK (grade IN ('major', 'minor', 'observation', 'ofi')),"
  "  requirement TEXT NOT NULL DEFAULT '',"
  "  evidence TEXT NOT NULL DEFAULT '',"
  "  statement TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (status IN ('open', 'planned', 'implemented', 'verified', 'closed')),"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX finding_by_audit ON finding (audit, clause);"

  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  audit INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  question TEXT REFERENCES question (id),"
  "  finding INTEGER REFERENCES finding (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL"
  "    CHECK (kind IN ('document', 'record', 'interview', 'observation', 'file')),"
  "  reference TEXT NOT NULL CHECK (reference <> ''),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  population TEXT NOT NULL DEFAULT '',"
  "  sample_size INTEGER CHECK (sample_size IS NULL OR sample_size >= 0),"
  "  sha256 TEXT CHECK (sha256 IS NULL OR length (sha256) = 64),"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX evidence_by_audit ON evidence (audit);"
  "CREATE INDEX evidence_by_finding ON evidence (finding);"

  /* The change history is certification evidence: rows are only ever added,
   * and each carries a SHA-256 over its content and the previous row's hash,
   * so that `clausewise-cli check` can tell when it was tampered with. */
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  who TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  hash TEXT NOT NULL);"
  "CREATE INDEX history_by_entity ON history (entity, entity_id);"
  "CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
  "  BEGIN SELECT RAISE (ABORT, 'the change history is append-only'); END;"
  "CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
  "  BEGIN SELECT RAISE (ABORT, 'the change history is append-only'); END;"

  /* Full-text search over findings, answer notes and evidence. The rowid
   * encodes the source: id * 4 + 0 finding, + 1 answer, + 2 evidence (schema
   * 8 makes it id * 8, with + 3 action and + 4 review). The
   * core keeps it in step (cw-search.c) rather than triggers: a trigger that
   * writes to FTS5 makes every statement open a savepoint, and FTS5 flushes
   * its buffer at each one, which made bulk inserts five times slower. */
  "CREATE VIRTUAL TABLE search_index USING fts5 ("
  "  body, tokenize = 'unicode61 remove_diacritics 2');";

/* Corrective actions (10.1) and management reviews (9.3). */
const char cw_schema_v2[] =
  "CREATE TABLE review ("
  "  id INTEGER PRIMARY KEY,"
  "  held_on TEXT NOT NULL,"
  "  chair TEXT NOT NULL DEFAULT '',"
  "  attendees TEXT NOT NULL DEFAULT '',"
  "  period_start TEXT,"
  "  period_end TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),"
  "  figures_as_of TEXT,"
  "  created_at TEXT NOT NULL,"
  "  approved_at TEXT,"
  "  approved_by TEXT);"
  /* One row per catalogue review input: the figures the core filled in and
   * the notes people added. */
  "CREATE TABLE review_entry ("
  "  review INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  input TEXT NOT NULL REFERENCES review_input (id),"
  "  figures TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (review, input)) WITHOUT ROWID;"

  /* At most one action per finding, so "the finding's action" is one row. */
  "CREATE TABLE action ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  source TEXT NOT NULL CHECK (source IN ('internal-audit', 'certification-audit',"
  "    'incident', 'complaint', 'management-review', 'other')),"
  "  finding INTEGER UNIQUE REFERENCES finding (id) ON DELETE SET NULL,"
  "  review INTEGER REFERENCES review (id) ON DELETE SET NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  correction TEXT NOT NULL DEFAULT '',"
  "  root_cause TEXT NOT NULL DEFAULT '',"
  "  cause_category TEXT CHECK (cause_category IS NULL OR cause_category IN ('people',"
  "    'process', 'technology', 'supplier', 'information', 'other')),"
  "  similar TEXT NOT NULL DEFAULT '',"
  "  plan TEXT NOT NULL DEFAULT '',"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due TEXT,"
  "  check_due TEXT,"
  "  verification TEXT NOT NULL DEFAULT '',"
  "  not_effective INTEGER NOT NULL DEFAULT 0,"
  "  status TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (status IN ('open', 'planned', 'implemented', 'verified', 'closed')),"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX action_by_status ON action (status, due);"
  "CREATE INDEX action_by_review ON action (review);"
  /* The audits list counts each audit's findings by grade at start-up: this
   * index answers that without reading 100,000 finding rows. */
  "CREATE INDEX finding_by_grade ON finding (audit, grade);";


/* Record identity: every record gets a stable UUID, the same in every copy of
 * the workspace, and a revision that each edit raises (UPDATE … WHERE rev = ?),
 * so that exchange, merge and a shared server have one conflict model. New
 * rows get their UUID from the core (cw_record_new_uuid); rows of an older
 * file get one here. Tables added later are born with both columns.
 *
 * Seals: the head of the history chain at the moment a report was made,
 * printed in that report; `check` proves the history up to each is intact. */
#define RANDOM_UUID \
  "lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' || substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6)))"

const char cw_schema_v3[] =
  "ALTER TABLE workspace ADD COLUMN uuid TEXT;"
  "ALTER TABLE workspace ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE workspace SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX workspace_by_uuid ON workspace (uuid);"
  "ALTER TABLE organisation ADD COLUMN uuid TEXT;"
  "ALTER TABLE organisation ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE organisation SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX organisation_by_uuid ON organisation (uuid);"
  "ALTER TABLE person ADD COLUMN uuid TEXT;"
  "ALTER TABLE person ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE person SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX person_by_uuid ON person (uuid);"
  "ALTER TABLE audit ADD COLUMN uuid TEXT;"
  "ALTER TABLE audit ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE audit SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX audit_by_uuid ON audit (uuid);"
  "ALTER TABLE answer ADD COLUMN uuid TEXT;"
  "ALTER TABLE answer ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE answer SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX answer_by_uuid ON answer (uuid);"
  "ALTER TABLE finding ADD COLUMN uuid TEXT;"
  "ALTER TABLE finding ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE finding SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX finding_by_uuid ON finding (uuid);"
  "ALTER TABLE evidence ADD COLUMN uuid TEXT;"
  "ALTER TABLE evidence ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE evidence SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX evidence_by_uuid ON evidence (uuid);"
  "ALTER TABLE review ADD COLUMN uuid TEXT;"
  "ALTER TABLE review ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE review SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX review_by_uuid ON review (uuid);"
  "ALTER TABLE action ADD COLUMN uuid TEXT;"
  "ALTER TABLE action ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
  "UPDATE action SET uuid = " RANDOM_UUID ";"
  "CREATE UNIQUE INDEX action_by_uuid ON action (uuid);"
  "CREATE TABLE seal ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  history_id INTEGER NOT NULL,"
  "  hash TEXT NOT NULL UNIQUE,"
  "  subject TEXT NOT NULL,"
  "  made_at TEXT NOT NULL,"
  "  made_by TEXT NOT NULL);";

/* Catalogue 2 splits 6.2 and 7.5 into their numbered sub-clauses. No table
 * changes: the step exists so that each workspace's copy of the catalogue is
 * brought to catalogue 2 exactly once, with the answers and evidence on the
 * questions that moved. That is its hook's work (cw-catalogue-migrate.c),
 * because it needs the built-in catalogue and writes history entries, which
 * SQL cannot. A new workspace is given catalogue 2 when it is created. */
const char cw_schema_v4[] = "";

/* The audit lifecycle (9.2, ISO 19011): plan, meetings, issued versions,
 * findings tied to their question and numbered per audit. */
const char cw_schema_v5[] =
  "ALTER TABLE audit ADD COLUMN sites TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE audit ADD COLUMN opening_on TEXT;"
  "ALTER TABLE audit ADD COLUMN opening_attendees TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE audit ADD COLUMN closing_on TEXT;"
  "ALTER TABLE audit ADD COLUMN closing_attendees TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE audit ADD COLUMN auditee_response TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE audit ADD COLUMN diverging_opinions TEXT NOT NULL DEFAULT '';"
  /* The last number given in each series: a deleted finding's number is
   * never given again. */
  "ALTER TABLE audit ADD COLUMN last_nc INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE audit ADD COLUMN last_observation INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE audit ADD COLUMN last_ofi INTEGER NOT NULL DEFAULT 0;"
  /* The schedule of the audit's sessions, in the plan's order. */
  "CREATE TABLE audit_session ("
  "  audit INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  day TEXT NOT NULL,"
  "  time TEXT NOT NULL DEFAULT '',"
  "  subject TEXT NOT NULL CHECK (subject <> ''),"
  "  auditee TEXT NOT NULL DEFAULT '',"
  "  auditor TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (audit, position)) WITHOUT ROWID;"
  /* Each issue of the audit's report: version 1, and one more for each
   * revision, with the reason the report was revised. A revision opens its
   * version's row; issuing it fills in the day and the person. */
  "CREATE TABLE audit_issue ("
  "  audit INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  issued_on TEXT,"
  "  issued_by TEXT NOT NULL DEFAULT '',"
  "  revision_reason TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (audit, version)) WITHOUT ROWID;"
  "ALTER TABLE finding ADD COLUMN question TEXT REFERENCES question (id);"
  "ALTER TABLE finding ADD COLUMN number INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE finding ADD COLUMN raised_on TEXT;"
  "ALTER TABLE finding ADD COLUMN grade_reason TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE finding ADD COLUMN followed_up_in INTEGER REFERENCES audit (id) ON DELETE SET NULL;"
  "ALTER TABLE finding ADD COLUMN follow_up_note TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX finding_by_clause ON finding (clause, audit);"
  /* Older findings: numbered in the order they were written, raised on the
   * day they were written, and tied to their question when exactly one
   * answer of that clause in their audit carries their grade. */
  "UPDATE finding SET"
  "  number = (SELECT count(*) FROM finding f WHERE f.audit = finding.audit AND f.id <= finding.id"
  "    AND (CASE WHEN f.grade IN ('major', 'minor') THEN 'nc' ELSE f.grade END)"
  "      = (CASE WHEN finding.grade IN ('major', 'minor') THEN 'nc' ELSE finding.grade END)),"
  "  raised_on = substr (created_at, 1, 10),"
  "  question = (SELECT CASE WHEN count(*) = 1 THEN min (a.question) END FROM answer a"
  "    JOIN question q ON q.id = a.question"
  "    WHERE a.audit = finding.audit AND q.clause = finding.clause AND a.result = finding.grade);"
  "UPDATE audit SET"
  "  last_nc = (SELECT count(*) FROM finding f WHERE f.audit = audit.id"
  "    AND f.grade IN ('major', 'minor')),"
  "  last_observation = (SELECT count(*) FROM finding f WHERE f.audit = audit.id"
  "    AND f.grade = 'observation'),"
  "  last_ofi = (SELECT count(*) FROM finding f WHERE f.audit = audit.id AND f.grade = 'ofi');"
  /* An audit reported before versions existed was issued as version 1, on
   * the day its history says. */
  "INSERT INTO audit_issue (audit, version, issued_on, issued_by)"
  "  SELECT a.id, 1, coalesce (substr (h.at, 1, 10), substr (a.created_at, 1, 10)),"
  "    coalesce (h.who, '')"
  "  FROM audit a LEFT JOIN history h ON h.id = (SELECT max (id) FROM history"
  "    WHERE entity = 'audit' AND entity_id = a.id AND field = 'status'"
  "    AND new_value = 'reported')"
  "  WHERE a.status = 'reported' OR h.id IS NOT NULL;";

/* Corrective action and improvement (10.1): correction, consequences,
 * verification by a named person, the dates of each step. An older action
 * takes its kind from where it came from: a nonconformity's action is
 * corrective; an OFI's, an observation's or a review decision's is an
 * improvement. The days of its steps stay unknown (NULL): the history has
 * when each was recorded, not the day the step was taken. */
const char cw_schema_v6[] =
  "ALTER TABLE action ADD COLUMN kind TEXT NOT NULL DEFAULT 'corrective'"
  "  CHECK (kind IN ('corrective', 'improvement'));"
  "ALTER TABLE action ADD COLUMN consequences TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE action ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE action ADD COLUMN verifier_justification TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE action ADD COLUMN planned_on TEXT;"
  "ALTER TABLE action ADD COLUMN implemented_on TEXT;"
  "ALTER TABLE action ADD COLUMN verified_on TEXT;"
  "ALTER TABLE action ADD COLUMN closed_on TEXT;"
  "UPDATE action SET kind = 'improvement'"
  "  WHERE review IS NOT NULL"
  "  OR (finding IS NULL AND source = 'management-review')"
  "  OR finding IN (SELECT id FROM finding WHERE grade IN ('ofi', 'observation'));";

/* Management review (9.3): attendees and roles, inputs addressed, outputs
 * by kind, conclusion and next review. Reviews approved before this step
 * keep what they had (the attendees as text, decisions without a kind);
 * cw_review_list_rule_gaps names what they lack. */
const char cw_schema_v7[] =
  "ALTER TABLE review ADD COLUMN conclusion TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE review ADD COLUMN next_review TEXT;"
  /* An input considered with nothing to report, said so explicitly. */
  "ALTER TABLE review_entry ADD COLUMN nothing_to_report INTEGER NOT NULL DEFAULT 0"
  "  CHECK (nothing_to_report IN (0, 1));"
  "CREATE TABLE review_attendee ("
  "  review INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position > 0),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  role TEXT NOT NULL DEFAULT '',"
  "  top_management INTEGER NOT NULL DEFAULT 0 CHECK (top_management IN (0, 1)),"
  "  PRIMARY KEY (review, position)) WITHOUT ROWID;"
  /* The kind of each decision; the decision itself is an action. */
  "CREATE TABLE review_output ("
  "  review INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  action INTEGER NOT NULL UNIQUE REFERENCES action (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL"
  "    CHECK (kind IN ('improvement', 'sms-change', 'service-change', 'resources')),"
  "  PRIMARY KEY (review, action)) WITHOUT ROWID;"
  /* The inputs the workspace can now fill in. A workspace's review inputs
   * were copied from the catalogue when it was made; give those copies the
   * prefills the catalogue now names, unless someone set one already. */
  "UPDATE review_input SET prefill = 'monitoring-findings'"
  "  WHERE id = 'monitoring-results' AND prefill IS NULL;"
  "UPDATE review_input SET prefill = 'complaints'"
  "  WHERE id = 'customer-feedback' AND prefill IS NULL;"
  "UPDATE review_input SET prefill = 'supplier-findings'"
  "  WHERE id = 'supplier-performance' AND prefill IS NULL;"
  "UPDATE review_input SET prefill = 'service-findings'"
  "  WHERE id = 'service-performance' AND prefill IS NULL;"
  "UPDATE review_input SET prefill = 'resource-findings'"
  "  WHERE id = 'resources' AND prefill IS NULL;"
  "UPDATE review_input SET prefill = 'risk-findings'"
  "  WHERE id = 'risks-opportunities' AND prefill IS NULL;"
  "UPDATE review_input SET prefill = 'improvements'"
  "  WHERE id = 'improvement-opportunities' AND prefill IS NULL;";

/* Search covers corrective actions and management reviews too: the index's
 * rowid now encodes eight kinds of source (id * 8 + kind; cw-search.h), so
 * the rows of the three kinds it held are keyed anew, and the actions'
 * and reviews' texts are added. From here on the core keeps both in step
 * when an edit commits (cw_search_index_record). */
const char cw_schema_v8[] =
  "CREATE TEMP TABLE search_rekey AS SELECT rowid AS old, body FROM search_index;"
  "DELETE FROM search_index;"
  "INSERT INTO search_index (rowid, body)"
  "  SELECT (old / 4) * 8 + old % 4, body FROM search_rekey;"
  "DROP TABLE search_rekey;"
  "INSERT INTO search_index (rowid, body)"
  "  SELECT id * 8 + 3, body FROM (SELECT id, " CW_SEARCH_ACTION_BODY " AS body FROM action)"
  "  WHERE body <> '';"
  "INSERT INTO search_index (rowid, body)"
  "  SELECT id * 8 + 4, body FROM (SELECT id, " CW_SEARCH_REVIEW_BODY " AS body FROM review)"
  "  WHERE body <> '';";

/* The internal audit programme (9.2): one cycle from a start date, how often
 * clauses of each importance are audited, and each clause's importance
 * where it is not normal. Its planned audits are the audits themselves. */
const char cw_schema_v9[] =
  "CREATE TABLE programme ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  starts_on TEXT NOT NULL,"
  "  years INTEGER NOT NULL DEFAULT 3 CHECK (years BETWEEN 1 AND 5),"
  "  high_months INTEGER NOT NULL DEFAULT 12 CHECK (high_months BETWEEN 1 AND 60),"
  "  normal_months INTEGER NOT NULL DEFAULT 18 CHECK (normal_months BETWEEN 1 AND 60),"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE clause_importance ("
  "  clause TEXT PRIMARY KEY REFERENCES clause (number),"
  "  importance TEXT NOT NULL CHECK (importance IN ('high', 'low'))) WITHOUT ROWID;"
  /* The coverage counts each audit's findings by clause and grade: this
   * index answers that without reading the findings themselves. */
  "DROP INDEX finding_by_audit;"
  "CREATE INDEX finding_by_audit ON finding (audit, clause, grade);";

/* The register of documented information (7.5): the organisation's own
 * documents and records, each with the clauses it serves; evidence and
 * findings that cite entries; and how far back an internal audit of a
 * clause still counts towards Stage Two readiness. An entry is never
 * deleted (it is withdrawn), so a citation goes only with what cites it. */
const char cw_schema_v10[] =
  "CREATE TABLE register_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  reference TEXT NOT NULL UNIQUE CHECK (reference <> ''),"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  kind TEXT NOT NULL CHECK (kind IN ('document', 'record')),"
  "  version TEXT NOT NULL DEFAULT '',"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  approved_on TEXT,"
  "  review_due TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('missing', 'draft', 'approved', 'withdrawn')),"
  "  location TEXT NOT NULL DEFAULT '',"
  "  sha256 TEXT CHECK (sha256 IS NULL OR length (sha256) = 64),"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE register_clause ("
  "  entry INTEGER NOT NULL REFERENCES register_entry (id) ON DELETE CASCADE,"
  "  clause TEXT NOT NULL REFERENCES clause (number),"
  "  PRIMARY KEY (entry, clause)) WITHOUT ROWID;"
  "CREATE INDEX register_clause_by_clause ON register_clause (clause, entry);"
  "CREATE TABLE register_citation ("
  "  entry INTEGER NOT NULL REFERENCES register_entry (id),"
  "  evidence INTEGER REFERENCES evidence (id) ON DELETE CASCADE,"
  "  finding INTEGER REFERENCES finding (id) ON DELETE CASCADE,"
  "  CHECK ((evidence IS NULL) <> (finding IS NULL)));"
  "CREATE UNIQUE INDEX register_citation_by_evidence ON register_citation (evidence, entry)"
  "  WHERE evidence IS NOT NULL;"
  "CREATE UNIQUE INDEX register_citation_by_finding ON register_citation (finding, entry)"
  "  WHERE finding IS NOT NULL;"
  "CREATE INDEX register_citation_by_entry ON register_citation (entry);"
  "ALTER TABLE organisation ADD COLUMN coverage_months INTEGER NOT NULL DEFAULT 12"
  "  CHECK (coverage_months BETWEEN 1 AND 36);"
  /* Readiness counts open majors and minors across all audits: this index
   * answers that without reading 100,000 finding rows. */
  "CREATE INDEX finding_by_grade_status ON finding (grade, status);";

/* People and independence, and sampling (issue 13). A person is responsible
 * for areas, named by clause (a process is named by its clause), each
 * covering its sub-clauses. An audit whose scope reaches a team member's
 * area keeps the reason that member may audit it anyway, one a person.
 * Evidence that rests on a sample says how many items its population held
 * (the population's text says what they were), how the sample was drawn,
 * which items were examined and how many exceptions they showed. */
const char cw_schema_v11[] =
  "CREATE TABLE person_area ("
  "  person INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  clause TEXT NOT NULL REFERENCES clause (number),"
  "  PRIMARY KEY (person, clause)) WITHOUT ROWID;"
  "CREATE TABLE audit_independence ("
  "  audit INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  person INTEGER NOT NULL REFERENCES person (id),"
  "  justification TEXT NOT NULL CHECK (justification <> ''),"
  "  PRIMARY KEY (audit, person)) WITHOUT ROWID;"
  "CREATE INDEX audit_independence_by_person ON audit_independence (person);"
  "ALTER TABLE evidence ADD COLUMN population_size INTEGER"
  "  CHECK (population_size IS NULL OR population_size >= 0);"
  "ALTER TABLE evidence ADD COLUMN sample_method TEXT"
  "  CHECK (sample_method IS NULL OR sample_method IN ('random', 'systematic', 'judgemental'));"
  "ALTER TABLE evidence ADD COLUMN sample_items TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE evidence ADD COLUMN sample_exceptions INTEGER"
  "  CHECK (sample_exceptions IS NULL OR sample_exceptions >= 0);";

/* How long the auditee has to respond to a nonconformity, in days after
 * the report is issued, by grade (issue 10): the organisation sets them,
 * and a workspace made before starts with the figures the reports used
 * until now. That a major's is not the longer is the core's rule
 * (cw_workspace_set_organisation), which says what to do about it. */
const char cw_schema_v12[] =
  "ALTER TABLE organisation ADD COLUMN respond_major_days INTEGER NOT NULL DEFAULT 30"
  "  CHECK (respond_major_days BETWEEN 1 AND 365);"
  "ALTER TABLE organisation ADD COLUMN respond_minor_days INTEGER NOT NULL DEFAULT 60"
  "  CHECK (respond_minor_days BETWEEN 1 AND 365);";

/* Certification-body audits (issue 12): the Stage One, Stage Two,
 * surveillance and recertification audits a certification body carries out,
 * and the findings as its report gives them (Stage One areas of concern,
 * graded nonconformities, observations and opportunities), each with the
 * body's own reference, a response deadline and whether it is resolved.
 * An action can answer one of them, as it answers an internal finding.
 * Nothing here touches what schema 12 adds. */
const char cw_schema_v13[] =
  "CREATE TABLE external_audit ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  kind TEXT NOT NULL"
  "    CHECK (kind IN ('stage-one', 'stage-two', 'surveillance', 'recertification')),"
  "  body TEXT NOT NULL CHECK (body <> ''),"
  "  starts_on TEXT NOT NULL,"
  "  ends_on TEXT CHECK (ends_on IS NULL OR ends_on >= starts_on),"
  "  lead TEXT NOT NULL DEFAULT '',"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE external_finding ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  rev INTEGER NOT NULL DEFAULT 1,"
  "  audit INTEGER NOT NULL REFERENCES external_audit (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('concern', 'major', 'minor', 'observation', 'ofi')),"
  "  reference TEXT NOT NULL CHECK (reference <> ''),"
  "  clause TEXT NOT NULL REFERENCES clause (number),"
  "  text TEXT NOT NULL CHECK (text <> ''),"
  "  respond_by TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),"
  "  resolved_on TEXT,"
  "  resolution TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  CHECK ((status = 'resolved') = (resolved_on IS NOT NULL)),"
  "  UNIQUE (audit, reference));"
  "CREATE INDEX external_finding_by_kind_status ON external_finding (kind, status);"
  "ALTER TABLE action ADD COLUMN external_finding INTEGER REFERENCES external_finding (id);"
  "CREATE UNIQUE INDEX action_by_external_finding ON action (external_finding)"
  "  WHERE external_finding IS NOT NULL;";

/* The certificate (issue 12): the day of the certification decision for the
 * certificate in force, set after Stage Two and again after each
 * recertification. The three-year cycle (surveillance audits, the
 * recertification audit, the expiry) is counted from it in
 * cw-readiness.c. NULL while the organisation is not certified. */
const char cw_schema_v14[] = "ALTER TABLE organisation ADD COLUMN certified_on TEXT;";

/* Exchange and merge (issue 15). For each workspace or assignment records
 * were exchanged with (the peer), each record's content in the exchange
 * format as the two sides last agreed on it: the base of a three-way merge.
 * The assignments this workspace gave or received. The conflicts an import
 * raised, with both sides, until the lead auditor settles them. */
const char cw_schema_v15[] =
  /* Rows are appended in the order an import meets them; only the small
   * index is kept in UUID order, so a large import does not rewrite pages
   * of content all over the file. */
  "CREATE TABLE exchange_base ("
  "  id INTEGER PRIMARY KEY,"
  "  peer TEXT NOT NULL,"
  "  uuid TEXT NOT NULL,"
  "  content TEXT NOT NULL,"
  "  UNIQUE (peer, uuid));"
  "CREATE TABLE assignment ("
  "  uuid TEXT PRIMARY KEY,"
  "  role TEXT NOT NULL CHECK (role IN ('given', 'received')),"
  "  audit TEXT NOT NULL,"
  "  auditor TEXT NOT NULL CHECK (auditor <> ''),"
  "  clauses TEXT NOT NULL,"
  "  made_at TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE merge_conflict ("
  "  id INTEGER PRIMARY KEY,"
  "  peer TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  uuid TEXT NOT NULL,"
  "  ours TEXT NOT NULL,"
  "  theirs TEXT NOT NULL,"
  "  base TEXT,"
  "  source TEXT NOT NULL,"
  "  raised_at TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),"
  "  decision TEXT,"
  "  decided_by TEXT,"
  "  decided_at TEXT);"
  "CREATE INDEX merge_conflict_by_record ON merge_conflict (peer, uuid, status);";

/* A case audit's workspace (cw-case-audit.h): the case it was started
 * from, with the pack's text so that the case reads the same however the
 * bundled pack changes later, and the records the case library handed out
 * to each audit, as an auditee hands them over; and the language of the
 * workspace's reports. */
const char cw_schema_v16[] =
  "CREATE TABLE case_study ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  pack_id TEXT NOT NULL,"
  "  pack_version INTEGER NOT NULL,"
  "  pack_source TEXT NOT NULL,"
  "  pack_text TEXT NOT NULL,"
  "  case_id TEXT NOT NULL,"
  "  trainee TEXT NOT NULL CHECK (trainee <> ''),"
  "  audit INTEGER REFERENCES audit (id) ON DELETE SET NULL,"
  "  started_at TEXT NOT NULL);"
  "CREATE TABLE case_handout ("
  "  audit INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,"
  "  item TEXT NOT NULL,"
  "  handed_at TEXT NOT NULL,"
  "  PRIMARY KEY (audit, item)) WITHOUT ROWID;"
  /* The language the workspace's reports are written in (cw-i18n.h). */
  "ALTER TABLE organisation ADD COLUMN language TEXT NOT NULL DEFAULT 'en'"
  "  CHECK (language IN ('en', 'de', 'fr'));";
