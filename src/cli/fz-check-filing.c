/* fz-check-filing.c: fazhi-check's filing, publication and score
 *
 * --received and --published record when a report came in and went
 * public; the rule set's deadlines make them findings, and its scoring
 * table gives the score both outputs print.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fz-check-filing.h"

gboolean
fz_check_filing_init (FzCheckFiling  *self,
                      const char     *received,
                      const char     *published,
                      GError        **error)
{
  memset (self, 0, sizeof *self);

  if (received != NULL)
    {
      if (!fz_filing_is_iso_date (received))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--received must be a date written YYYY-MM-DD, e.g. 2025-02-28, not “%s”"),
                       received);
          return FALSE;
        }
      self->received = g_strdup (received);
    }

  if (published == NULL)
    return TRUE;

  /* A date, or the page itself, from which the date is read. */
  if (fz_filing_is_iso_date (published))
    {
      self->published = g_strdup (published);
      return TRUE;
    }
  if (strlen (published) == 10 && g_ascii_isdigit (published[0]) && published[4] == '-')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--published: “%s” is not a day of the calendar"), published);
      return FALSE;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (published);
    g_autoptr(GError) local_error = NULL;

    self->page = fz_published_page_load (file, NULL, &local_error);
    if (self->page == NULL)
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     /* TRANSLATORS: the second %s says why the page could not be read */
                     _("--published: %s"), local_error->message);
        return FALSE;
      }
    self->published = g_strdup (fz_published_page_get_date (self->page));
  }

  return TRUE;
}

void
fz_check_filing_clear (FzCheckFiling *self)
{
  g_clear_pointer (&self->received, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_object (&self->page);
}

gboolean
fz_check_filing_apply (FzCheckFiling  *self,
                       FzBatch        *batch,
                       GError        **error)
{
  GListModel *entries = fz_batch_get_entries (batch);
  guint n = g_list_model_get_n_items (entries);

  if (self->page != NULL && n != 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--published with a web page compares it with one report; %u were given"), n);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      FzFiling *filing = fz_batch_entry_get_filing (entry);

      /* Both were checked by fz_check_filing_init(). */
      fz_filing_set_received (filing, self->received, NULL);
      fz_filing_set_published (filing, self->published, NULL);
      if (self->page != NULL)
        fz_published_page_fill_filing (self->page, filing);
    }

  return TRUE;
}

static GPtrArray *
filing_findings (FzBatch      *batch,
                 FzBatchEntry *entry)
{
  if (fz_batch_entry_get_state (entry) != FZ_BATCH_ENTRY_DONE)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);

  return fz_filing_check (fz_batch_entry_get_filing (entry), fz_batch_get_ruleset (batch),
                          fz_batch_entry_get_level (entry), fz_batch_entry_get_year (entry));
}

void
fz_check_filing_prepare (FzCheckFiling *self,
                         FzBatch       *batch)
{
  if (self->page != NULL)
    fz_batch_set_keep_analyses (batch, TRUE);
}

void
fz_check_filing_compare (FzCheckFiling *self,
                         FzBatch       *batch)
{
  g_autoptr(FzBatchEntry) entry = NULL;
  FzAnalysis *analysis;

  if (self->page == NULL)
    return;

  /* fz_check_filing_apply() saw to it that there is one report. */
  entry = g_list_model_get_item (fz_batch_get_entries (batch), 0);
  analysis = entry != NULL ? fz_batch_entry_get_analysis (entry) : NULL;
  if (analysis == NULL)
    return;

  fz_published_page_compare (self->page, analysis);
  fz_batch_entry_set_findings (entry, "published", fz_published_page_get_findings (self->page));
}

