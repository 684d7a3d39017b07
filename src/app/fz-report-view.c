/* fz-report-view.c: the report's text, with its marks
 *
 * The text laid in piece by piece, and the tags of sections, figures,
 * findings, evidence and annotations.  Finding and showing a passage is
 * fz-report-view-find.c, the tooltips fz-report-view-tooltip.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-element-color.h"
#include "fz-report-view-private.h"
#include "fz-verdict-style.h"

/* Bytes of text laid in per main-loop turn: a few milliseconds of work,
 * and more than the first screens of a report. */
#define CHUNK_BYTES (16 * 1024)



G_DEFINE_FINAL_TYPE (FzReportView, fz_report_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_FILLING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
apply_range (FzReportView *self,
             GtkTextTag   *tag,
             guint         start,
             guint         end)
{
  GtkTextIter begin, finish;

  if (end <= start)
    return;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &begin, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &finish, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &begin, &finish);
}

static GtkTextTag *
element_tag (FzReportView *self,
             const char   *element_id)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  g_autofree char *name = g_strdup_printf ("element:%s", element_id);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (self->buffer, name,
                                      "weight", PANGO_WEIGHT_BOLD,
                                      NULL);

  /* Set every time: another rule set can put the element at another
   * position, and the checklist and outline take their colour from that. */
  g_object_set (tag, "foreground", fz_element_color (self->analysis, element_id), NULL);

  return tag;
}

/* The passages an element was found in, lightly shaded in its colour:
 * below every other mark, so findings, annotations and search matches
 * show over it. */
static GtkTextTag *
evidence_tag (FzReportView *self,
              const char   *element_id)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  g_autofree char *name = g_strdup_printf ("evidence:%s", element_id);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  GdkRGBA rgba;

  if (tag == NULL)
    {
      tag = gtk_text_buffer_create_tag (self->buffer, name, NULL);
      gtk_text_tag_set_priority (tag, 1);
    }

  if (gdk_rgba_parse (&rgba, fz_element_color (self->analysis, element_id)))
    {
      rgba.alpha = 0.13;
      g_object_set (tag, "background-rgba", &rgba, NULL);
    }

  return tag;
}

gboolean
_fz_report_view_is_heading_range (FzAnalysis *analysis,
                  guint       start,
                  guint       end)
{
  GPtrArray *sections = fz_analysis_get_sections (analysis);

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *section = g_ptr_array_index (sections, i);

      if (section->start == start && section->heading_end == end)
        return TRUE;
    }

  return FALSE;
}

/* The element's evidence in the text, e.g. the cause sentences of 不足的原因
 * when the report gives them no heading of their own.  A heading among
 * the evidence is marked as a heading already, in its own element's colour. */
static void
fz_report_view_mark_evidence (FzReportView *self)
{
  GPtrArray *elements = fz_analysis_get_elements (self->analysis);
  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (elements, i);
      GtkTextTag *tag = NULL;

      if (result->status == FZ_STATUS_MISSING)
        continue;

      for (guint k = 0; result->evidence != NULL && k < result->evidence->len; k++)
        {
          const FzRange *range = &g_array_index (result->evidence, FzRange, k);

          if (_fz_report_view_is_heading_range (self->analysis, range->start, range->end))
            continue;
          if (tag == NULL)
            tag = evidence_tag (self, result->id);
          apply_range (self, tag, range->start, range->end);
        }
    }
}

/* The font size is the reviewer's, not the report's: every tab follows the
 * setting, so zooming one report zooms them all. */
static void
fz_report_view_apply_zoom (FzReportView *self)
{
  GtkTextIter start, end;

  g_object_set (self->zoom_tag,
                "size-points", (double) g_settings_get_int (self->settings, "font-size"),
                NULL);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->zoom_tag, &start, &end);
}

/* The marks that lie wholly inside the text laid in so far and were not
 * applied yet: the three lists are in document order. */
