/* fazhi-check.c: the headless checker
 *
 * The command line: its options, the batch it runs and what it writes
 * where.  How a report is printed, as text or fazhi-check/1 JSON, is
 * fazhi-check-output.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fazhi-check-private.h"

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_object (&job->entry);
  g_free (job);
}

static void
output_free (Output *output)
{
  g_free (output->path);
  g_free (output->head);
  g_free (output->findings);
  g_free (output->text);
  g_free (output);
}

static void
memo_free (Memo *memo)
{
  g_free (memo->path);
  g_clear_error (&memo->error);
  g_free (memo);
}

/* Runs in a worker thread for each report once it is analysed. */
static void
report_analysed (FzBatchEntry *entry,
                 FzAnalysis   *analysis,
                 const GError *error,
                 gpointer      user_data)
{
  Run *run = user_data;
  Memo *memo;

  if (run->rounds != NULL && !fz_batch_entry_is_reference (entry))
    fzc_rounds_compute (run->rounds, entry, analysis);

  if (run->outputs != NULL && g_hash_table_contains (run->outputs, entry))
    fzc_serialize_report (run, entry, analysis, error);

  if (run->memos != NULL && analysis != NULL && !run->defer_memos &&
      (memo = g_hash_table_lookup (run->memos, entry)) != NULL)
    {
      g_autoptr(FzMemo) written = fzc_memo_new (entry, analysis, run->rounds, NULL, FALSE, FALSE);
      g_autoptr(GFile) file = g_file_new_for_path (memo->path);

      fz_memo_export (written, file, &memo->error);
    }

  if (run->returns != NULL)
    fzc_returns_write (run->returns, entry, analysis);
}

static void
write_deferred_memos (Run *run)
{
  GHashTableIter iter;
  FzBatchEntry *entry;
  Memo *memo;

  g_hash_table_iter_init (&iter, run->memos);
  while (g_hash_table_iter_next (&iter, (gpointer *) &entry, (gpointer *) &memo))
    {
      FzAnalysis *analysis = fz_batch_entry_get_analysis (entry);
      g_autoptr(FzMemo) written = NULL;
      g_autoptr(GFile) file = NULL;

      if (analysis == NULL || memo->path == NULL)
        continue;
      written = fzc_memo_new (entry, analysis, run->rounds, run->history, run->memo_score, TRUE);
      file = g_file_new_for_path (memo->path);
      fz_memo_export (written, file, &memo->error);
    }
}

/* Where the memo of @report goes: @memo itself for a single report, else
 * @memo with {name} replaced by the report's name without its extension,
 * or a .docx of that name inside @memo when it is a folder. */
static char *
memo_path_for (const char  *memo,
               const char  *report,
               gboolean     several,
               GError     **error)
{
  g_autofree char *base = g_path_get_basename (report);
  char *dot = strrchr (base, '.');
  g_autofree char *path = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';

  if (g_file_test (memo, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_strconcat (base, ".docx", NULL);

      path = g_build_filename (memo, name, NULL);
    }
  else if (strstr (memo, "{name}") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (memo, "{name}", -1);

      path = g_strjoinv (base, parts);
    }
  else if (several)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("with several reports, --memo must be a folder or contain {name}"));
      return NULL;
    }
  else
    path = g_strdup (memo);

  if (!fz_memo_format_from_filename (path, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--memo must end in .docx, .pdf, .html, .md or .json"));
      return NULL;
    }

  return g_steal_pointer (&path);
}

/* Adds a command-line argument: a folder's reports, or the file itself. */
static gboolean
add_argument (FzBatch     *batch,
              const char  *arg,
              gboolean     reference,
              GPtrArray   *jobs,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      guint before = g_list_model_get_n_items (reference ? fz_batch_get_references (batch)
                                                         : fz_batch_get_entries (batch));
      GListModel *model = reference ? fz_batch_get_references (batch) : fz_batch_get_entries (batch);

      fz_batch_add_folder (batch, file, reference, NULL, error);
      if (error != NULL && *error != NULL)
        return FALSE;
      for (guint i = before; i < g_list_model_get_n_items (model); i++)
        {
          Job *job = g_new0 (Job, 1);
          g_autofree char *relative = NULL;

          job->entry = g_list_model_get_item (model, i);
          relative = g_file_get_relative_path (file, fz_batch_entry_get_file (job->entry));
          job->path = relative != NULL ? g_build_filename (arg, relative, NULL)
                                       : g_file_get_parse_name (fz_batch_entry_get_file (job->entry));
          g_ptr_array_add (jobs, job);
        }
      return TRUE;
    }

  {
    Job *job = g_new0 (Job, 1);
    FzBatchEntry *entry = fz_batch_add_file (batch, file, reference);

    job->path = g_strdup (arg);
    if (entry != NULL)
      job->entry = g_object_ref (entry);
    else
      {
        /* Named twice: printed twice, read once. */
        for (guint i = 0; i < jobs->len && job->entry == NULL; i++)
          if (g_file_equal (fz_batch_entry_get_file (((Job *) g_ptr_array_index (jobs, i))->entry), file))
            job->entry = g_object_ref (((Job *) g_ptr_array_index (jobs, i))->entry);
      }
    if (job->entry == NULL)
      {
        job_free (job);
        return TRUE;
      }
    g_ptr_array_add (jobs, job);
  }

  return TRUE;
}

