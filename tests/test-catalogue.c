/* test-catalogue.c: the built-in clause catalogue carries every clause of
 * ISO/IEC 20000-1:2018 with its exact number and title, in document order,
 * and every leaf clause has our guidance and three to seven questions. */
#include "config.h"

#include <string.h>

#include "cw-catalogue.h"
#include "cw-core.h"
#include "cw-i18n.h"
#include "cw-test-util.h"
#include "cw-workspace.h"

/* Numbers and titles as listed in the project's domain notes. */
static const struct
{
  const char *number;
  const char *title;
} expected_clauses[] = {
  { "4", "Context of the organization" },
  { "4.1", "Understanding the organization and its context" },
  { "4.2", "Understanding the needs and expectations of interested parties" },
  { "4.3", "Determining the scope of the service management system" },
  { "4.4", "Service management system" },
  { "5", "Leadership" },
  { "5.1", "Leadership and commitment" },
  { "5.2", "Policy" },
  { "5.2.1", "Establishing the service management policy" },
  { "5.2.2", "Communicating the service management policy" },
  { "5.3", "Organizational roles, responsibilities and authorities" },
  { "6", "Planning" },
  { "6.1", "Actions to address risks and opportunities" },
  { "6.2", "Service management objectives and planning to achieve them" },
  { "6.2.1", "Establish objectives" },
  { "6.2.2", "Plan to achieve objectives" },
  { "6.3", "Plan the service management system" },
  { "7", "Support of the service management system" },
  { "7.1", "Resources" },
  { "7.2", "Competence" },
  { "7.3", "Awareness" },
  { "7.4", "Communication" },
  { "7.5", "Documented information" },
  { "7.5.1", "General" },
  { "7.5.2", "Creating and updating documented information" },
  { "7.5.3", "Control of documented information" },
  { "7.5.4", "Service management system documented information" },
  { "7.6", "Knowledge" },
  { "8", "Operation of the service management system" },
  { "8.1", "Operational planning and control" },
  { "8.2", "Service portfolio" },
  { "8.2.1", "Service delivery" },
  { "8.2.2", "Plan the services" },
  { "8.2.3", "Control of parties involved in the service lifecycle" },
  { "8.2.4", "Service catalogue management" },
  { "8.2.5", "Asset management" },
  { "8.2.6", "Configuration management" },
  { "8.3", "Relationship and agreement" },
  { "8.3.1", "General" },
  { "8.3.2", "Business relationship management" },
  { "8.3.3", "Service level management" },
  { "8.3.4", "Supplier management" },
  { "8.3.4.1", "Management of external suppliers" },
  { "8.3.4.2", "Management of internal suppliers and customers acting as a supplier" },
  { "8.4", "Supply and demand" },
  { "8.4.1", "Budgeting and accounting for services" },
  { "8.4.2", "Demand management" },
  { "8.4.3", "Capacity management" },
  { "8.5", "Service design, build and transition" },
  { "8.5.1", "Change management" },
  { "8.5.1.1", "Change management policy" },
  { "8.5.1.2", "Change management initiation" },
  { "8.5.1.3", "Change management activities" },
  { "8.5.2", "Service design and transition" },
  { "8.5.2.1", "Plan new or changed services" },
  { "8.5.2.2", "Design" },
  { "8.5.2.3", "Build and transition" },
  { "8.5.3", "Release and deployment management" },
  { "8.6", "Resolution and fulfilment" },
  { "8.6.1", "Incident management" },
  { "8.6.2", "Service request management" },
  { "8.6.3", "Problem management" },
  { "8.7", "Service assurance" },
  { "8.7.1", "Service availability management" },
  { "8.7.2", "Service continuity management" },
  { "8.7.3", "Information security management" },
  { "8.7.3.1", "Information security policy" },
  { "8.7.3.2", "Information security controls" },
  { "8.7.3.3", "Information security incidents" },
  { "9", "Performance evaluation" },
  { "9.1", "Monitoring, measurement, analysis and evaluation" },
  { "9.2", "Internal audit" },
  { "9.3", "Management review" },
  { "9.4", "Service reporting" },
  { "10", "Improvement" },
  { "10.1", "Nonconformity and corrective action" },
  { "10.2", "Continual improvement" },
};

