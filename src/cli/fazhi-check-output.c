/* fazhi-check-output.c: how the checker prints a report
 *
 * The text report a person reads and the fazhi-check/1 JSON a program
 * reads.  Apart from the command line (fazhi-check.c) because the
 * formats are a contract of their own, and grow with the analysis.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fazhi-check-private.h"

void
fzc_serialize_report (Run          *run,
                      FzBatchEntry *entry,
                      FzAnalysis   *analysis,
                      const GError *error)
{
  Output *output = g_hash_table_lookup (run->outputs, entry);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  node = fz_json_report (output->path, NULL, fz_ruleset_get_id (run->rules),
                         analysis, error, run->with_text);
  o = json_node_get_object (node);
  output->findings = json_to_string (json_object_get_member (o, "findings"), FALSE);
  if (json_object_has_member (o, "text"))
    output->text = json_to_string (json_object_get_member (o, "text"), FALSE);
  json_object_remove_member (o, "findings");
  json_object_remove_member (o, "text");
  output->head = json_to_string (node, FALSE);
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
print_finding (GString         *out,
               FzDocument      *doc,
               const FzFinding *f)
{
  int para = fz_document_paragraph_at (doc, f->start);
  const FzParagraph *p = para >= 0 ? fz_document_get_paragraph (doc, para) : NULL;

  g_string_append_printf (out, "  [%s] ", fz_severity_get_word (f->severity));
  if (p != NULL)
    g_string_append_printf (out, _("line %u: "), p->source_line);
  g_string_append_printf (out, "%s\n", f->message);
}

void
fzc_print_text_report (GString *out,
                       Job     *job,
                       Run     *run)
{
  FzAnalysis *analysis = fz_batch_entry_get_analysis (job->entry);
  const GError *error = fz_batch_entry_get_error (job->entry);
  GPtrArray *copies = fz_batch_entry_get_copy_findings (job->entry);
  GPtrArray *followed = run->history ? fzc_history_get_findings (run->history, job->entry) : NULL;
  FzDocument *doc;
  const FzMetadata *meta;
  GPtrArray *elements, *findings, *figures;
  g_autofree char *year = NULL;

  g_string_append_printf (out, "== %s ==\n", job->path);

  if (error != NULL)
    {
      g_string_append_printf (out, "  ✘ %s\n\n", error->message);
      return;
    }

  doc = fz_analysis_get_document (analysis);
  meta = fz_analysis_get_metadata (analysis);
  elements = fz_analysis_get_elements (analysis);
  findings = fz_analysis_get_findings (analysis);
  figures = fz_analysis_get_figures (analysis);

  print_field (out, _("Format"), fz_document_get_format (doc));
  print_field (out, _("Rule set"), fz_ruleset_get_display_name (run->rules));
  print_field (out, _("Title"), meta->title.value);
  print_field (out, _("Document number"), meta->doc_number.value);
  print_field (out, _("Addressee"), meta->addressee.value);
  print_field (out, _("Issuer"), meta->issuer.value);
  print_field (out, _("Date"), meta->date_iso ? meta->date_iso : meta->date.value);
  if (meta->published_iso != NULL)
    print_field (out, _("Published"), meta->published_iso);
  year = meta->report_year > 0 ? g_strdup_printf ("%d", meta->report_year) : NULL;
  print_field (out, _("Report year"), year);
  print_field (out, _("Level"), fz_level_get_word (meta->level));
  print_field (out, _("Suggested grade"),
               fz_grade_get_label (fz_batch_entry_get_suggested_grade (job->entry)));
  fz_check_filing_print (run->filing, out, run->batch, job->entry);

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
                              status_mark (r->status), fz_status_get_word (r->status),
                              r->name, r->required ? "" : _(" (optional)"),
                              r->explanation ? r->explanation : "");
    }

  g_string_append (out, "\n  ");
  g_string_append_printf (out, _("Findings (%u):"), findings->len + copies->len + (followed ? followed->len : 0));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < findings->len; i++)
    print_finding (out, doc, g_ptr_array_index (findings, i));
  /* Shared passages, found across the batch. */
  for (guint i = 0; i < copies->len; i++)
    print_finding (out, doc, g_ptr_array_index (copies, i));
  /* Last year's, followed up. */
  for (guint i = 0; followed != NULL && i < followed->len; i++)
    print_finding (out, doc, g_ptr_array_index (followed, i));

  g_string_append (out, "\n  ");
  g_string_append_printf (out, _("Figures found: %u"), figures->len);
  g_string_append (out, "\n");
  if (run->rounds != NULL)
    fzc_rounds_print_text (run->rounds, job->entry, out);
  if (run->history != NULL)
    fzc_history_print_text (run->history, job->entry, out);
  g_string_append (out, "\n");
}

