/* fazhi-check.c: the headless checker
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

#include "libfazhi.h"

#define EXIT_USAGE      2
#define EXIT_UNREADABLE 3

typedef enum
{
  OUTPUT_TEXT,
  OUTPUT_JSON,
} OutputFormat;

typedef struct
{
  char        *path;
  FzAnalysis  *analysis;
  GError      *error;
  char        *json;      /* serialized in the worker, so output scales with cores */
} Job;

typedef struct
{
  FzRuleSet    *rules;
  OutputFormat  format;
  gboolean      with_text;
  gboolean      pretty;
  GMutex        mutex;
  GCond         cond;
  guint         pending;
} Run;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_object (&job->analysis);
  g_clear_error (&job->error);
  g_free (job->json);
  g_free (job);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Run *run = user_data;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (job->path);
  g_autoptr(FzDocument) doc = fz_import_file (file, NULL, &job->error);

  if (doc != NULL)
    job->analysis = fz_analysis_new (doc, run->rules);

  if (run->format == OUTPUT_JSON)
    {
      g_autoptr(JsonNode) node = fz_json_report (job->path, NULL,
                                                 fz_ruleset_get_id (run->rules),
                                                 job->analysis, job->error,
                                                 run->with_text);
      job->json = json_to_string (node, run->pretty);
      /* The text view only needs what JSON printed; free memory early when
       * thousands of reports are checked at once. */
      g_clear_object (&job->analysis);
    }

  g_mutex_lock (&run->mutex);
  run->pending--;
  g_cond_signal (&run->cond);
  g_mutex_unlock (&run->mutex);
}

static const char *
status_label (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return _("present");
    case FZ_STATUS_PARTIAL:        return _("partial");
    case FZ_STATUS_MISSING:        return _("missing");
    case FZ_STATUS_NOT_APPLICABLE: return _("not applicable");
    case FZ_STATUS_NEEDS_REVIEW:   return _("needs review");
    default:                       return "?";
    }
}

static const char *
status_mark (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return "✔";
    case FZ_STATUS_PARTIAL:        return "◐";
    case FZ_STATUS_MISSING:        return "✘";
    case FZ_STATUS_NOT_APPLICABLE: return "–";
    case FZ_STATUS_NEEDS_REVIEW:   return "?";
    default:                       return "?";
    }
}

static const char *
severity_label (FzSeverity severity)
{
  switch (severity)
    {
    case FZ_SEVERITY_ERROR:   return _("error");
    case FZ_SEVERITY_WARNING: return _("warning");
    case FZ_SEVERITY_INFO:    return _("note");
    default:                  return "?";
    }
}

static const char *
level_label (FzLevel level)
{
  switch (level)
    {
    case FZ_LEVEL_TOWNSHIP:   return _("township");
    case FZ_LEVEL_COUNTY:     return _("county");
    case FZ_LEVEL_CITY:       return _("city");
    case FZ_LEVEL_PROVINCE:   return _("province");
    case FZ_LEVEL_DEPARTMENT: return _("department");
    case FZ_LEVEL_UNKNOWN:
    default:                  return _("unknown");
    }
}

static void
print_field (GString    *out,
             const char *label,
             const char *value)
{
  g_string_append (out, "  ");
  /* TRANSLATORS: a field of the text report, "Title: …" */
  g_string_append_printf (out, _("%s: %s"), label, value ? value : _("(absent)"));
  g_string_append_c (out, '\n');
}