static const char *const review_input_ids[] = {
  "previous-review-actions", "context-changes",     "nonconformity-trends",
  "corrective-actions",      "monitoring-results",  "audit-results",
  "customer-feedback",       "supplier-performance", "service-performance",
  "resources",               "risks-opportunities", "improvement-opportunities",
  "sms-changes",
};

static CwCatalogue *
builtin (void)
{
  g_autoptr (GError) error = NULL;
  CwCatalogue *catalogue = cw_catalogue_new_builtin (&error);
  g_assert_no_error (error);
  return catalogue;
}

static void
test_clauses (void)
{
  g_autoptr (CwCatalogue) catalogue = builtin ();
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  g_assert_cmpuint (G_N_ELEMENTS (expected_clauses), ==, 77);
  g_assert_cmpuint (clauses->len, ==, G_N_ELEMENTS (expected_clauses));
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      g_assert_cmpstr (cw_clause_get_number (clause), ==, expected_clauses[i].number);
      g_assert_cmpstr (cw_clause_get_title (clause), ==, expected_clauses[i].title);
    }
  g_assert_cmpstr (cw_catalogue_get_standard (catalogue), ==, "ISO/IEC 20000-1:2018");

  GPtrArray *main_clauses = cw_catalogue_get_main_clauses (catalogue);
  g_assert_cmpuint (main_clauses->len, ==, 7);
  CwClause *deep = cw_catalogue_lookup_clause (catalogue, "8.5.1.3");
  g_assert_cmpuint (cw_clause_get_depth (deep), ==, 3);
  g_assert_cmpstr (cw_clause_get_number (cw_clause_get_parent (deep)), ==, "8.5.1");
}

static void
test_leaves (void)
{
  g_autoptr (CwCatalogue) catalogue = builtin ();
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  guint leaves = 0;
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      GPtrArray *questions = cw_clause_get_questions (clause);
      if (!cw_clause_is_leaf (clause))
        {
          g_assert_cmpuint (questions->len, ==, 0);
          continue;
        }
      leaves++;
      g_assert_cmpuint (strlen (cw_clause_get_guidance (clause)), >=, 80);
      g_assert_cmpuint (questions->len, >=, 3);
      g_assert_cmpuint (questions->len, <=, 7);
      for (guint q = 0; q < questions->len; q++)
        {
          CwQuestion *question = g_ptr_array_index (questions, q);
          g_autofree char *id
            = g_strdup_printf ("%s.q%u", cw_clause_get_number (clause), q + 1);
          g_assert_cmpstr (cw_question_get_id (question), ==, id);
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, (gpointer) cw_question_get_id (question));
          /* No question is asked twice anywhere in the catalogue. */
          g_assert_false (g_hash_table_contains (texts, cw_question_get_text (question)));
          g_hash_table_add (texts, (gpointer) cw_question_get_text (question));
          g_assert_true (cw_catalogue_lookup_question (catalogue, id) == question);
        }
    }
  g_assert_cmpuint (leaves, ==, 57);
  g_assert_cmpuint (cw_catalogue_count_questions (catalogue), ==, g_hash_table_size (seen));
}

/* 6.2 and 7.5 hold their sub-clauses and, like every other parent, nothing
 * else; their questions live under the sub-clause each one asks about, and
 * questions added later come after a clause's first ones. */