static void
fz_report_view_mark_filled (FzReportView *self)
{
  GPtrArray *sections = fz_analysis_get_sections (self->analysis);
  GPtrArray *figures = fz_analysis_get_figures (self->analysis);
  GPtrArray *findings = fz_analysis_get_findings (self->analysis);

  for (; self->next_section < sections->len; self->next_section++)
    {
      const FzSection *section = g_ptr_array_index (sections, self->next_section);

      if (section->heading_end > self->fill_chars)
        break;
      apply_range (self,
                   section->element != NULL ? element_tag (self, section->element) : self->heading_tag,
                   section->start, section->heading_end);
    }

  for (; self->next_figure < figures->len; self->next_figure++)
    {
      const FzFigure *figure = g_ptr_array_index (figures, self->next_figure);

      if (figure->end > self->fill_chars)
        break;
      apply_range (self, self->figure_tag, figure->start, figure->end);
    }

  for (; self->next_finding < findings->len; self->next_finding++)
    {
      const FzFinding *finding = g_ptr_array_index (findings, self->next_finding);

      if (finding->end > self->fill_chars)
        break;
      if (finding->severity <= FZ_SEVERITY_INFO)
        apply_range (self, self->finding_tags[finding->severity], finding->start, finding->end);
    }
}

/* Appends the next piece of the text, cut after a line so no paragraph is
 * split, and the marks that lie wholly inside what is now there.  Returns
 * TRUE while text remains. */
static gboolean
fz_report_view_fill_step (FzReportView *self)
{
  FzDocument *document = fz_analysis_get_document (self->analysis);
  const char *text = fz_document_get_text (document);
  gsize total = fz_document_get_text_bytes (document);
  gsize end = MIN (total, self->fill_bytes + CHUNK_BYTES);
  GtkTextIter iter, chunk_start;

  if (end < total)
    {
      const char *newline = memchr (text + end, '\n', total - end);
      end = newline != NULL ? (gsize) (newline - text) + 1 : total;
    }

  gtk_text_buffer_get_end_iter (self->buffer, &iter);
  gtk_text_buffer_insert (self->buffer, &iter, text + self->fill_bytes, end - self->fill_bytes);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &chunk_start, self->fill_chars);
  gtk_text_buffer_get_end_iter (self->buffer, &iter);
  gtk_text_buffer_apply_tag (self->buffer, self->zoom_tag, &chunk_start, &iter);

  self->fill_chars += g_utf8_strlen (text + self->fill_bytes, end - self->fill_bytes);
  self->fill_bytes = end;

  fz_report_view_mark_filled (self);

  return self->fill_bytes < total;
}

static void
fz_report_view_mark_extra_findings (FzReportView *self)
{
  for (guint i = 0; self->extra_findings != NULL && i < self->extra_findings->len; i++)
    {
      const FzFinding *finding = g_ptr_array_index (self->extra_findings, i);

      if (finding->severity <= FZ_SEVERITY_INFO)
        apply_range (self, self->finding_tags[finding->severity], finding->start, finding->end);
    }
}

static void
fz_report_view_shade_annotations (FzReportView *self)
{
  GtkTextIter start, end;
  guint n;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->annotation_tags); i++)
    gtk_text_buffer_remove_tag (self->buffer, self->annotation_tags[i], &start, &end);

  /* Shaded once the whole text is in; the end of the fill comes back here. */
  if (self->analysis == NULL || self->fill_id != 0)
    return;

  fz_report_view_mark_extra_findings (self);
  if (self->annotations == NULL)
    return;

  n = g_list_model_get_n_items (self->annotations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      FzAnnotationCategory category = fz_annotation_get_category (annotation);

      if (fz_annotation_get_attached (annotation) && category < G_N_ELEMENTS (self->annotation_tags))
        apply_range (self, self->annotation_tags[category],
                     fz_annotation_get_start (annotation), fz_annotation_get_end (annotation));
    }
}

/* The marks that need the whole text. */
static void
fz_report_view_fill_done (FzReportView *self)
{
  fz_report_view_mark_evidence (self);
  fz_report_view_shade_annotations (self);
}

static gboolean
fz_report_view_fill_idle (gpointer data)
{
  FzReportView *self = data;

  if (fz_report_view_fill_step (self))
    return G_SOURCE_CONTINUE;

  self->fill_id = 0;
  fz_report_view_fill_done (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);

  return G_SOURCE_REMOVE;
}

