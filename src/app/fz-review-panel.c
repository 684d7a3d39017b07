/* fz-review-panel.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-review-panel.h"
#include "fz-tooltip.h"

#define QUOTE_MAX_CHARS 40

struct _FzReviewPanel
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *annotations_group;
  AdwEntryRow         *reviewer_row;
  AdwEntryRow         *deadline_row;
  GtkTextView         *opinion_view;
  GtkTextView         *rectification_view;

  FzReview            *review;
  FzAnalysis          *analysis;
  GPtrArray           *annotation_rows;
  guint                syncing : 1;  /* fields changed by code, not typed */
};

G_DEFINE_FINAL_TYPE (FzReviewPanel, fz_review_panel, GTK_TYPE_WIDGET)

enum {
  ANNOTATION_ACTIVATED,
  ANNOTATION_EDIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_view_sync (GtkTextView *view,
                const char  *text)
{
  g_autofree char *current = text_view_dup_text (view);

  /* Only when it differs: setting the text moves the cursor, which would
   * jump under the reviewer's fingers while they type. */
  if (g_strcmp0 (current, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
editable_sync (GtkEditable *editable,
               const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static void
on_annotation_row_activated (FzReviewPanel *self,
                             AdwActionRow  *row)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "fz-annotation"));
}

static void
on_edit_clicked (FzReviewPanel *self,
                 GtkButton     *button)
{
  g_signal_emit (self, signals[ANNOTATION_EDIT], 0,
                 g_object_get_data (G_OBJECT (button), "fz-annotation"));
}

static void
on_delete_clicked (FzReviewPanel *self,
                   GtkButton     *button)
{
  g_autoptr(FzAnnotation) annotation = g_object_ref (g_object_get_data (G_OBJECT (button), "fz-annotation"));

  if (self->review != NULL)
    fz_review_remove_annotation (self->review, annotation);
}

static GtkWidget *
create_row_button (FzReviewPanel *self,
                   FzAnnotation  *annotation,
                   const char    *icon_name,
                   const char    *label,
                   GCallback      callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  fz_tooltip_set_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "fz-annotation", g_object_ref (annotation), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);

  return button;
}

static void
fz_review_panel_update_annotations (FzReviewPanel *self)
{
  GListModel *annotations;
  g_autofree char *description = NULL;
  guint n;

  for (guint i = 0; i < self->annotation_rows->len; i++)
    adw_preferences_group_remove (self->annotations_group, g_ptr_array_index (self->annotation_rows, i));
  g_ptr_array_set_size (self->annotation_rows, 0);

  annotations = self->review != NULL ? fz_review_get_annotations (self->review) : NULL;
  n = annotations != NULL ? g_list_model_get_n_items (annotations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *quote = fz_annotation_get_quote (annotation);
      const char *note = fz_annotation_get_note (annotation);
      const char *category = fz_annotation_category_to_chinese (fz_annotation_get_category (annotation));
      glong quote_len = g_utf8_strlen (quote, -1);
      /* g_utf8_substring() reads past the end of a shorter string. */
      g_autofree char *head = g_utf8_substring (quote, 0, MIN (quote_len, QUOTE_MAX_CHARS));
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      title = g_markup_printf_escaped ("<b>%s</b> · “%s%s”", category, head,
                                       quote_len > QUOTE_MAX_CHARS ? "…" : "");
      if (note != NULL && *note != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (note, -1);
          g_string_append (subtitle, escaped);
        }
      else
        g_string_append_printf (subtitle, "<i>%s</i>", _("No note"));
      if (!fz_annotation_get_attached (annotation))
        g_string_append_printf (subtitle, "\n<b>%s</b>",
                                _("The passage is no longer in this text"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_row_button (self, annotation, "document-edit-symbolic",
                                                    _("Edit annotation"), G_CALLBACK (on_edit_clicked)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_row_button (self, annotation, "user-trash-symbolic",
                                                    _("Delete annotation"), G_CALLBACK (on_delete_clicked)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), fz_annotation_get_attached (annotation));
      fz_tooltip_set_text (row, _("Show in the report"));
      gtk_widget_add_css_class (row, "annotation-row");
      gtk_widget_add_css_class (row, fz_annotation_category_to_string (fz_annotation_get_category (annotation)));
      g_object_set_data_full (G_OBJECT (row), "fz-annotation", g_object_ref (annotation), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_annotation_row_activated),
                               self, G_CONNECT_SWAPPED);

      adw_preferences_group_add (self->annotations_group, row);
      g_ptr_array_add (self->annotation_rows, row);
    }

  if (n == 0)
    description = g_strdup (_("Select a passage of the report and press Ctrl+M to note a problem, a suggestion or a doubt."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n), n);
  adw_preferences_group_set_description (self->annotations_group, description);
}

static void
fz_review_panel_sync_fields (FzReviewPanel *self)
{
  self->syncing = TRUE;
  editable_sync (GTK_EDITABLE (self->reviewer_row),
                 self->review != NULL ? fz_review_get_reviewer (self->review) : NULL);
  editable_sync (GTK_EDITABLE (self->deadline_row),
                 self->review != NULL ? fz_review_get_deadline (self->review) : NULL);
  text_view_sync (self->opinion_view,
                  self->review != NULL ? fz_review_get_opinion (self->review) : NULL);
  text_view_sync (self->rectification_view,
                  self->review != NULL ? fz_review_get_rectification (self->review) : NULL);
  self->syncing = FALSE;
}

static void
on_review_changed (FzReviewPanel *self)
{
  fz_review_panel_update_annotations (self);
  fz_review_panel_sync_fields (self);
}

static void
on_reviewer_changed (FzReviewPanel *self)
{
  g_autofree char *reviewer = NULL;

  if (self->syncing || self->review == NULL)
    return;

  reviewer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row))));
  fz_review_set_reviewer (self->review, *reviewer != '\0' ? reviewer : NULL);
}