/* The report's fazhi-check/1 object: the worker's part, then the batch's. */
void
fzc_print_json_report (GString *out,
                       Job     *job,
                       Run     *run)
{
  Output *output = g_hash_table_lookup (run->outputs, job->entry);
  /* The shared passages, late filing and publication. */
  g_autoptr(GPtrArray) copies = fz_check_filing_extra_findings (run->batch, job->entry);
  GPtrArray *followed = run->history ? fzc_history_get_findings (run->history, job->entry) : NULL;
  const char *grade = fz_grade_to_string (fz_batch_entry_get_suggested_grade (job->entry));
  gsize head_len = strlen (output->head);
  gsize findings_len = strlen (output->findings);

  /* And last year's report followed up. */
  for (guint i = 0; followed != NULL && i < followed->len; i++)
    g_ptr_array_add (copies, fz_finding_copy (g_ptr_array_index (followed, i)));

  /* Additive members only: "findings" gains the copy_overlap findings,
   * "grade" is new. */
  g_string_append_len (out, output->head, head_len - 1);
  g_string_append (out, ",\"findings\":");
  if (copies->len == 0)
    g_string_append (out, output->findings);
  else
    {
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *extra = NULL;
      JsonArray *a = fz_json_findings (copies);

      node = json_node_init_array (json_node_alloc (), a);
      json_array_unref (a);
      extra = json_to_string (node, FALSE);
      /* "[…]" + "[…]" → "[…,…]" */
      g_string_append_len (out, output->findings, findings_len - 1);
      if (findings_len > 2)
        g_string_append_c (out, ',');
      g_string_append (out, extra + 1);
    }
  g_string_append (out, ",\"grade\":");
  g_string_append (out, grade != NULL ? "\"" : "null");
  if (grade != NULL)
    g_string_append_printf (out, "%s\"", grade);
  fz_check_filing_append_json (run->filing, out, run->batch, job->entry);
  if (run->rounds != NULL)
    fzc_rounds_append_json (run->rounds, job->entry, out);
  if (run->history != NULL)
    fzc_history_append_json (run->history, job->entry, out);
  if (output->text != NULL)
    g_string_append_printf (out, ",\"text\":%s", output->text);
  g_string_append_c (out, '}');
}

static const char *
job_path (GPtrArray    *jobs,
          FzBatchEntry *entry)
{
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      if (job->entry == entry)
        return job->path;
    }

  return fz_batch_entry_get_display_name (entry);
}

/* "batch": the summary and the pairs of reports sharing passages. */
void
fzc_print_json_batch (GString   *out,
                      FzBatch   *batch,
                      GPtrArray *jobs,
                      GPtrArray *previous)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *summary = fz_batch_dup_summary (batch);
  g_autofree char *text = NULL;
  GPtrArray *copies = fz_batch_get_copies (batch);
  JsonObject *o = json_object_new ();
  JsonArray *pairs = json_array_new ();
  JsonArray *prev = json_array_new ();

  json_object_set_string_member (o, "summary", summary);
  for (guint i = 0; i < copies->len; i++)
    {
      const FzBatchCopy *copy = g_ptr_array_index (copies, i);
      JsonObject *p = json_object_new ();
      JsonArray *passages = json_array_new ();

      json_object_set_string_member (p, "a", fz_batch_entry_is_reference (copy->a)
                                             ? job_path (previous, copy->a) : job_path (jobs, copy->a));
      json_object_set_string_member (p, "b", fz_batch_entry_is_reference (copy->b)
                                             ? job_path (previous, copy->b) : job_path (jobs, copy->b));
      json_object_set_boolean_member (p, "a_previous", fz_batch_entry_is_reference (copy->a));
      json_object_set_boolean_member (p, "b_previous", fz_batch_entry_is_reference (copy->b));
      for (guint j = 0; j < copy->passages->len; j++)
        {
          const FzCopyPassage *passage = &g_array_index (copy->passages, FzCopyPassage, j);
          JsonObject *q = json_object_new ();

          json_object_set_int_member (q, "a_start", passage->a_start);
          json_object_set_int_member (q, "a_end", passage->a_end);
          json_object_set_int_member (q, "b_start", passage->b_start);
          json_object_set_int_member (q, "b_end", passage->b_end);
          json_object_set_string_member (q, "a_text", g_ptr_array_index (copy->a_texts, j));
          json_object_set_string_member (q, "b_text", g_ptr_array_index (copy->b_texts, j));
          json_object_set_int_member (q, "sentences", passage->n_sentences);
          json_object_set_double_member (q, "similarity", ((int) (passage->similarity * 100 + 0.5)) / 100.0);
          json_array_add_object_element (passages, q);
        }
      json_object_set_array_member (p, "passages", passages);
      json_array_add_object_element (pairs, p);
    }
  json_object_set_array_member (o, "copies", pairs);
  for (guint i = 0; i < previous->len; i++)
    json_array_add_string_element (prev, ((Job *) g_ptr_array_index (previous, i))->path);
  json_object_set_array_member (o, "previous", prev);

  node = json_node_init_object (json_node_alloc (), o);
  json_object_unref (o);
  text = json_to_string (node, FALSE);
  g_string_append_printf (out, ",\"batch\":%s", text);
}