static void
test_sub_clauses (void)
{
  g_autoptr (CwCatalogue) catalogue = builtin ();
  const char *parents[] = { "6.2", "7.5" };
  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    {
      CwClause *parent = cw_catalogue_lookup_clause (catalogue, parents[i]);
      g_assert_false (cw_clause_is_leaf (parent));
      g_assert_cmpuint (cw_clause_get_questions (parent)->len, ==, 0);
      g_assert_cmpuint (cw_clause_get_expected (parent)->len, ==, 0);
      g_assert_cmpstr (cw_clause_get_guidance (parent), ==, "");
      g_autofree char *old_id = g_strdup_printf ("%s.q1", parents[i]);
      g_assert_null (cw_catalogue_lookup_question (catalogue, old_id));
    }
  g_assert_cmpuint (cw_clause_get_children (cw_catalogue_lookup_clause (catalogue, "6.2"))->len,
                    ==, 2);
  g_assert_cmpuint (cw_clause_get_children (cw_catalogue_lookup_clause (catalogue, "7.5"))->len,
                    ==, 4);

  static const struct
  {
    const char *id;
    const char *starts;
  } placed[] = {
    { "6.2.1.q1", "Show me this year's service management objectives" },
    { "6.2.2.q1", "Take one objective that is behind target" },
    { "7.5.2.q1", "Show me your rules for creating, approving and updating" },
    { "7.5.3.q1", "How does a change engineer know" },
    { "7.5.4.q1", "Show me the list of documented information" },
    { "8.2.2.q6", "How have you rated the criticality" },
    { "8.3.3.q6", "Where does this SLA state the workload" },
    { "8.7.2.q7", "Show me the risk assessment behind your continuity" },
    { "9.3.q5", "How did you make sure the last review considered every input" },
    { "10.1.q6", "Take a recent nonconformity: what did you do straight away" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (placed); i++)
    {
      CwQuestion *question = cw_catalogue_lookup_question (catalogue, placed[i].id);
      g_assert_nonnull (question);
      g_assert_true (g_str_has_prefix (cw_question_get_text (question), placed[i].starts));
    }
  g_assert_cmpuint (cw_catalogue_get_version (catalogue), ==, 2);
}

static void
test_review_inputs (void)
{
  g_autoptr (CwCatalogue) catalogue = builtin ();
  GArray *inputs = cw_catalogue_get_review_inputs (catalogue);
  g_assert_cmpuint (inputs->len, ==, G_N_ELEMENTS (review_input_ids));
  for (guint i = 0; i < inputs->len; i++)
    {
      CwReviewInput *input = &g_array_index (inputs, CwReviewInput, i);
      g_assert_cmpstr (input->id, ==, review_input_ids[i]);
      g_assert_cmpuint (strlen (input->title), >, 0);
      g_assert_cmpuint (strlen (input->hint), >, 10);
    }
  CwReviewInput *first = &g_array_index (inputs, CwReviewInput, 0);
  g_assert_cmpstr (first->prefill, ==, "previous-review-actions");
}

/* A workspace's own copy reads back identical to the built-in catalogue. */
static void
test_workspace_copy (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "c.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);
  workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);

  g_autoptr (CwCatalogue) original = builtin ();
  CwCatalogue *copy = cw_workspace_get_catalogue (workspace);
  GPtrArray *a = cw_catalogue_get_clauses (original);
  GPtrArray *b = cw_catalogue_get_clauses (copy);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      CwClause *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_assert_cmpstr (cw_clause_get_number (x), ==, cw_clause_get_number (y));
      g_assert_cmpstr (cw_clause_get_title (x), ==, cw_clause_get_title (y));
      g_assert_cmpstr (cw_clause_get_guidance (x), ==, cw_clause_get_guidance (y));
      g_assert_cmpuint (cw_clause_get_expected (x)->len, ==, cw_clause_get_expected (y)->len);
      GPtrArray *qx = cw_clause_get_questions (x), *qy = cw_clause_get_questions (y);
      g_assert_cmpuint (qx->len, ==, qy->len);
      for (guint q = 0; q < qx->len; q++)
        g_assert_cmpstr (cw_question_get_text (g_ptr_array_index (qx, q)), ==,
                         cw_question_get_text (g_ptr_array_index (qy, q)));
    }
  g_assert_cmpuint (cw_catalogue_get_review_inputs (copy)->len, ==,
                    cw_catalogue_get_review_inputs (original)->len);
}