static void
analysed (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Run *run = user_data;

  fz_batch_analyse_finish (FZ_BATCH (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(FzBatch) batch = NULL;
  g_autoptr(GHashTable) outputs = NULL;
  g_autoptr(GHashTable) memos = NULL;
  g_autoptr(GHashTable) memo_paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *memo = NULL;
  g_autofree char *summary_memo = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *return_to = NULL;
  g_autofree char *reviewer = NULL;
  g_autoptr(FzcReturns) returns = NULL;
  g_autofree char *resubmission_of = NULL;
  g_autoptr(FzcRounds) rounds = NULL;
  g_autoptr(FzcHistory) history = NULL;
  g_auto(GStrv) previous_dirs = NULL;
  g_autofree char *rules_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *received = NULL;
  g_autofree char *published = NULL;
  g_auto(FzCheckFiling) filing = { 0 };
  g_auto(GStrv) files = NULL;
  gboolean with_text = FALSE;
  gboolean memo_score = FALSE;
  gboolean list_rules = FALSE;
  gboolean version = FALSE;
  Run run = { 0 };
  int status = 0;
  const GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_STRING, &rules_name,
      N_("Rule set: national, guangdong, the id of a user rule set, or an XML file"), N_("RULES") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: text or json"), N_("FORMAT") },
    { "memo", 'm', 0, G_OPTION_ARG_FILENAME, &memo,
      N_("Also write each report's review memo (.docx, .pdf, .html, .md or .json); "
         "with several reports a folder or a name containing {name}"), N_("FILE") },
    { "memo-score", 0, 0, G_OPTION_ARG_NONE, &memo_score,
      N_("State the score under the rule set's scoring table in each report's memo"), NULL },
    { "summary-memo", 0, 0, G_OPTION_ARG_FILENAME, &summary_memo,
      N_("Also write the summary memo of all the reports (.docx, .pdf, .html or .md)"), N_("FILE") },
    { "with-text", 0, 0, G_OPTION_ARG_NONE, &with_text,
      N_("Include the normalized text in JSON output"), NULL },
    { "ledger", 0, 0, G_OPTION_ARG_FILENAME, &ledger,
      N_("Write the ledger of all reports to FILE (.xlsx or .csv)"), N_("FILE") },
    { "previous", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &previous_dirs,
      N_("Last year's reports (a folder or file), compared for copied passages, and each report "
         "followed up from its unit's (plan, shortcomings, requests, figures); not graded"),
      N_("DIR") },
    { "return", 0, 0, G_OPTION_ARG_FILENAME, &return_to,
      N_("Also write each report returned to its unit: its own .docx (or a .docx of its text) "
         "with the saved review, or else the findings, as Word comments; "
         "with several reports a folder or a name containing {name}"), N_("FILE.docx") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer,
      N_("The reviewer who signs the comments of --return when the report has no saved review naming one"),
      N_("NAME") },
    { "resubmission-of", 0, 0, G_OPTION_ARG_FILENAME, &resubmission_of,
      N_("Check the report as the revised version of FIRST: each point of the first round's review "
         "(or, without one, of its findings) is resolved, still open or changed"), N_("FIRST") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received,
      N_("When the report was received (收文日期), YYYY-MM-DD: after the rule set's deadline it is filed late"),
      N_("DATE") },
    { "published", 0, 0, G_OPTION_ARG_FILENAME, &published,
      N_("The saved web page (.html, .mht) of the published report, compared with it and giving the date it "
         "was published (公开日期); or that date, YYYY-MM-DD"), N_("PAGE") },
    { "list-rules", 0, 0, G_OPTION_ARG_NONE, &list_rules,
      N_("List the available rule sets and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* Binds the catalogs, the build folder's own when run from there. */
  fz_init ();
  textdomain (GETTEXT_PACKAGE);

  /* The file arguments are named by the G_OPTION_REMAINING entry. */
  context = g_option_context_new (_("— check 法治政府建设年度报告 against the rules"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Reads each report, finds its sections, 公文 metadata and figures, "
                                  "and checks it against a rule set.\n"
                                  "Exit status: 0 every file analysed, 3 some file could not be read, "
                                  "4 some memo could not be written, 2 usage error."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fazhi-check: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (version)
    {
      g_print ("fazhi-check %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (list_rules)
    {
      g_auto(GStrv) ids = fz_ruleset_list_available ();

      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autoptr(GError) load_error = NULL;
          g_autoptr(FzRuleSet) set = fz_ruleset_load (ids[i], &load_error);

          if (set != NULL)
            g_print ("%s\t%s\n", ids[i], fz_ruleset_get_display_name (set));
          else
            g_print ("%s\t%s\n", ids[i], load_error->message);
        }
      return 0;
    }

  if (format_name == NULL || g_str_equal (format_name, "text"))
    run.format = OUTPUT_TEXT;
  else if (g_str_equal (format_name, "json"))
    run.format = OUTPUT_JSON;
  else
    {
      g_printerr ("fazhi-check: %s\n", _("--format must be text or json"));
      return EXIT_USAGE;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("fazhi-check: %s\n", _("no report given; see --help"));
      return EXIT_USAGE;
    }

  rules = fz_ruleset_load (rules_name ? rules_name : "national", &error);
  if (rules == NULL)
    {
      g_printerr ("fazhi-check: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (!fz_check_filing_init (&filing, received, published, &error))
    {
      g_printerr ("fazhi-check: %s\n", error->message);
      return EXIT_USAGE;
    }

  run.rules = rules;
  run.with_text = with_text;
  run.pretty = isatty (STDOUT_FILENO);

  /* Folders are searched recursively; every report is read on a pool of
   * one worker per core, and reports are compared for shared passages. */
  batch = fz_batch_new (rules);
  fz_batch_set_hash_files (batch, FALSE);
  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  previous = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  for (guint i = 0; files[i] != NULL; i++)
    if (!add_argument (batch, files[i], FALSE, jobs, &error))
      {
        g_printerr ("fazhi-check: %s\n", error->message);
        return EXIT_USAGE;
      }
  for (guint i = 0; previous_dirs != NULL && previous_dirs[i] != NULL; i++)
    if (!add_argument (batch, previous_dirs[i], TRUE, previous, &error))
      {
        g_printerr ("fazhi-check: %s\n", error->message);
        return EXIT_USAGE;
      }
  if (jobs->len == 0)
    {
      g_printerr ("fazhi-check: %s\n", _("no report found in the folders given"));
      return EXIT_USAGE;
    }
  run.batch = batch;
  run.filing = &filing;
  if (!fz_check_filing_apply (&filing, batch, &error))
    {
      g_printerr ("fazhi-check: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (run.format == OUTPUT_JSON)
    {
      GPtrArray *lists[] = { jobs, previous };

      /* A file named twice has one output, under the first name given. */
      outputs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) output_free);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < lists[l]->len; i++)
          {
            Job *job = g_ptr_array_index (lists[l], i);
            Output *output;

            if (g_hash_table_contains (outputs, job->entry))
              continue;
            output = g_new0 (Output, 1);
            output->path = g_strdup (job->path);
            g_hash_table_insert (outputs, job->entry, output);
          }
      run.outputs = outputs;
      /* The text view needs every analysis; JSON only what the workers
       * printed, which keeps memory flat for thousands of reports, unless
       * last year's reports are to be followed into this year's. */
      fz_batch_set_keep_analyses (batch, previous->len > 0 || (memo != NULL && memo_score));
    }

  if (memo != NULL)
    {
      memos = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) memo_free);
      for (guint i = 0; i < jobs->len; i++)
        {
          Job *job = g_ptr_array_index (jobs, i);
          Memo *entry_memo;

          /* A report named twice writes its memo once. */
          if (g_hash_table_contains (memos, job->entry))
            continue;

          entry_memo = g_new0 (Memo, 1);
          entry_memo->path = memo_path_for (memo, job->path, jobs->len > 1, &error);
          g_hash_table_insert (memos, job->entry, entry_memo);
          if (entry_memo->path == NULL)
            {
              g_printerr ("fazhi-check: %s\n", error->message);
              return EXIT_USAGE;
            }
          if (!g_hash_table_add (memo_paths, entry_memo->path))
            {
              g_printerr ("fazhi-check: ");
              g_printerr (_("two reports would write the same memo “%s”"), entry_memo->path);
              g_printerr ("\n");
              return EXIT_USAGE;
            }
        }
      run.memos = memos;
      /* The score and last year's follow-through are known once every
       * report is read. */
      run.memo_score = memo_score;
      run.defer_memos = memo_score || previous->len > 0;
    }

  if (resubmission_of != NULL)
    {
      if (jobs->len != 1)
        {
          g_printerr ("fazhi-check: %s\n", _("--resubmission-of takes exactly one revised report"));
          return EXIT_USAGE;
        }
      if ((rounds = fzc_rounds_new (resubmission_of, rules, &error)) == NULL)
        {
          g_printerr ("fazhi-check: %s\n", error->message);
          return EXIT_UNREADABLE;
        }
      run.rounds = rounds;
    }

  if (return_to != NULL)
    {
      returns = fzc_returns_new (return_to, reviewer);
      for (guint i = 0; i < jobs->len; i++)
        {
          Job *job = g_ptr_array_index (jobs, i);

          if (!fzc_returns_add (returns, job->entry, job->path, jobs->len > 1, &error))
            {
              g_printerr ("fazhi-check: %s\n", error->message);
              return EXIT_USAGE;
            }
        }
      run.returns = returns;
    }

  if (run.outputs != NULL || run.memos != NULL || run.returns != NULL || run.rounds != NULL)
    fz_batch_set_entry_func (batch, report_analysed, &run);

  run.loop = g_main_loop_new (NULL, FALSE);
  fz_check_filing_prepare (&filing, batch);
  fz_batch_analyse_async (batch, NULL, analysed, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  if (run.error != NULL)
    {
      g_printerr ("fazhi-check: %s\n", run.error->message);
      g_clear_error (&run.error);
      return EXIT_USAGE;
    }
  fz_check_filing_compare (&filing, batch);

  if (previous->len > 0)
    {
      history = fzc_history_new ();
      for (guint i = 0; i < previous->len; i++)
        {
          Job *job = g_ptr_array_index (previous, i);

          fzc_history_add_previous (history, job->entry, job->path);
        }
      for (guint i = 0; i < jobs->len; i++)
        fzc_history_compute (history, ((Job *) g_ptr_array_index (jobs, i))->entry);
      run.history = history;
    }

  if (run.defer_memos)
    write_deferred_memos (&run);

  if (run.format == OUTPUT_JSON)
    {
      g_autoptr(GString) out = g_string_new ("{\"schema\":\"" FZ_JSON_SCHEMA "\",\"reports\":[");

      for (guint i = 0; i < jobs->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          fzc_print_json_report (out, g_ptr_array_index (jobs, i), &run);
        }
      g_string_append_c (out, ']');
      fzc_print_json_batch (out, batch, jobs, previous);
      g_string_append (out, "}\n");

      if (run.pretty)
        {
          g_autoptr(JsonNode) node = json_from_string (out->str, NULL);
          g_autofree char *pretty = node ? json_to_string (node, TRUE) : NULL;

          if (pretty != NULL)
            {
              g_string_assign (out, pretty);
              g_string_append_c (out, '\n');
            }
        }
      fwrite (out->str, 1, out->len, stdout);
    }
  else
    {
      g_autofree char *summary = fz_batch_dup_summary (batch);

      for (guint i = 0; i < jobs->len; i++)
        {
          g_autoptr(GString) out = g_string_new (NULL);

          fzc_print_text_report (out, g_ptr_array_index (jobs, i), &run);
          fputs (out->str, stdout);
        }
      if (jobs->len > 1 || previous->len > 0)
        g_print ("%s\n", summary);
    }

  if (ledger != NULL && !fz_ledger_write (batch, ledger, &error))
    {
      g_printerr ("fazhi-check: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (summary_memo != NULL)
    {
      g_autoptr(FzMemo) summary = fz_memo_new_for_batch (batch);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (summary_memo);

      if (!fz_memo_export (summary, file, &error))
        {
          g_printerr ("fazhi-check: %s\n", error->message);
          g_clear_error (&error);
          status = EXIT_MEMO;
        }
    }

  for (guint p = 0; p < 2; p++)
    {
      GPtrArray *list = p == 0 ? jobs : previous;

      for (guint i = 0; i < list->len; i++)
        {
          Job *job = g_ptr_array_index (list, i);
          const GError *job_error = fz_batch_entry_get_error (job->entry);

          if (job_error == NULL)
            continue;
          status = EXIT_UNREADABLE;
          if (run.format == OUTPUT_JSON || p == 1)
            g_printerr ("fazhi-check: %s\n", job_error->message);
        }
    }

  if (memos != NULL)
    {
      GHashTableIter iter;
      Memo *entry_memo;

      g_hash_table_iter_init (&iter, memos);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry_memo))
        if (entry_memo->error != NULL)
          {
            g_printerr ("fazhi-check: %s\n", entry_memo->error->message);
            if (status == 0)
              status = EXIT_MEMO;
          }
    }

  if (returns != NULL && !fzc_returns_report (returns) && status == 0)
    status = EXIT_MEMO;

  return status;
}
