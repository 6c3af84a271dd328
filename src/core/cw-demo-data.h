/* cw-demo-data.h: the content of the demo workspace, as plain data.
 *
 * The demo shows a newcomer what Clausewise is for: a fictional managed-service
 * provider preparing for ISO/IEC 20000-1:2018 certification, one completed
 * internal audit over every clause but one (which the audit programme shows
 * overdue) and one audit in progress. The text
 * lives here, apart from the code in cw-demo.c that writes it through the core
 * API, so that it can be read, reviewed and translated as prose.
 *
 * Every array ends with an entry whose first member is NULL.
 */
#pragma once

typedef struct
{
  const char *name;
  const char *role;
  const char *areas; /* comma-separated clause numbers they are responsible for */
} CwDemoPerson;

/* Why a team member audits an area they are responsible for. */
typedef struct
{
  const char *person;
  const char *justification;
} CwDemoJustification;

/* One answered checklist question of the completed audit. `clause` is a leaf
 * clause number; the answer goes to that clause's question number
 * `question` (1 = the clause's first question). `result` is "conforming",
 * "observation", "ofi", "minor", "major" or "not-applicable". */
typedef struct
{
  const char *clause;
  int question;
  const char *result;
  const char *note;
} CwDemoAnswer;

/* A finding of the completed audit. `grade` is "major", "minor", "observation"
 * or "ofi". Observations and OFIs may leave requirement or statement NULL.
 * `question` numbers the clause's question it was raised on (as in
 * CwDemoAnswer), whose answer carries the same grade; `raised_on` is the day
 * it was observed; `grade_reason` says why a nonconformity got its grade. */
typedef struct
{
  const char *clause;
  const char *grade;
  const char *requirement;
  const char *evidence;
  const char *statement;
  int question;
  const char *raised_on;
  const char *grade_reason;
} CwDemoFinding;

/* An evidence item seen during the completed audit, filed under question
 * number `question` of leaf clause `clause` (numbered as in CwDemoAnswer).
 * `kind` is "document", "record", "interview" or "observation". `population`
 * and `sample_size` describe sampling (NULL and 0 when nothing was sampled). */
typedef struct
{
  const char *clause;
  int question;
  const char *kind;
  const char *reference;
  const char *description;
  const char *population;
  int sample_size;
  int population_size;  /* how many the population held; 0: not counted */
  const char *method;   /* "random", "systematic", "judgemental", or NULL */
  int exceptions;
} CwDemoEvidence;

typedef struct
{
  const char *title;
  const char *objectives;
  const char *criteria;
  const char *scope;        /* comma-separated clause numbers, "" = whole catalogue */
  const char *start;        /* YYYY-MM-DD */
  const char *end;          /* YYYY-MM-DD */
  const char *lead;
  const char *team;         /* comma-separated names */
  const char *auditees;     /* comma-separated "Name (role)" */
  const char *sites;        /* one a line */
  const char *opening_on;   /* YYYY-MM-DD, or NULL when not held yet */
  const char *opening_attendees; /* one a line */
  const char *closing_on;
  const char *closing_attendees;
  const char *auditee_response;
  const char *diverging_opinions;
  const CwDemoJustification *justifications; /* NULL-ended, or NULL */
} CwDemoAudit;

/* One session of an audit plan's schedule. */
typedef struct
{
  const char *day;
  const char *time;
  const char *subject;
  const char *auditee;
  const char *auditor;
} CwDemoSession;

typedef struct
{
  const char *name;
  const char *scope;
  const char *services;     /* one service per line */
  const char *certification_body;
  const char *stage_one;    /* YYYY-MM-DD */
  const char *stage_two;    /* YYYY-MM-DD */
} CwDemoOrganisation;

extern const CwDemoOrganisation cw_demo_organisation;
extern const CwDemoPerson cw_demo_people[];

/* The internal audit programme: its cycle, and the clauses the quality
 * manager ranked above or below normal importance. */
typedef struct
{
  const char *clause;
  const char *importance; /* "high" or "low" */
} CwDemoImportance;

extern const char *const cw_demo_programme_start;
extern const CwDemoImportance cw_demo_importances[];