GPtrArray *
fz_check_filing_extra_findings (FzBatch      *batch,
                                FzBatchEntry *entry)
{
  GPtrArray *copies = fz_batch_entry_get_copy_findings (entry);
  GPtrArray *published = fz_batch_entry_get_findings (entry, "published");
  GPtrArray *extra = filing_findings (batch, entry);
  guint at = 0;

  for (guint i = 0; i < copies->len; i++)
    g_ptr_array_insert (extra, at++, fz_finding_copy (g_ptr_array_index (copies, i)));
  for (guint i = 0; published != NULL && i < published->len; i++)
    g_ptr_array_insert (extra, at++, fz_finding_copy (g_ptr_array_index (published, i)));

  return extra;
}

static void
append_page_json (const FzCheckFiling *self,
                  GString             *out)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  g_autofree char *file = g_file_get_parse_name (fz_published_page_get_file (self->page));
  FzComparison *comparison = fz_published_page_get_comparison (self->page);
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "file", file);
  if (fz_published_page_get_date (self->page) != NULL)
    json_object_set_string_member (o, "date", fz_published_page_get_date (self->page));
  else
    json_object_set_null_member (o, "date");
  if (fz_published_page_get_url (self->page) != NULL)
    json_object_set_string_member (o, "url", fz_published_page_get_url (self->page));
  else
    json_object_set_null_member (o, "url");
  if (comparison != NULL)
    {
      json_object_set_double_member (o, "similarity",
                                     ((int) (fz_comparison_get_similarity (comparison) * 1000 + 0.5)) / 1000.0);
      json_object_set_int_member (o, "differences", fz_published_page_get_findings (self->page)->len);
    }
  else
    {
      json_object_set_null_member (o, "similarity");
      json_object_set_null_member (o, "differences");
    }
  json_node_take_object (node, o);
  text = json_to_string (node, FALSE);
  g_string_append_printf (out, ",\"published_page\":%s", text);
}

void
fz_check_filing_append_json (const FzCheckFiling *self,
                             GString             *out,
                             FzBatch             *batch,
                             FzBatchEntry        *entry)
{
  g_autoptr(FzScore) score = fz_batch_entry_dup_score (entry);
  gboolean done = fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE;

  g_string_append (out, ",\"score\":");
  if (score != NULL && done)
    {
      g_autoptr(JsonNode) node = fz_score_to_json (score);
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append (out, text);
    }
  else
    g_string_append (out, "null");

  g_string_append (out, ",\"filing\":");
  if (done)
    {
      g_autoptr(JsonNode) node = fz_filing_to_report_json (fz_batch_entry_get_filing (entry),
                                                           fz_batch_get_ruleset (batch),
                                                           fz_batch_entry_get_level (entry),
                                                           fz_batch_entry_get_year (entry));
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append (out, text);
    }
  else
    g_string_append (out, "null");

  if (self->page != NULL)
    append_page_json (self, out);
}

static void
print_date (GString        *out,
            const char     *label,
            const char     *date,
            FzBatch        *batch,
            FzBatchEntry   *entry,
            FzDeadlineKind  kind)
{
  g_autofree char *deadline = fz_filing_dup_deadline (fz_batch_get_ruleset (batch), kind,
                                                      fz_batch_entry_get_level (entry),
                                                      fz_batch_entry_get_year (entry));

  g_string_append (out, "  ");
  /* TRANSLATORS: a field of the text report, "Title: …" */
  g_string_append_printf (out, _("%s: %s"), label, date);
  switch (fz_batch_entry_get_timeliness (entry, kind))
    {
    case FZ_TIMELINESS_ON_TIME:
      /* TRANSLATORS: after a date, "on time (deadline 2025-03-01)" */
      g_string_append_printf (out, _(" — on time (deadline %s)"), deadline);
      break;

    case FZ_TIMELINESS_LATE:
      /* TRANSLATORS: after a date, "late (deadline 2025-03-01)" */
      g_string_append_printf (out, _(" — late (deadline %s)"), deadline);
      break;

    case FZ_TIMELINESS_UNKNOWN:
    default:
      break;
    }
  g_string_append_c (out, '\n');
}