static void
print_text_report (GString *out,
                   Job     *job,
                   Run     *run)
{
  FzDocument *doc;
  const FzMetadata *meta;
  GPtrArray *elements, *findings, *figures;
  g_autofree char *year = NULL;

  g_string_append_printf (out, "== %s ==\n", job->path);

  if (job->error != NULL)
    {
      g_string_append_printf (out, "  ✘ %s\n\n", job->error->message);
      return;
    }

  doc = fz_analysis_get_document (job->analysis);
  meta = fz_analysis_get_metadata (job->analysis);
  elements = fz_analysis_get_elements (job->analysis);
  findings = fz_analysis_get_findings (job->analysis);
  figures = fz_analysis_get_figures (job->analysis);

  print_field (out, _("Format"), fz_document_get_format (doc));
  print_field (out, _("Rule set"), fz_ruleset_get_display_name (run->rules));
  print_field (out, _("Title"), meta->title.value);
  print_field (out, _("Document number"), meta->doc_number.value);
  print_field (out, _("Addressee"), meta->addressee.value);
  print_field (out, _("Issuer"), meta->issuer.value);
  print_field (out, _("Date"), meta->date_iso ? meta->date_iso : meta->date.value);
  year = meta->report_year > 0 ? g_strdup_printf ("%d", meta->report_year) : NULL;
  print_field (out, _("Report year"), year);
  print_field (out, _("Level"), level_label (meta->level));

  {
    GPtrArray *warnings = fz_document_get_warnings (doc);

    for (guint i = 0; warnings != NULL && i < warnings->len; i++)
      g_string_append_printf (out, "  ⚠ %s\n", (const char *) g_ptr_array_index (warnings, i));
  }

  g_string_append_printf (out, "\n  %s\n", _("Required elements:"));
  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);

      g_string_append_printf (out, "  %s %-6s %s%s\n      %s\n",
                              status_mark (r->status), status_label (r->status),
                              r->name, r->required ? "" : _(" (optional)"),
                              r->explanation ? r->explanation : "");
    }

  g_string_append (out, "\n  ");
  g_string_append_printf (out, _("Findings (%u):"), findings->len);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);
      int para = fz_document_paragraph_at (doc, f->start);
      const FzParagraph *p = para >= 0 ? fz_document_get_paragraph (doc, para) : NULL;

      g_string_append_printf (out, "  [%s] ", severity_label (f->severity));
      if (p != NULL)
        g_string_append_printf (out, _("line %u: "), p->source_line);
      g_string_append_printf (out, "%s\n", f->message);
    }

  g_string_append (out, "\n  ");
  g_string_append_printf (out, _("Figures found: %u"), figures->len);
  g_string_append (out, "\n\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autofree char *rules_name = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) files = NULL;
  gboolean with_text = FALSE;
  gboolean list_rules = FALSE;
  gboolean version = FALSE;
  GThreadPool *pool;
  Run run = { 0 };
  int status = 0;
  const GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_STRING, &rules_name,
      N_("Rule set: national, guangdong, the id of a user rule set, or an XML file"), N_("RULES") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: text or json"), N_("FORMAT") },
    { "with-text", 0, 0, G_OPTION_ARG_NONE, &with_text,
      N_("Include the normalized text in JSON output"), NULL },
    { "list-rules", 0, 0, G_OPTION_ARG_NONE, &list_rules,
      N_("List the available rule sets and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  fz_init ();
  {
    const char *localedir = g_getenv ("FAZHI_LOCALEDIR");
    bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
  }

  context = g_option_context_new (_("FILE… — check 法治政府建设年度报告 against the rules"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Reads each report, finds its sections, 公文 metadata and figures, "
                                  "and checks it against a rule set.\n"
                                  "Exit status: 0 every file analysed, 3 some file could not be read, "
                                  "2 usage error."));
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

  run.rules = rules;
  run.with_text = with_text;
  run.pretty = isatty (STDOUT_FILENO);
  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);

  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  for (guint i = 0; files[i] != NULL; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->path = g_strdup (files[i]);
      g_ptr_array_add (jobs, job);
    }

  run.pending = jobs->len;
  pool = g_thread_pool_new (run_job, &run, MAX (1, (int) g_get_num_processors ()), FALSE, NULL);
  for (guint i = 0; i < jobs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (jobs, i), NULL);

  g_mutex_lock (&run.mutex);
  while (run.pending > 0)
    g_cond_wait (&run.cond, &run.mutex);
  g_mutex_unlock (&run.mutex);
  g_thread_pool_free (pool, FALSE, TRUE);

  if (run.format == OUTPUT_JSON)
    {
      fputs ("{\"schema\":\"" FZ_JSON_SCHEMA "\",\"reports\":[", stdout);
      for (guint i = 0; i < jobs->len; i++)
        {
          Job *job = g_ptr_array_index (jobs, i);

          if (i > 0)
            fputc (',', stdout);
          fputs (job->json, stdout);
        }
      fputs ("]}\n", stdout);
    }
  else
    {
      for (guint i = 0; i < jobs->len; i++)
        {
          g_autoptr(GString) out = g_string_new (NULL);

          print_text_report (out, g_ptr_array_index (jobs, i), &run);
          fputs (out->str, stdout);
        }
    }

  for (guint i = 0; i < jobs->len; i++)
    if (((Job *) g_ptr_array_index (jobs, i))->error != NULL)
      {
        Job *job = g_ptr_array_index (jobs, i);

        status = EXIT_UNREADABLE;
        if (run.format == OUTPUT_JSON)
          g_printerr ("fazhi-check: %s\n", job->error->message);
      }

  g_mutex_clear (&run.mutex);
  g_cond_clear (&run.cond);

  return status;
}