/* What comes next needs the whole text: a reveal far down, a search. */
void
_fz_report_view_finish_fill (FzReportView *self)
{
  if (self->fill_id == 0)
    return;

  g_clear_handle_id (&self->fill_id, g_source_remove);
  while (fz_report_view_fill_step (self))
    ;
  fz_report_view_fill_done (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

/* The same text under another rule set: only the marks change.  The text
 * stays where the reviewer was reading, and the view is not emptied and
 * laid in again (an emptied view's scroll bar comes and goes meanwhile). */
static void
fz_report_view_mark_again (FzReportView *self)
{
  GtkTextIter start, end;

  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->zoom_tag, &start, &end);
  self->next_section = self->next_figure = self->next_finding = 0;
  fz_report_view_mark_filled (self);
  fz_report_view_fill_done (self);
}

static void
fz_report_view_fill (FzReportView *self)
{
  gboolean was_filling = self->fill_id != 0;
  GtkTextIter start;
  FzDocument *document = self->analysis != NULL ? fz_analysis_get_document (self->analysis) : NULL;

  if (document != NULL && document == self->filled && self->fill_id == 0 &&
      self->fill_bytes == fz_document_get_text_bytes (document))
    {
      fz_report_view_mark_again (self);
      return;
    }

  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  self->fill_bytes = 0;
  self->fill_chars = 0;
  self->next_section = self->next_figure = self->next_finding = 0;
  g_set_object (&self->filled, document);

  if (self->analysis == NULL)
    {
      if (was_filling)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
      return;
    }

  /* A short timeout rather than an idle: each piece lets a frame be drawn
   * before the next, and an animation elsewhere in the window (a spinner)
   * cannot starve the fill as it would an idle callback. */
  if (fz_report_view_fill_step (self))
    self->fill_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 1, fz_report_view_fill_idle, self, NULL);
  else
    fz_report_view_fill_done (self);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  if (was_filling != (self->fill_id != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

static void
fz_report_view_create_tags (FzReportView *self)
{
  /* Created first, so every later tag takes precedence over it. */
  self->zoom_tag = gtk_text_buffer_create_tag (self->buffer, "zoom", NULL);

  self->heading_tag = gtk_text_buffer_create_tag (self->buffer, "heading",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  NULL);
  self->figure_tag = gtk_text_buffer_create_tag (self->buffer, "figure",
                                                 "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.14 },
                                                 NULL);
  self->finding_tags[FZ_SEVERITY_ERROR] =
    gtk_text_buffer_create_tag (self->buffer, "finding-error",
                                "underline", PANGO_UNDERLINE_ERROR,
                                "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 },
                                NULL);
  self->finding_tags[FZ_SEVERITY_WARNING] =
    gtk_text_buffer_create_tag (self->buffer, "finding-warning",
                                "underline", PANGO_UNDERLINE_ERROR,
                                "underline-rgba", &(GdkRGBA) { 0.90, 0.38, 0.0, 1.0 },
                                NULL);
  self->finding_tags[FZ_SEVERITY_INFO] =
    gtk_text_buffer_create_tag (self->buffer, "finding-info",
                                "underline", PANGO_UNDERLINE_SINGLE,
                                "underline-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 1.0 },
                                NULL);
  /* Shaded by category, lighter than the flash and the search matches
   * so those stay visible over them. */
  self->annotation_tags[FZ_ANNOTATION_PROBLEM] =
    gtk_text_buffer_create_tag (self->buffer, "annotation-problem",
                                "background-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 0.16 },
                                NULL);
  self->annotation_tags[FZ_ANNOTATION_SUGGESTION] =
    gtk_text_buffer_create_tag (self->buffer, "annotation-suggestion",
                                "background-rgba", &(GdkRGBA) { 0.18, 0.76, 0.49, 0.20 },
                                NULL);
  self->annotation_tags[FZ_ANNOTATION_DOUBT] =
    gtk_text_buffer_create_tag (self->buffer, "annotation-doubt",
                                "background-rgba", &(GdkRGBA) { 0.57, 0.25, 0.67, 0.18 },
                                NULL);
  self->search_tag = gtk_text_buffer_create_tag (self->buffer, "search-match",
                                                 "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.45 },
                                                 NULL);
  self->flash_tag = gtk_text_buffer_create_tag (self->buffer, "flash",
                                                "background-rgba", &(GdkRGBA) { 0.96, 0.76, 0.07, 0.7 },
                                                NULL);
}

/* Every frame that lays out the window, once it is laid out: the text
 * again where it is, in case GTK left it waiting for an allocation (a
 * no-op otherwise, as nothing changed).
 *
 * GTK 4.8's GtkTextView measures the lines on show while it is being
 * allocated, and when they come out other than it had them (lines laid
 * out for the first time, or again after a mark or an annotation changed
 * them), it queues a resize of itself from inside its own allocation.
 * The window has finished with it by then, so the request waits for the
 * next frame while this one is drawn: "Trying to snapshot FzReportView
 * without a current allocation", a warning that aborts a test, and a
 * frame drawn with stale line positions for a reviewer. */
/* Allocates @widget again the size and place its parent gave it last;
 * GTK makes that a no-op when nothing has changed since. */
static void
allocate_in_place (GtkWidget *widget,
                   int        baseline)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  graphene_matrix_t matrix;
  graphene_point_t origin;
  int minimum, natural;

  if (parent == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_transform (widget, parent, &matrix) || !graphene_matrix_is_2d (&matrix))
    return;

  /* Measured first, as a parent does before it allocates. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget), &minimum, &natural, NULL, NULL);
  origin = GRAPHENE_POINT_INIT (graphene_matrix_get_x_translation (&matrix),
                                graphene_matrix_get_y_translation (&matrix));
  gtk_widget_allocate (widget, gtk_widget_get_width (widget), gtk_widget_get_height (widget), baseline,
                       origin.x != 0 || origin.y != 0 ? gsk_transform_translate (NULL, &origin) : NULL);
}

static void
on_frame_layout (FzReportView  *self,
                 GdkFrameClock *clock)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  allocate_in_place (GTK_WIDGET (self), self->baseline);
  /* The text's new height moved the scroll bars beside it: they are laid
   * out again with it. */
  if (parent != NULL)
    allocate_in_place (parent, -1);
}

static void
fz_report_view_realize (GtkWidget *widget)
{
  FzReportView *self = FZ_REPORT_VIEW (widget);

  GTK_WIDGET_CLASS (fz_report_view_parent_class)->realize (widget);
  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->layout_id = g_signal_connect_swapped (self->clock, "layout", G_CALLBACK (on_frame_layout), self);
}

static void
fz_report_view_unrealize (GtkWidget *widget)
{
  FzReportView *self = FZ_REPORT_VIEW (widget);

  g_clear_signal_handler (&self->layout_id, self->clock);
  g_clear_object (&self->clock);
  GTK_WIDGET_CLASS (fz_report_view_parent_class)->unrealize (widget);
}

static void
fz_report_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  FzReportView *self = FZ_REPORT_VIEW (widget);

  GTK_WIDGET_CLASS (fz_report_view_parent_class)->size_allocate (widget, width, height, baseline);
  self->baseline = baseline;

  /* Only a popover on show follows the text; a hidden one is placed when
   * it pops up. */
  for (guint i = 0; i < self->popovers->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (self->popovers, i)))
      gtk_popover_present (g_ptr_array_index (self->popovers, i));
}