static void
test_scope (void)
{
  g_autoptr (CwCatalogue) catalogue = builtin ();
  g_autoptr (GError) error = NULL;
  const char *typed[] = { "9.2", "8.6.1", "8.6", "", NULL };
  g_auto (GStrv) scope = cw_catalogue_normalise_scope (catalogue, typed, &error);
  g_assert_no_error (error);
  g_autofree char *joined = g_strjoinv (",", scope);
  g_assert_cmpstr (joined, ==, "8.6,9.2");

  g_auto (GStrv) whole = cw_catalogue_normalise_scope (catalogue, NULL, &error);
  g_autofree char *all = g_strjoinv (",", whole);
  g_assert_cmpstr (all, ==, "4,5,6,7,8,9,10");

  const char *unknown[] = { "8.99", NULL };
  g_assert_null (cw_catalogue_normalise_scope (catalogue, unknown, &error));
  g_assert_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "8.99"));

  g_assert_true (cw_clause_number_covers ("8.6", "8.6.1"));
  g_assert_true (cw_clause_number_covers ("8.6", "8.6"));
  g_assert_false (cw_clause_number_covers ("8.6", "8.60"));
  g_assert_false (cw_clause_number_covers ("8.6", "8"));
  g_assert_false (cw_clause_number_covers ("1", "10.1"));
}

/* The schema turns away catalogues that break its rules. */
static void
test_schema_rejects (void)
{
  const char *broken[] = {
    /* A leaf with only two questions. */
    "<clause number=\"4\" title=\"C\"><clause number=\"4.1\" title=\"L\">"
    "<guidance>Look at the register.</guidance>"
    "<question id=\"4.1.q1\">Where is the register?</question>"
    "<question id=\"4.1.q2\">Who reviews the register?</question></clause></clause>",
    /* A leaf with eight questions. */
    "<clause number=\"4\" title=\"C\"><clause number=\"4.1\" title=\"L\">"
    "<guidance>Look at the register.</guidance>"
    "<question id=\"4.1.q1\">Where is the register?</question>"
    "<question id=\"4.1.q2\">Who reviews the register?</question>"
    "<question id=\"4.1.q3\">When was it reviewed?</question>"
    "<question id=\"4.1.q4\">Who approved the register?</question>"
    "<question id=\"4.1.q5\">What changed in the register?</question>"
    "<question id=\"4.1.q6\">Which risk came from the register?</question>"
    "<question id=\"4.1.q7\">Which objective came from it?</question>"
    "<question id=\"4.1.q8\">Who else reads the register?</question></clause></clause>",
    /* A clause without a title. */
    "<clause number=\"4\"><clause number=\"4.1\" title=\"L\">"
    "<guidance>Look at the register.</guidance>"
    "<question id=\"4.1.q1\">Where is the register?</question>"
    "<question id=\"4.1.q2\">Who reviews the register?</question>"
    "<question id=\"4.1.q3\">When was it reviewed?</question></clause></clause>",
    /* A malformed question id. */
    "<clause number=\"4\" title=\"C\"><clause number=\"4.1\" title=\"L\">"
    "<guidance>Look at the register.</guidance>"
    "<question id=\"q1\">Where is the register?</question>"
    "<question id=\"4.1.q2\">Who reviews the register?</question>"
    "<question id=\"4.1.q3\">When was it reviewed?</question></clause></clause>",
    /* An element the format does not have. */
    "<clause number=\"4\" title=\"C\"><clause number=\"4.1\" title=\"L\">"
    "<guidance>Look at the register.</guidance><script>x</script>"
    "<question id=\"4.1.q1\">Where is the register?</question>"
    "<question id=\"4.1.q2\">Who reviews the register?</question>"
    "<question id=\"4.1.q3\">When was it reviewed?</question></clause></clause>",
  };
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "<catalogue xmlns=\"urn:clausewise:catalogue:1\" standard=\"T\" version=\"1\">%s"
        "<review-inputs><input id=\"x-input\"><title>T</title><hint>Bring the figures.</hint>"
        "</input></review-inputs></catalogue>",
        broken[i]);
      g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr (GError) error = NULL;
      g_autoptr (CwCatalogue) catalogue = cw_catalogue_new_from_xml (bytes, "broken.xml", &error);
      g_assert_null (catalogue);
      g_assert_nonnull (error);
    }

  /* Valid XML whose question id belongs to another clause: caught by the
   * builder, which the schema cannot express. */
  const char *misplaced
    = "<catalogue xmlns=\"urn:clausewise:catalogue:1\" standard=\"T\" version=\"1\">"
      "<clause number=\"4\" title=\"C\"><clause number=\"4.1\" title=\"L\">"
      "<guidance>Look at the register.</guidance>"
      "<question id=\"4.2.q1\">Where is the register?</question>"
      "<question id=\"4.1.q2\">Who reviews the register?</question>"
      "<question id=\"4.1.q3\">When was it reviewed?</question></clause></clause>"
      "<review-inputs><input id=\"x-input\"><title>T</title><hint>Bring the figures.</hint>"
      "</input></review-inputs></catalogue>";
  g_autoptr (GBytes) bytes = g_bytes_new (misplaced, strlen (misplaced));
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCatalogue) catalogue = cw_catalogue_new_from_xml (bytes, "misplaced.xml", &error);
  g_assert_null (catalogue);
  g_assert_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID);
}


