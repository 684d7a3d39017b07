/* fz-ledger.c: the batch as a spreadsheet, one row per report
 *
 * The bureau files the year's grades in a ledger (台账).  Both formats come
 * from one table of cells, so the .csv and the .xlsx never disagree.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-ledger"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "fz-i18n.h"
#include "fz-labels.h"
#include "fz-ledger.h"

typedef struct
{
  char     *text;
  gboolean  is_number;
  double    number;
  int       status;               /* FzStatus of an element cell, -1 otherwise */
} Cell;

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
}

static void
add_text (GArray     *row,
          const char *text)
{
  Cell cell = { g_strdup (text != NULL ? text : ""), FALSE, 0, -1 };

  g_array_append_val (row, cell);
}

static void
add_number (GArray *row,
            double  number)
{
  Cell cell = { g_strdup_printf ("%.0f", number), TRUE, number, -1 };

  g_array_append_val (row, cell);
}

/* Points as written ("87.5"), a number for the spreadsheet. */
static void
add_points (GArray *row,
            double  points)
{
  Cell cell = { fz_score_format_points (points), TRUE, points, -1 };

  g_array_append_val (row, cell);
}

static const char *
timeliness_label (FzTimeliness timeliness)
{
  switch (timeliness)
    {
    case FZ_TIMELINESS_ON_TIME: return _("on time");
    case FZ_TIMELINESS_LATE:    return _("late");
    case FZ_TIMELINESS_UNKNOWN:
    default:                    return "";
    }
}

/* The score, its 等次, and what the reviewer recorded of filing and
 * publication. */
static void
add_score_and_filing (GArray       *row,
                      FzBatchEntry *entry)
{
  const FzScoreBand *band = fz_batch_entry_get_score_band (entry);
  FzFiling *filing = fz_batch_entry_get_filing (entry);

  if (fz_batch_entry_get_score_total (entry) >= 0)
    {
      add_points (row, fz_batch_entry_get_score_total (entry));
      add_text (row, band != NULL ? fz_score_band_get_display_name (band) : _("to be scored"));
    }
  else
    {
      add_text (row, NULL);
      add_text (row, NULL);
    }
  add_text (row, fz_filing_get_received (filing));
  add_text (row, fz_filing_channel_get_label (fz_filing_get_channel (filing)));
  add_text (row, timeliness_label (fz_batch_entry_get_timeliness (entry, FZ_DEADLINE_FILING)));
  add_text (row, fz_filing_get_published (filing));
  add_text (row, fz_filing_get_published_url (filing));
  add_text (row, fz_filing_get_published_column (filing));
  add_text (row, timeliness_label (fz_batch_entry_get_timeliness (entry, FZ_DEADLINE_PUBLICATION)));
}

static GArray *
row_new (void)
{
  GArray *row = g_array_new (FALSE, FALSE, sizeof (Cell));

  g_array_set_clear_func (row, cell_clear);
  return row;
}

/* The header and one row per report to grade (GArray of Cell each). */
static GPtrArray *
build_table (FzBatch *batch)
{
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  FzRuleSet *rules = fz_batch_get_ruleset (batch);
  GListModel *entries = fz_batch_get_entries (batch);
  guint n_elements = fz_ruleset_get_n_elements (rules);
  GArray *header = row_new ();

  add_text (header, _("File"));
  add_text (header, _("Unit"));
  add_text (header, _("Level"));
  add_text (header, _("Report year"));
  add_text (header, _("Title"));
  add_text (header, _("Date"));
  for (guint e = 0; e < n_elements; e++)
    add_text (header, fz_rule_element_get_display_name (fz_ruleset_get_element (rules, e)));
  add_text (header, _("Errors"));
  add_text (header, _("Warnings"));
  add_text (header, _("Notes"));
  add_text (header, _("Copied passages"));
  add_text (header, _("Suggested grade"));
  add_text (header, _("Grade"));
  add_text (header, _("Confirmed"));
  add_text (header, _("Score"));
  add_text (header, _("Score band"));
  add_text (header, _("Received"));
  add_text (header, _("Channel"));
  add_text (header, _("Filed on time"));
  add_text (header, _("Published"));
  add_text (header, _("Published at"));
  add_text (header, _("Column"));
  add_text (header, _("Published on time"));
  add_text (header, _("Reviewer"));
  add_text (header, _("Could not be read"));
  g_ptr_array_add (table, header);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      gboolean done = fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE;
      const GError *error = fz_batch_entry_get_error (entry);
      GArray *row = row_new ();

      add_text (row, fz_batch_entry_get_display_name (entry));
      /* A report read but not understood says so, rather than leave a
       * blank a reader takes for a gap in the ledger. */
      add_text (row, done && fz_batch_entry_get_unit (entry) == NULL ? _("not recognised")
                                                                      : fz_batch_entry_get_unit (entry));
      add_text (row, fz_level_get_label (fz_batch_entry_get_level (entry)));
      if (fz_batch_entry_get_year (entry) > 0)
        add_number (row, fz_batch_entry_get_year (entry));
      else
        add_text (row, NULL);
      add_text (row, done && fz_batch_entry_get_title (entry) == NULL ? _("not recognised")
                                                                       : fz_batch_entry_get_title (entry));
      add_text (row, fz_batch_entry_get_date (entry));
      for (guint e = 0; e < n_elements; e++)
        {
          FzStatus status;

          if (done && fz_batch_entry_get_status (entry, fz_ruleset_get_element (rules, e)->id, &status))
            {
              add_text (row, fz_status_get_label (status));
              g_array_index (row, Cell, row->len - 1).status = status;
            }
          else
            add_text (row, NULL);
        }
      if (done)
        {
          add_number (row, fz_batch_entry_get_n_findings (entry, FZ_SEVERITY_ERROR));
          add_number (row, fz_batch_entry_get_n_findings (entry, FZ_SEVERITY_WARNING));
          add_number (row, fz_batch_entry_get_n_findings (entry, FZ_SEVERITY_INFO));
          add_number (row, fz_batch_entry_get_copy_findings (entry)->len);
        }
      else
        for (guint k = 0; k < 4; k++)
          add_text (row, NULL);
      add_text (row, fz_grade_get_label (fz_batch_entry_get_suggested_grade (entry)));
      add_text (row, fz_grade_get_label (fz_batch_entry_get_grade (entry)));
      if (done)
        {
          g_autofree char *confirmed = g_strdup_printf ("%u/%u", fz_batch_entry_get_n_decided (entry),
                                                        fz_batch_entry_get_n_required (entry));
          add_text (row, confirmed);
        }
      else
        add_text (row, NULL);
      add_score_and_filing (row, entry);
      /* Who reviewed the report, as its own review says; the batch's
       * reviewer only for reports nobody has opened. */
      add_text (row, fz_batch_entry_get_reviewer (entry) != NULL ? fz_batch_entry_get_reviewer (entry)
                                                                 : fz_batch_get_reviewer (batch));
      add_text (row, error != NULL ? error->message : NULL);
      g_ptr_array_add (table, row);
    }

  return table;
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * fz_ledger_to_csv:
 *
 * Returns: (transfer full): the ledger as CSV text
 */