extern const CwDemoAudit cw_demo_completed_audit;
extern const CwDemoAnswer cw_demo_completed_answers[];
extern const CwDemoFinding cw_demo_completed_findings[];
extern const CwDemoEvidence cw_demo_completed_evidence[];
extern const CwDemoSession cw_demo_completed_sessions[];

/* What the current audit's follow-up saw of the completed audit's
 * nonconformity on `clause`. */
typedef struct
{
  const char *clause;
  const char *note;
} CwDemoFollowUp;

extern const CwDemoAudit cw_demo_current_audit;
extern const CwDemoFollowUp cw_demo_follow_ups[];
extern const CwDemoAnswer cw_demo_current_answers[];

/* A corrective action. `finding_clause` names the completed audit's
 * nonconformity it answers (NULL: `source` says where it came from).
 * `status` is how far it has got: "open", "planned", "implemented",
 * "verified" or "closed"; the demo walks it there through the workflow.
 * `failed_check`, when set, is the evidence of an earlier effectiveness
 * check that found the action not effective, on `failed_on`. `root_cause`
 * holds the whys, one a line; `cause` is a cause category token. The `_on`
 * days are when each step was taken; `verified_by` gave the verdicts, with
 * `justification` when that is the owner. */
typedef struct
{
  const char *finding_clause;
  const char *source;
  const char *title;
  const char *correction;
  const char *root_cause;
  const char *cause;
  const char *similar;
  const char *plan;
  const char *owner;
  const char *due;
  const char *check_due;
  const char *failed_check;
  const char *verification;
  const char *status;
  const char *consequences;
  const char *verified_by;
  const char *justification;
  const char *planned_on;
  const char *implemented_on;
  const char *failed_on;
  const char *verified_on;
  const char *closed_on;
} CwDemoAction;

typedef struct
{
  const char *input; /* a review input id of the catalogue */
  const char *notes;
  int nothing_to_report;
} CwDemoReviewNote;

typedef struct
{
  const char *name;
  const char *role;
  int top_management;
} CwDemoAttendee;

/* A decision of a review, with the planning its owner added since. */
typedef struct
{
  const char *text;
  const char *owner;
  const char *due;
  const char *root_cause; /* NULL while the decision is still open */
  const char *plan;
  const char *status;     /* "open" or "planned" */
  const char *kind;       /* a review output kind token */
} CwDemoDecision;

typedef struct
{
  const char *held_on;
  const char *period_start; /* NULL: from the day after the previous review */
  const char *chair;        /* one of the attendees */
  const CwDemoAttendee *attendees;
  const CwDemoReviewNote *notes;
  const CwDemoDecision *decisions;
  const char *conclusion;
  const char *next_review;
  const char *approved_by; /* NULL: a draft */
} CwDemoReview;

/* An entry of the register of documented information. */
typedef struct
{
  const char *reference;
  const char *title;
  const char *kind;    /* "document" or "record" */
  const char *clauses; /* comma-separated */
  const char *version;
  const char *owner;
  const char *approved_on;
  const char *review_due;
  const char *status;  /* a stored status token */
  const char *location;
} CwDemoRegisterEntry;

extern const CwDemoRegisterEntry cw_demo_register[];
extern const CwDemoAction cw_demo_actions[];
extern const CwDemoReview cw_demo_reviews[];

/* A finding of the certification body, as its report gives it; `resolved_on`
 * and `resolution` are NULL while it is open. */
typedef struct
{
  const char *kind; /* "concern", "major", "minor", "observation" or "ofi" */
  const char *reference;
  const char *clause;
  const char *text;
  const char *respond_by;
  const char *resolved_on;
  const char *resolution;
} CwDemoBodyFinding;

/* An audit by the certification body (the organisation's). Every open
 * finding gets an action owned by `action_owner`, due `action_due`. */
typedef struct
{
  const char *kind; /* "stage-one", … */
  const char *start;
  const char *end;
  const char *lead;
  const char *reference;
  const char *outcome;
  const CwDemoBodyFinding *findings;
  const char *action_owner;
  const char *action_due;
} CwDemoBodyAudit;

extern const CwDemoBodyAudit cw_demo_stage_one;