/* The built-in catalogue is read without its schema at every start
 * (cw_xml_read_resource): the bytes compiled in must pass it here. */
static void
test_builtin_passes_schema (void)
{
  cw_core_ensure_initialised ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes
    = g_resources_lookup_data (CW_CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_autoptr (CwCatalogue) validated = cw_catalogue_new_from_xml (bytes, "built-in", &error);
  g_assert_no_error (error);
  g_autoptr (CwCatalogue) builtin = cw_catalogue_new_builtin (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_catalogue_get_clauses (validated)->len, ==,
                    cw_catalogue_get_clauses (builtin)->len);
}

/* Every clause title, guidance, question, expected item and review input
 * of the built-in catalogue is there in English, German and French, each
 * question by the same id; a translation is not the English again. A
 * translation that drops a question or names one the catalogue lacks is
 * refused. What is shown follows the language pushed; the text a
 * workspace keeps stays English. */
static void
test_three_languages (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCatalogue) catalogue = cw_catalogue_new_builtin (&error);
  g_assert_no_error (error);
  const char *const translated[] = { "de", "fr" };
  guint checked = 0, same = 0;
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      const char *number = cw_clause_get_number (clause);
      for (guint l = 0; l < G_N_ELEMENTS (translated); l++)
        {
          const char *title
            = cw_catalogue_text (catalogue, translated[l], CW_CATALOGUE_TITLE, number);
          g_assert_nonnull (title);
          same += g_str_equal (title, cw_clause_get_title (clause));
          if (!cw_clause_is_leaf (clause))
            continue;
          g_assert_nonnull (
            cw_catalogue_text (catalogue, translated[l], CW_CATALOGUE_GUIDANCE, number));
          GPtrArray *questions = cw_clause_get_questions (clause);
          for (guint q = 0; q < questions->len; q++)
            {
              CwQuestion *question = g_ptr_array_index (questions, q);
              const char *text = cw_catalogue_text (catalogue, translated[l], CW_CATALOGUE_QUESTION,
                                                    cw_question_get_id (question));
              g_assert_nonnull (text);
              g_assert_cmpstr (text, !=, cw_question_get_text (question));
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, ==, 2 * cw_catalogue_count_questions (catalogue));
  /* A title or two ("Leadership", "Design") may read the same. */
  g_assert_cmpuint (same, <=, 4);
  GArray *inputs = cw_catalogue_get_review_inputs (catalogue);
  for (guint i = 0; i < inputs->len; i++)
    for (guint l = 0; l < G_N_ELEMENTS (translated); l++)
      {
        const char *id = g_array_index (inputs, CwReviewInput, i).id;
        g_assert_nonnull (cw_catalogue_text (catalogue, translated[l], CW_CATALOGUE_INPUT_TITLE, id));
        g_assert_nonnull (cw_catalogue_text (catalogue, translated[l], CW_CATALOGUE_INPUT_HINT, id));
      }

  /* Shown in the language pushed; kept in English. */
  CwQuestion *question = cw_catalogue_lookup_question (catalogue, "8.6.3.q1");
  g_assert_true (cw_language_push ("de", &error));
  g_assert_cmpstr (cw_question_get_text_shown (question), ==,
                   cw_catalogue_text (catalogue, "de", CW_CATALOGUE_QUESTION, "8.6.3.q1"));
  cw_language_pop ();
  g_assert_true (cw_language_push ("en", &error));
  g_assert_cmpstr (cw_question_get_text_shown (question), ==, cw_question_get_text (question));
  cw_language_pop ();
  /* A workspace whose question reads otherwise is shown its own words. */
  g_autoptr (CwCatalogue) other = cw_catalogue_new ("ISO/IEC 20000-1:2018", 1);
  g_assert_nonnull (cw_catalogue_add_clause (other, "8", "Operation", NULL, &error));
  g_assert_nonnull (cw_catalogue_add_clause (other, "8.6", "Resolution", "8", &error));
  CwClause *clause = cw_catalogue_add_clause (other, "8.6.3", "Problem management", "8.6", &error);
  g_assert_no_error (error);
  CwQuestion *own = cw_catalogue_add_question (other, clause, "8.6.3.q1", "Our own words here.", &error);
  g_assert_true (cw_language_push ("fr", &error));
  g_assert_cmpstr (cw_question_get_text_shown (own), ==, "Our own words here.");
  cw_language_pop ();

  /* Translations that miss or add an item. */
  g_autoptr (GBytes) bytes
    = g_resources_lookup_data (CW_CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr (GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *german_question = strstr (text->str, "<translation lang=\"de\">");
  g_assert_nonnull (german_question);
  const char *start = strstr (german_question, "<question id=\"8.6.3.q1\">");
  const char *end = strstr (start, "</question>") + strlen ("</question>");
  g_autoptr (GString) missing = g_string_new_len (text->str, start - text->str);
  g_string_append (missing, end);
  g_autoptr (GBytes) missing_bytes = g_bytes_new (missing->str, missing->len);
  g_assert_null (cw_catalogue_new_from_xml (missing_bytes, "missing.xml", &error));
  g_assert_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "8.6.3.q1");
  g_clear_error (&error);
  /* The French names a question the catalogue does not have. */
  g_autoptr (GString) extra = g_string_new (text->str);
  const char *french = strstr (extra->str, "<translation lang=\"fr\">");
  char *renamed = strstr (french, "<question id=\"8.6.3.q1\">");
  g_assert_nonnull (renamed);
  renamed[strlen ("<question id=\"8.6.3.q")] = '9';
  g_autoptr (GBytes) extra_bytes = g_bytes_new (extra->str, extra->len);
  g_assert_null (cw_catalogue_new_from_xml (extra_bytes, "extra.xml", &error));
  g_assert_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/catalogue/clauses", test_clauses);
  g_test_add_func ("/core/catalogue/leaves", test_leaves);
  g_test_add_func ("/core/catalogue/sub-clauses", test_sub_clauses);
  g_test_add_func ("/core/catalogue/review-inputs", test_review_inputs);
  g_test_add_func ("/core/catalogue/workspace-copy", test_workspace_copy);
  g_test_add_func ("/core/catalogue/scope", test_scope);
  g_test_add_func ("/core/catalogue/schema-rejects", test_schema_rejects);
  g_test_add_func ("/core/catalogue/builtin-passes-schema", test_builtin_passes_schema);
  g_test_add_func ("/core/catalogue/three-languages", test_three_languages);
  return g_test_run ();
}