char *
fz_ledger_to_csv (FzBatch *batch)
{
  g_autoptr(GPtrArray) table = NULL;
  GString *out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (FZ_IS_BATCH (batch), NULL);

  table = build_table (batch);
  for (guint r = 0; r < table->len; r++)
    {
      GArray *row = g_ptr_array_index (table, r);

      for (guint c = 0; c < row->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, g_array_index (row, Cell, c).text);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

static guint32
status_colour (FzStatus status)
{
  /* Excel's own "good", "neutral" and "bad" cell styles. */
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return 0xC6EFCE;
    case FZ_STATUS_PARTIAL:        return 0xFFEB9C;
    case FZ_STATUS_MISSING:        return 0xFFC7CE;
    case FZ_STATUS_NEEDS_REVIEW:   return 0xDDEBF7;
    case FZ_STATUS_NOT_APPLICABLE: return 0xEDEDED;
    default:                       return 0xFFFFFF;
    }
}

static gboolean
write_xlsx (GPtrArray   *table,
            const char  *path,
            GError     **error)
{
  /* Constant-memory mode writes row by row, so a province's ten thousand
   * rows take no more memory than ten; it also writes strings inline. */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet;
  lxw_format *bold, *status_formats[FZ_STATUS_NEEDS_REVIEW + 1];
  lxw_error status;

  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not create the spreadsheet “%s”"), path);
      return FALSE;
    }

  sheet = workbook_add_worksheet (workbook, NULL);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  for (guint s = 0; s < G_N_ELEMENTS (status_formats); s++)
    {
      status_formats[s] = workbook_add_format (workbook);
      format_set_pattern (status_formats[s], LXW_PATTERN_SOLID);
      format_set_bg_color (status_formats[s], status_colour (s));
    }

  worksheet_freeze_panes (sheet, 1, 2);
  worksheet_set_column (sheet, 0, 0, 28, NULL);
  worksheet_set_column (sheet, 1, 1, 22, NULL);
  worksheet_set_column (sheet, 4, 4, 40, NULL);

  for (guint r = 0; r < table->len; r++)
    {
      GArray *row = g_ptr_array_index (table, r);

      for (guint c = 0; c < row->len; c++)
        {
          const Cell *cell = &g_array_index (row, Cell, c);
          lxw_format *format = r == 0 ? bold : cell->status >= 0 ? status_formats[cell->status] : NULL;

          if (cell->is_number)
            worksheet_write_number (sheet, r, c, cell->number, format);
          else if (cell->text[0] != '\0' || format != NULL)
            worksheet_write_string (sheet, r, c, cell->text, format);
        }
    }

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the spreadsheet “%s”: %s"), path, lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
fz_ledger_write (FzBatch     *batch,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  gboolean xlsx;
  int fd;

  g_return_val_if_fail (FZ_IS_BATCH (batch), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    xlsx = TRUE;
  else if (g_str_has_suffix (lower, ".csv"))
    xlsx = FALSE;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The ledger “%s” must end in .xlsx or .csv"), display);
      return FALSE;
    }

  if (!xlsx)
    {
      g_autofree char *csv = fz_ledger_to_csv (batch);

      /* g_file_set_contents() writes a temporary file and renames it. */
      return g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                       0644, error);
    }

  /* libxlsxwriter writes the file itself: it gets a temporary name beside
   * the target, renamed over it once complete. */
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".fazhi-ledger-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the spreadsheet “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  {
    g_autoptr(GPtrArray) table = build_table (batch);

    if (!write_xlsx (table, tmp, error))
      {
        g_unlink (tmp);
        return FALSE;
      }
  }

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the spreadsheet “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  /* g_mkstemp() made it private; a ledger is shared like any document. */
  g_chmod (path, 0644);

  return TRUE;
}
