/* fz-report-view-tooltip.c: what the text's marks say when the pointer
 * rests on them
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-report-view-private.h"
#include "fz-tooltip.h"
#include "fz-verdict-style.h"

static void
append_tooltip_line (GString    *str,
                     const char *markup)
{
  if (str->len > 0)
    g_string_append_c (str, '\n');
  g_string_append (str, markup);
}

gboolean
_fz_report_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  FzReportView *self = FZ_REPORT_VIEW (widget);
  g_autoptr(GString) str = NULL;
  GPtrArray *sections, *figures, *elements;
  GPtrArray *finding_lists[2];
  GtkTextIter iter;
  guint offset;

  if (self->analysis == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                        gtk_text_buffer_get_insert (self->buffer));
    }
  else
    {
      int bx, by;

      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
        return FALSE;
    }

  offset = gtk_text_iter_get_offset (&iter);
  str = g_string_new (NULL);
  finding_lists[0] = fz_analysis_get_findings (self->analysis);
  finding_lists[1] = self->extra_findings;

  sections = fz_analysis_get_sections (self->analysis);
  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *section = g_ptr_array_index (sections, i);
      const FzElementResult *result;
      g_autofree char *line = NULL;

      if (offset < section->start || offset >= section->heading_end)
        continue;

      result = section->element ? fz_analysis_find_element (self->analysis, section->element) : NULL;
      if (result != NULL)
        /* Translators: tooltip on a section heading; %s is a checklist element */
        line = g_markup_printf_escaped (_("Heading of the required element <b>%s</b>"), result->name);
      else
        line = g_markup_printf_escaped (_("Section heading, level %u"), section->depth);
      append_tooltip_line (str, line);
    }

  elements = fz_analysis_get_elements (self->analysis);
  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (elements, i);

      if (result->status == FZ_STATUS_MISSING)
        continue;
      for (guint k = 0; result->evidence != NULL && k < result->evidence->len; k++)
        {
          const FzRange *range = &g_array_index (result->evidence, FzRange, k);
          g_autofree char *line = NULL;

          if (offset < range->start || offset >= range->end ||
              _fz_report_view_is_heading_range (self->analysis, range->start, range->end))
            continue;
          /* Translators: tooltip on a passage the checklist element was found in */
          line = g_markup_printf_escaped (_("Evidence for the required element <b>%s</b>"), result->name);
          append_tooltip_line (str, line);
          break;
        }
    }

  figures = fz_analysis_get_figures (self->analysis);
  for (guint i = 0; i < figures->len; i++)
    {
      const FzFigure *figure = g_ptr_array_index (figures, i);
      g_autofree char *line = NULL;

      if (offset < figure->start || offset >= figure->end)
        continue;

      /* Translators: tooltip on a figure; 1: the figure as written, 2: its unit */
      line = g_markup_printf_escaped (_("Figure <b>%s</b> (unit: %s)"),
                                      figure->text, figure->unit ? figure->unit : "—");
      append_tooltip_line (str, line);
    }

  /* The analysis's findings and the batch's, each read where it is: a copy
   * made with g_ptr_array_copy() would keep the original's free function and
   * free every finding a second time when it is dropped. */
  for (guint a = 0; a < G_N_ELEMENTS (finding_lists); a++)
    for (guint i = 0; finding_lists[a] != NULL && i < finding_lists[a]->len; i++)
      {
        const FzFinding *finding = g_ptr_array_index (finding_lists[a], i);
        g_autofree char *line = NULL;

        if (offset < finding->start || offset >= finding->end)
          continue;

        line = g_markup_printf_escaped ("<b>%s:</b> %s", fz_severity_label (finding->severity),
                                        finding->message);
        append_tooltip_line (str, line);
        if (finding->suggestion != NULL)
          {
            g_autofree char *hint = g_markup_printf_escaped (_("Suggestion: %s"), finding->suggestion);
            append_tooltip_line (str, hint);
          }
      }

  for (guint i = 0; self->annotations != NULL && i < g_list_model_get_n_items (self->annotations); i++)
    {
      g_autoptr(FzAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      g_autofree char *line = NULL;
      const char *note;

      if (!fz_annotation_get_attached (annotation) ||
          offset < fz_annotation_get_start (annotation) || offset >= fz_annotation_get_end (annotation))
        continue;

      note = fz_annotation_get_note (annotation);
      /* Translators: tooltip on an annotated passage: 1: 问题/建议/存疑, 2: the reviewer's note */
      line = g_markup_printf_escaped (_("<b>Annotation (%s):</b> %s"),
                                      fz_annotation_category_to_chinese (fz_annotation_get_category (annotation)),
                                      note != NULL && *note != '\0' ? note : "—");
      append_tooltip_line (str, line);
    }

  if (str->len == 0)
    return FALSE;

  fz_tooltip_show_markup (tooltip, str->str);

  return TRUE;
}