static void
print_page (const FzCheckFiling *self,
            GString             *out,
            FzBatchEntry        *entry)
{
  g_autofree char *file = g_file_get_parse_name (fz_published_page_get_file (self->page));
  GPtrArray *differences = fz_published_page_get_findings (self->page);
  FzAnalysis *analysis = fz_batch_entry_get_analysis (entry);
  FzDocument *doc = analysis != NULL ? fz_analysis_get_document (analysis) : NULL;

  g_string_append (out, "  ");
  if (fz_published_page_get_comparison (self->page) == NULL)
    return;
  if (differences->len == 0)
    /* TRANSLATORS: the published page compared with the report */
    g_string_append_printf (out, _("Published page %s: the same text as the report"), file);
  else
    g_string_append_printf (out, dngettext (GETTEXT_PACKAGE,
                                            "Published page %s: %u difference from the report",
                                            "Published page %s: %u differences from the report",
                                            differences->len),
                            file, differences->len);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < differences->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (differences, i);
      int para = doc != NULL ? fz_document_paragraph_at (doc, f->start) : -1;

      g_string_append_printf (out, "  [%s] ", _("warning"));
      if (para >= 0)
        g_string_append_printf (out, _("line %u: "), fz_document_get_paragraph (doc, para)->source_line);
      g_string_append_printf (out, "%s\n", f->message);
    }
}

void
fz_check_filing_print (const FzCheckFiling *self,
                       GString             *out,
                       FzBatch             *batch,
                       FzBatchEntry        *entry)
{
  g_autoptr(FzScore) score = fz_batch_entry_dup_score (entry);
  FzFiling *filing = fz_batch_entry_get_filing (entry);

  if (fz_filing_get_received (filing) != NULL)
    print_date (out, _("Received"), fz_filing_get_received (filing), batch, entry, FZ_DEADLINE_FILING);
  if (fz_filing_get_published (filing) != NULL)
    print_date (out, _("Published"), fz_filing_get_published (filing), batch, entry, FZ_DEADLINE_PUBLICATION);
  if (self->page != NULL)
    print_page (self, out, entry);
  if (fz_filing_get_published_url (filing) != NULL)
    {
      g_string_append (out, "  ");
      g_string_append_printf (out, _("%s: %s"), _("Published at"), fz_filing_get_published_url (filing));
      g_string_append_c (out, '\n');
    }

  if (score != NULL)
    {
      g_autofree char *total = fz_score_format_points (fz_score_get_total (score));
      g_autofree char *max = fz_score_format_points (fz_score_get_max (score));
      GListModel *items = fz_score_get_items (score);

      g_string_append_printf (out, "\n  %s\n", fz_score_table_get_display_name (fz_score_get_table (score)));
      /* TRANSLATORS: the score line, "Score: 73.5 of 100 (Pass)" */
      g_string_append_printf (out, _("  Score: %s of %s (%s)"), total, max,
                              fz_score_get_grade_name (score) != NULL ? fz_score_get_grade_name (score)
                                                                      : _("grade to follow the reviewer's scoring"));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(FzScoreItem) item = g_list_model_get_item (items, i);
          g_autofree char *points = fz_score_format_points (fz_score_item_get_points (item));
          g_autofree char *item_max = fz_score_format_points (fz_score_item_get_max (item));
          g_autofree char *head = g_strdup_printf ("%s %s/%s", fz_score_item_get_name (item),
                                                   fz_score_item_get_pending (item) ? "–" : points, item_max);

          g_string_append (out, "    ");
          g_string_append_printf (out, _("%s: %s"), head, fz_score_item_get_reason (item));
          g_string_append_c (out, '\n');
        }
    }

  {
    g_autoptr(GPtrArray) late = filing_findings (batch, entry);

    for (guint i = 0; i < late->len; i++)
      g_string_append_printf (out, "  [%s] %s\n", _("warning"),
                              ((FzFinding *) g_ptr_array_index (late, i))->message);
  }
}