static void
fz_report_view_dispose (GObject *object)
{
  FzReportView *self = FZ_REPORT_VIEW (object);

  while (self->popovers != NULL && self->popovers->len > 0)
    {
      gtk_widget_unparent (g_ptr_array_index (self->popovers, self->popovers->len - 1));
      g_ptr_array_set_size (self->popovers, self->popovers->len - 1);
    }
  g_clear_pointer (&self->popovers, g_ptr_array_unref);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->extra_findings, g_ptr_array_unref);

  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_object (&self->analysis);
  g_clear_object (&self->filled);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fz_report_view_parent_class)->dispose (object);
}

static void
fz_report_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzReportView *self = FZ_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_FILLING:
      g_value_set_boolean (value, fz_report_view_get_filling (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FzReportView *self = FZ_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      fz_report_view_set_analysis (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_view_class_init (FzReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_report_view_dispose;
  object_class->get_property = fz_report_view_get_property;
  object_class->set_property = fz_report_view_set_property;

  widget_class->query_tooltip = _fz_report_view_query_tooltip;
  widget_class->size_allocate = fz_report_view_size_allocate;
  widget_class->realize = fz_report_view_realize;
  widget_class->unrealize = fz_report_view_unrealize;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         FZ_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while a long text is still being laid in, piece by piece. */
  properties[PROP_FILLING] =
    g_param_spec_boolean ("filling", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_report_view_init (FzReportView *self)
{
  GtkTextIter start;

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "report-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report text"),
                                  -1);

  self->popovers = g_ptr_array_new ();
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  fz_report_view_create_tags (self);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_create_mark (self->buffer, "fz-reveal", &start, TRUE);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::font-size",
                           G_CALLBACK (fz_report_view_apply_zoom), self,
                           G_CONNECT_SWAPPED);
  fz_report_view_apply_zoom (self);
}

GtkWidget *
fz_report_view_new (void)
{
  return g_object_new (FZ_TYPE_REPORT_VIEW, NULL);
}

FzAnalysis *
fz_report_view_get_analysis (FzReportView *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_VIEW (self), NULL);

  return self->analysis;
}

gboolean
fz_report_view_get_filling (FzReportView *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_VIEW (self), FALSE);

  return self->fill_id != 0;
}