static void
on_deadline_changed (FzReviewPanel *self)
{
  g_autofree char *deadline = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->review == NULL)
    return;

  /* Kept only once it is a real date; until then the row says so. */
  deadline = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->deadline_row))));
  if (fz_review_set_deadline (self->review, deadline, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadline_row), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadline_row), error->message);
    }
}

static void
on_opinion_changed (FzReviewPanel *self)
{
  g_autofree char *opinion = NULL;

  if (self->syncing || self->review == NULL)
    return;

  opinion = text_view_dup_text (self->opinion_view);
  fz_review_set_opinion (self->review, *opinion != '\0' ? opinion : NULL);
}

static void
on_rectification_changed (FzReviewPanel *self)
{
  g_autofree char *rectification = NULL;

  if (self->syncing || self->review == NULL)
    return;

  rectification = text_view_dup_text (self->rectification_view);
  fz_review_set_rectification (self->review, *rectification != '\0' ? rectification : NULL);
}

static void
fz_review_panel_dispose (GObject *object)
{
  FzReviewPanel *self = FZ_REVIEW_PANEL (object);
  GtkWidget *child;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_clear_object (&self->review);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->annotation_rows, g_ptr_array_unref);

  /* The template's top box is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fz_review_panel_parent_class)->dispose (object);
}

static void
fz_review_panel_class_init (FzReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_review_panel_dispose;

  /**
   * FzReviewPanel::annotation-activated:
   * @annotation: the annotation whose row was activated
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FZ_TYPE_ANNOTATION);

  /**
   * FzReviewPanel::annotation-edit:
   * @annotation: the annotation the reviewer wants to edit
   */
  signals[ANNOTATION_EDIT] =
    g_signal_new ("annotation-edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FZ_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FzReviewPanel, annotations_group);
  gtk_widget_class_bind_template_child (widget_class, FzReviewPanel, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, FzReviewPanel, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, FzReviewPanel, opinion_view);
  gtk_widget_class_bind_template_child (widget_class, FzReviewPanel, rectification_view);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_deadline_changed);
  gtk_widget_class_bind_template_callback (widget_class, fz_review_panel_draft_opinion);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fz_review_panel_init (FzReviewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->annotation_rows = g_ptr_array_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->opinion_view), "changed",
                           G_CALLBACK (on_opinion_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->rectification_view), "changed",
                           G_CALLBACK (on_rectification_changed), self, G_CONNECT_SWAPPED);
  fz_review_panel_update_annotations (self);
}

GtkWidget *
fz_review_panel_new (void)
{
  return g_object_new (FZ_TYPE_REVIEW_PANEL, NULL);
}

FzReview *
fz_review_panel_get_review (FzReviewPanel *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW_PANEL (self), NULL);

  return self->review;
}

void
fz_review_panel_set_review (FzReviewPanel *self,
                            FzReview      *review)
{
  g_return_if_fail (FZ_IS_REVIEW_PANEL (self));
  g_return_if_fail (review == NULL || FZ_IS_REVIEW (review));

  if (self->review == review)
    return;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  if (review != NULL)
    g_signal_connect_object (review, "changed", G_CALLBACK (on_review_changed),
                             self, G_CONNECT_SWAPPED);

  on_review_changed (self);
}

void
fz_review_panel_set_analysis (FzReviewPanel *self,
                              FzAnalysis    *analysis)
{
  g_return_if_fail (FZ_IS_REVIEW_PANEL (self));

  g_set_object (&self->analysis, analysis);
}

guint
fz_review_panel_get_n_annotation_rows (FzReviewPanel *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW_PANEL (self), 0);

  return self->annotation_rows->len;
}

void
fz_review_panel_draft_opinion (FzReviewPanel *self)
{
  g_autofree char *draft = NULL;

  g_return_if_fail (FZ_IS_REVIEW_PANEL (self));

  if (self->analysis == NULL || self->review == NULL)
    return;

  /* Through the buffer, so the draft is one undoable edit like typing. */
  draft = fz_memo_draft_opinion (self->analysis, self->review);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->opinion_view), draft, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->opinion_view));
}
