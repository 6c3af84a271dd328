/* test-cli-organisation.c: clausewise-cli's organisation commands as a
 * script sees them: one labelled field a line, only the fields given
 * change, "" clears an optional one, and every refusal (a wrong date, days
 * out of range or not a number, a major's time longer than a minor's, an
 * unknown option) exits non-zero with a message on one line and leaves the
 * file's bytes as they were. Every case runs the real binary. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cw-test-util.h"

static char *
new_workspace (char **dir)
{
  *dir = cw_test_make_dir ();
  char *ws = cw_test_path (*dir, "w.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", ws)));
  return ws;
}

/* The value printed after "label: " on its line of `organisation show`. */
static char *
shown (const char *ws, const char *label)
{
  g_autofree char *out = cw_test_cli_ok (ARGS ("organisation", "show", ws));
  g_autofree char *prefix = g_strdup_printf ("%s: ", label);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  g_error ("organisation show printed no “%s” line:\n%s", label, out);
}

static void
test_show_and_set (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);

  /* A new workspace: every field on its line, in a fixed order, with the
   * default days. */
  g_autofree char *out = cw_test_cli_ok (ARGS ("organisation", "show", ws));
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  const char *labels[] = { "name",      "scope",         "services",      "certification-body",
                           "stage-one", "stage-two",     "certified-on",  "respond-major",
                           "respond-minor",
                           "coverage-months", "language", "revision" };
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (labels) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s: ", labels[i]);
      g_assert_true (g_str_has_prefix (lines[i], prefix));
    }
  cw_test_assert_contains (out, "respond-major: 30\n");
  cw_test_assert_contains (out, "respond-minor: 60\n");

  g_free (cw_test_cli_ok (ARGS ("organisation", "set", ws, "--name", "Example Services Ltd",
                                "--scope", "Managed services\nfrom Leeds", "--services",
                                "Service desk\nHosting", "--certification-body",
                                "Example Certification", "--stage-one", "2027-02-15",
                                "--stage-two", "2027-04-12", "--respond-major", "14",
                                "--respond-minor", "45")));
  g_autofree char *after = cw_test_cli_ok (ARGS ("organisation", "show", ws));
  g_assert_cmpstr (after, ==,
                   "name: Example Services Ltd\n"
                   "scope: Managed services from Leeds\n"
                   "services: Service desk; Hosting\n"
                   "certification-body: Example Certification\n"
                   "stage-one: 2027-02-15\n"
                   "stage-two: 2027-04-12\n"
                   "certified-on: \n"
                   "respond-major: 14\n"
                   "respond-minor: 45\n"
                   "coverage-months: 12\n"
                   "language: en\n"
                   "revision: 2\n");
  g_assert_cmpint (cw_test_sql_int (ws, "SELECT respond_major_days FROM organisation"), ==, 14);
  g_assert_cmpint (cw_test_sql_int (ws, "SELECT respond_minor_days FROM organisation"), ==, 45);

  /* Only what is given changes; "" clears a date. */
  g_free (cw_test_cli_ok (ARGS ("organisation", "set", ws, "--stage-two", "",
                                "--respond-minor", "21")));
  g_autofree char *stage_two = shown (ws, "stage-two");
  g_assert_cmpstr (stage_two, ==, "");
  g_assert_null (cw_test_sql_text (ws, "SELECT stage_two FROM organisation"));
  g_autofree char *stage_one = shown (ws, "stage-one");
  g_assert_cmpstr (stage_one, ==, "2027-02-15");
  g_autofree char *name = shown (ws, "name");
  g_assert_cmpstr (name, ==, "Example Services Ltd");
  g_autofree char *major = shown (ws, "respond-major");
  g_assert_cmpstr (major, ==, "14");
  g_autofree char *minor = shown (ws, "respond-minor");
  g_assert_cmpstr (minor, ==, "21");

  /* The same days for both grades are allowed. */
  g_free (cw_test_cli_ok (ARGS ("organisation", "set", ws, "--respond-major", "21")));
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

/* Each refusal: its exit code, a message naming what to fix, and the file
 * exactly as it was. */
static void
test_refusals (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);
  g_free (cw_test_cli_ok (ARGS ("organisation", "set", ws, "--name", "Example Services Ltd",
                                "--stage-one", "2027-02-15")));
  g_autoptr (GBytes) before = cw_test_read (ws);
  g_autofree char *revision = shown (ws, "revision");

  struct
  {
    const char *const *args;
    int status;
    const char *says;
  } refused[] = {
    { ARGS ("organisation", "set", ws, "--colour", "red"), CLI_USAGE, "--colour" },
    { ARGS ("organisation", "set", ws, "--stage-one", "2027-02-30"), CLI_BAD_INPUT,
      "--stage-one: “2027-02-30” is not a valid date; write it as YYYY-MM-DD" },
    { ARGS ("organisation", "set", ws, "--stage-two", "12/04/2027"), CLI_BAD_INPUT,
      "--stage-two: “12/04/2027” is not a valid date" },
    { ARGS ("organisation", "set", ws, "--respond-major", "0"), CLI_BAD_INPUT,
      "--respond-major: The time to respond to a major nonconformity is a whole number of days "
      "from 1 to 365 (30 is usual), not 0" },
    { ARGS ("organisation", "set", ws, "--respond-minor", "400"), CLI_BAD_INPUT,
      "--respond-minor: The time to respond to a minor nonconformity is a whole number of days "
      "from 1 to 365 (60 is usual), not 400" },
    { ARGS ("organisation", "set", ws, "--respond-major", "90"), CLI_BAD_INPUT,
      "cannot be due later than a minor one's (60 days); give the major 60 days or fewer, or "
      "the minor more" },
    { ARGS ("organisation", "set", ws, "--respond-major", "20", "--respond-minor", "10"),
      CLI_BAD_INPUT, "give the major 10 days or fewer" },
    { ARGS ("organisation", "set", ws, "--respond-minor", "two weeks"), CLI_BAD_INPUT,
      "--respond-minor: “two weeks” is not a number of days" },
    { ARGS ("organisation", "set", ws, "--respond-major", "14.5"), CLI_BAD_INPUT,
      "“14.5” is not a number of days" },
    /* A refusal of one field keeps the others given with it from being
     * saved. */
    { ARGS ("organisation", "set", ws, "--name", "Renamed Ltd", "--respond-major", "400"),
      CLI_BAD_INPUT, "not 400" },
    { ARGS ("organisation", "show", ws, "extra"), CLI_USAGE, "expected WORKSPACE" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      int status = cw_test_cli (refused[i].args, &out, &err);
      if (status != refused[i].status || strstr (err, refused[i].says) == NULL)
        g_error ("case %u: exit %d (not %d), “%s”", i, status, refused[i].status, err);
      cw_test_assert_error_line (err);
      g_assert_cmpstr (out, ==, "");
      cw_test_assert_untouched (ws, before);
    }
  g_autofree char *revision_after = shown (ws, "revision");
  g_assert_cmpstr (revision_after, ==, revision);
  g_autofree char *name = shown (ws, "name");
  g_assert_cmpstr (name, ==, "Example Services Ltd");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/organisation/show-and-set", test_show_and_set);
  g_test_add_func ("/cli/organisation/refusals", test_refusals);
  return g_test_run ();
}