void
fz_report_view_set_analysis (FzReportView *self,
                             FzAnalysis   *analysis)
{
  g_return_if_fail (FZ_IS_REPORT_VIEW (self));
  g_return_if_fail (analysis == NULL || FZ_IS_ANALYSIS (analysis));

  /* A re-check under another rule set is a new analysis of the same
   * text: the marks change, so lay it in again all the same. */
  g_set_object (&self->analysis, analysis);
  fz_report_view_fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

void
fz_report_view_set_annotations (FzReportView *self,
                                GListModel   *annotations)
{
  g_return_if_fail (FZ_IS_REPORT_VIEW (self));
  g_return_if_fail (annotations == NULL || G_IS_LIST_MODEL (annotations));

  if (self->annotations == annotations)
    return;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_set_object (&self->annotations, annotations);
  if (annotations != NULL)
    g_signal_connect_object (annotations, "items-changed",
                             G_CALLBACK (fz_report_view_shade_annotations), self,
                             G_CONNECT_SWAPPED);

  fz_report_view_shade_annotations (self);
}

void
fz_report_view_refresh_annotations (FzReportView *self)
{
  g_return_if_fail (FZ_IS_REPORT_VIEW (self));

  fz_report_view_shade_annotations (self);
}

void
fz_report_view_add_popover (FzReportView *self,
                            GtkPopover   *popover)
{
  g_return_if_fail (FZ_IS_REPORT_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (self));
  g_ptr_array_add (self->popovers, popover);
}

void
fz_report_view_point_popover (FzReportView *self,
                              GtkPopover   *popover,
                              guint         start,
                              guint         end)
{
  GdkRectangle first, last, rect;
  GtkTextIter begin, finish;
  int x, y;

  g_return_if_fail (FZ_IS_REPORT_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  if (MAX (start, end) > self->fill_chars)
    _fz_report_view_finish_fill (self);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &begin, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &finish, MAX (start, end));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &begin, &first);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &finish, &last);

  /* Under the passage's last line, where the eye already is after
   * selecting; a passage of one line gets its whole width. */
  if (first.y == last.y)
    rect = (GdkRectangle) { first.x, last.y, MAX (1, last.x - first.x), last.height };
  else
    rect = (GdkRectangle) { last.x, last.y, 1, last.height };

  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);

  /* A passage scrolled out of sight (selected, then scrolled away from):
   * the popover points at the nearest edge of the text, never at a place
   * off the screen. */
  rect.x = CLAMP (x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1));
  rect.y = CLAMP (y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - rect.height));
  rect.width = MIN (rect.width, MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - rect.x));
  gtk_popover_set_pointing_to (popover, &rect);
}

void
fz_report_view_set_extra_findings (FzReportView *self,
                                   GPtrArray    *findings)
{
  g_return_if_fail (FZ_IS_REPORT_VIEW (self));

  if (findings != NULL)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->extra_findings, g_ptr_array_unref);
  self->extra_findings = findings;

  fz_report_view_shade_annotations (self);
}
