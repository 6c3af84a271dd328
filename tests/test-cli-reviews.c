/* test-cli-reviews.c: clausewise-cli's management review commands as a
 * script sees them: ids on stdout, exit codes, one-line refusals that name
 * what is missing, and `review show` with attendees, inputs, decisions by
 * kind, conclusion and approval. Every case runs the real binary. The
 * meeting dates are counted from today, as approval refuses a meeting that
 * has not been held yet. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cw-test-util.h"

/* A command that prints one id: returns it without the newline. */
static char *
expect_id (const char *const *argv)
{
  char *out = cw_test_cli_ok (argv);
  g_assert_true (g_regex_match_simple ("^[1-9][0-9]*\n$", out, 0, 0));
  out[strlen (out) - 1] = '\0';
  return out;
}

static char *
day_from_today (int offset)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, offset);
  return g_date_time_format (then, "%Y-%m-%d");
}

static const char *const inputs[] = {
  "previous-review-actions", "context-changes",      "nonconformity-trends",
  "corrective-actions",      "monitoring-results",   "audit-results",
  "customer-feedback",       "supplier-performance", "service-performance",
  "resources",               "risks-opportunities",  "improvement-opportunities",
  "sms-changes",
};

static void
test_review (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "w.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", ws)));
  g_autofree char *audit_day = day_from_today (-20), *held_on = day_from_today (-7);
  g_autofree char *next = day_from_today (170), *due = day_from_today (60);
  g_autofree char *audit = expect_id (ARGS ("audit", "new", ws, "--title", "Incidents",
                                            "--start", audit_day));
  g_free (expect_id (ARGS ("finding", "new", ws, audit, "--clause", "8.6.1", "--grade", "major",
                           "--requirement", "PRI-01 sets priorities.", "--evidence",
                           "INC-60417 logged P3.", "--statement",
                           "Not prioritised as required.")));

  cw_test_cli_error (ARGS ("review", "new", ws), CLI_USAGE, "--date");
  cw_test_cli_error (ARGS ("review", "new", ws, "--date", "30 June"), CLI_BAD_INPUT, "30 June");
  g_autofree char *id
    = expect_id (ARGS ("review", "new", ws, "--date", held_on, "--chair", "Eleanor Whitcombe"));
  g_autofree char *shown = cw_test_cli_ok (ARGS ("review", "show", ws, id));
  g_autofree char *heading = g_strdup_printf ("Management review 1 held on %s\n", held_on);
  cw_test_assert_contains (shown, heading);
  cw_test_assert_contains (shown, "Trends in nonconformities and corrective actions "
                                  "(nonconformity-trends)\n  Figures:\n");
  cw_test_assert_contains (shown, "1 (1 major, 0 minor).");
  cw_test_assert_contains (shown, "Adequacy of resources (resources)\n  Not addressed yet.\n");
  cw_test_assert_contains (shown, "Attendees:\n    none recorded\n");

  /* Approval: by a named person only, and refused with every gap named. */
  cw_test_cli_error (ARGS ("review", "approve", ws, id), CLI_USAGE, "--by");
  cw_test_cli_error (ARGS ("review", "approve", ws, id, "--by", "Eleanor Whitcombe"),
                     CLI_BAD_INPUT, "no attendees");
  cw_test_cli_error (ARGS ("review", "approve", ws, id, "--by", "Eleanor Whitcombe"),
                     CLI_BAD_INPUT, "“Adequacy of resources”");
  cw_test_cli_error (ARGS ("review", "approve", ws, id, "--by", "Eleanor Whitcombe"),
                     CLI_BAD_INPUT, "no conclusion");

  cw_test_cli_error (ARGS ("review", "attendee", ws, id), CLI_USAGE, "--name");
  cw_test_cli_error (ARGS ("review", "attendee", ws, id, "--name", " "), CLI_BAD_INPUT, "name");
  g_autofree char *first = expect_id (ARGS ("review", "attendee", ws, id, "--name",
                                            "Eleanor Whitcombe", "--role", "Managing director"));
  g_assert_cmpstr (first, ==, "1");
  cw_test_cli_error (ARGS ("review", "approve", ws, id, "--by", "Eleanor Whitcombe"),
                     CLI_BAD_INPUT, "not an attendee marked as top management");
  g_free (cw_test_cli_ok (ARGS ("review", "attendee", ws, id, "--remove", "1")));
  g_free (expect_id (ARGS ("review", "attendee", ws, id, "--name", "Eleanor Whitcombe", "--role",
                           "Managing director", "--top-management")));
  g_free (expect_id (ARGS ("review", "attendee", ws, id, "--name", "Owen Castellane", "--role",
                           "Service manager")));

  /* Notes, and "nothing to report" where the workspace has no figures. */
  cw_test_cli_error (ARGS ("review", "note", ws, id, "weather", "Sunny"), CLI_BAD_INPUT,
                     "weather");
  cw_test_cli_error (ARGS ("review", "note", ws, id, "audit-results", "", "--nothing-to-report"),
                     CLI_BAD_INPUT, "holds figures");
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      if (g_str_equal (inputs[i], "resources"))
        continue;
      gboolean figures = g_str_equal (inputs[i], "nonconformity-trends")
                         || g_str_equal (inputs[i], "audit-results");
      if (figures)
        g_free (cw_test_cli_ok (ARGS ("review", "note", ws, id, inputs[i], "Discussed")));
      else
        g_free (cw_test_cli_ok (
          ARGS ("review", "note", ws, id, inputs[i], "", "--nothing-to-report")));
    }
  cw_test_cli_error (ARGS ("review", "approve", ws, id, "--by", "Eleanor Whitcombe"),
                     CLI_BAD_INPUT, "nothing to report”: “Adequacy of resources”");
  g_free (cw_test_cli_ok (ARGS ("review", "note", ws, id, "resources", "Night shift is short")));

  /* Decisions by kind. */
  cw_test_cli_error (ARGS ("review", "decide", ws, id, "--text", "x", "--owner", "Owen", "--due",
                           due),
                     CLI_USAGE, "--kind");
  cw_test_cli_error (ARGS ("review", "decide", ws, id, "--text", "x", "--owner", "Owen", "--due",
                           due, "--kind", "wish"),
                     CLI_USAGE, "improvement|sms-change|service-change|resources");
  g_autofree char *decided
    = expect_id (ARGS ("review", "decide", ws, id, "--text", "Hire two engineers", "--owner",
                       "Owen Castellane", "--due", due, "--kind", "resources"));
  g_free (expect_id (ARGS ("review", "decide", ws, id, "--text", "Offer SD-WAN", "--owner",
                           "Owen Castellane", "--due", due, "--kind", "service-change")));
  g_autofree char *action = cw_test_cli_ok (ARGS ("action", "show", ws, decided));
  g_autofree char *review_line = g_strdup_printf ("Review:        %s\n", id);
  cw_test_assert_contains (action, review_line);

  /* The conclusion and the next review. */
  cw_test_cli_error (ARGS ("review", "conclude", ws, id), CLI_USAGE, "--text");
  cw_test_cli_error (ARGS ("review", "conclude", ws, id, "--next", held_on), CLI_BAD_INPUT,
                     "after this one");
  cw_test_cli_error (ARGS ("review", "approve", ws, id, "--by", "Eleanor Whitcombe"),
                     CLI_BAD_INPUT, "no conclusion");
  g_free (cw_test_cli_ok (ARGS ("review", "conclude", ws, id, "--text",
                                "The SMS remains suitable, adequate and effective.", "--next",
                                next)));
  g_free (cw_test_cli_ok (ARGS ("review", "approve", ws, id, "--by", "Eleanor Whitcombe")));
  cw_test_cli_error (ARGS ("review", "approve", ws, id, "--by", "Eleanor Whitcombe"),
                     CLI_BAD_INPUT, "read-only");
  cw_test_cli_error (ARGS ("review", "note", ws, id, "resources", "late"), CLI_BAD_INPUT,
                     "read-only");
  cw_test_cli_error (ARGS ("review", "attendee", ws, id, "--name", "Late comer"), CLI_BAD_INPUT,
                     "read-only");

  g_autofree char *approved = cw_test_cli_ok (ARGS ("review", "show", ws, id));
  cw_test_assert_contains (approved, "Approved by:   Eleanor Whitcombe\n");
  cw_test_assert_contains (approved,
                           "  1\tEleanor Whitcombe\tManaging director (top management)\n");
  cw_test_assert_contains (approved, "  2\tOwen Castellane\tService manager\n");
  cw_test_assert_contains (approved, "Adequacy of resources (resources)\n  Notes:\n"
                                     "    Night shift is short\n");
  cw_test_assert_contains (approved, "Changes in external and internal issues (context-changes)\n"
                                     "  Nothing to report.\n");
  /* Decisions under their kind, in the order 9.3 names them. */
  const char *services = strstr (approved, "  Change to the services:\n");
  const char *resources = strstr (approved, "  Resource need:\n");
  g_assert_nonnull (services);
  g_assert_nonnull (resources);
  g_assert_true (services < resources);
  g_assert_nonnull (strstr (resources, "Hire two engineers"));
  g_assert_null (strstr (resources, "SD-WAN"));
  cw_test_assert_contains (approved,
                           "Conclusion:    The SMS remains suitable, adequate and effective.\n");
  g_autofree char *next_line = g_strdup_printf ("Next review:   %s\n", next);
  cw_test_assert_contains (approved, next_line);
  cw_test_cli_error (ARGS ("review", "show", ws, "9"), CLI_BAD_INPUT, "9");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/reviews/review", test_review);
  return g_test_run ();
}
