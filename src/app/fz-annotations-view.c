/* fz-annotations-view.c: the reviewer's notes on passages of the report
 *
 * A list view over the review's own list of annotations: an annotation
 * made, changed or deleted changes its row and no other.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-annotations-view.h"
#include "fz-tooltip.h"
#include "fz-widget-util.h"
#include "fz-object-util.h"

#define QUOTE_MAX_CHARS 40

struct _FzAnnotationsView
{
  AdwBin        parent_instance;

  GtkStack     *stack;
  GtkLabel     *count_label;
  GtkListView  *list_view;
  GtkWidget    *annotate_button;

  FzReview     *review;
  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (FzAnnotationsView, fz_annotations_view, ADW_TYPE_BIN)

enum {
  REVEAL,
  EDIT,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_sync (GtkListItem *list_item)
{
  FzAnnotation *annotation = gtk_list_item_get_item (list_item);
  GtkWidget *title = g_object_get_data (G_OBJECT (list_item), "fz-title");
  GtkWidget *note = g_object_get_data (G_OBJECT (list_item), "fz-note");
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const char *quote, *text;
  glong quote_len;
  g_autofree char *head = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  static const char * const categories[] = { "problem", "suggestion", "doubt" };

  if (annotation == NULL)
    return;

  quote = fz_annotation_get_quote (annotation);
  quote_len = g_utf8_strlen (quote, -1);
  /* g_utf8_substring() reads past the end of a shorter string. */
  head = g_utf8_substring (quote, 0, MIN (quote_len, QUOTE_MAX_CHARS));
  markup = g_markup_printf_escaped ("<b>%s</b> · “%s%s”",
                                    fz_annotation_category_to_chinese (fz_annotation_get_category (annotation)),
                                    head, quote_len > QUOTE_MAX_CHARS ? "…" : "");
  gtk_label_set_markup (GTK_LABEL (title), markup);

  text = fz_annotation_get_note (annotation);
  if (text != NULL && *text != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_string_append (subtitle, escaped);
    }
  else
    g_string_append_printf (subtitle, "<i>%s</i>", _("No note"));
  if (!fz_annotation_get_attached (annotation))
    g_string_append_printf (subtitle, "\n<b>%s</b>", _("The passage is no longer in this text"));
  gtk_label_set_markup (GTK_LABEL (note), subtitle->str);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    gtk_widget_remove_css_class (box, categories[i]);
  gtk_widget_add_css_class (box, fz_annotation_category_to_string (fz_annotation_get_category (annotation)));
}

static FzAnnotation *
button_annotation (GtkWidget *button)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "fz-list-item");

  return list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
}

static void
on_edit_clicked (GtkButton         *button,
                 FzAnnotationsView *self)
{
  FzAnnotation *annotation = button_annotation (GTK_WIDGET (button));

  if (annotation != NULL)
    g_signal_emit (self, signals[EDIT], 0, annotation);
}

static void
on_delete_clicked (GtkButton         *button,
                   FzAnnotationsView *self)
{
  FzAnnotation *annotation = button_annotation (GTK_WIDGET (button));

  if (annotation != NULL)
    g_signal_emit (self, signals[DELETE], 0, annotation);
}

static GtkWidget *
row_button (FzAnnotationsView *self,
            GtkListItem       *list_item,
            const char        *icon,
            const char        *label,
            GCallback          callback)
{
  GtkWidget *button = fz_icon_button_new (icon, label);

  g_object_set_data (G_OBJECT (button), "fz-list-item", list_item);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           FzAnnotationsView        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = fz_label_new_wrapped (NULL);
  GtkWidget *note = fz_label_new_wrapped (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (box, "annotation-row");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), note);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), row_button (self, list_item, "document-edit-symbolic", _("Edit annotation"),
                                             G_CALLBACK (on_edit_clicked)));
  gtk_box_append (GTK_BOX (box), row_button (self, list_item, "user-trash-symbolic", _("Delete annotation"),
                                             G_CALLBACK (on_delete_clicked)));
  gtk_list_item_set_child (list_item, box);
  g_object_set_data (G_OBJECT (list_item), "fz-title", title);
  g_object_set_data (G_OBJECT (list_item), "fz-note", note);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          FzAnnotationsView        *self)
{
  FzAnnotation *annotation = gtk_list_item_get_item (list_item);
  gulong id;

  row_sync (list_item);
  /* An edit changes the annotation in place: its row follows. */
  id = g_signal_connect_swapped (annotation, "notify", G_CALLBACK (row_sync), list_item);
  g_object_set_data (G_OBJECT (list_item), "fz-notify", GSIZE_TO_POINTER (id));
  gtk_list_item_set_activatable (list_item, fz_annotation_get_attached (annotation));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            FzAnnotationsView        *self)
{
  FzAnnotation *annotation = gtk_list_item_get_item (list_item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "fz-notify"));

  if (annotation != NULL && id != 0)
    g_signal_handler_disconnect (annotation, id);
  g_object_set_data (G_OBJECT (list_item), "fz-notify", NULL);
}

static void
fz_annotations_view_update (FzAnnotationsView *self)
{
  guint n = self->review != NULL ? g_list_model_get_n_items (fz_review_get_annotations (self->review)) : 0;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n), n);

  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static FzAnnotation *
annotation_at (FzAnnotationsView *self,
               guint              index)
{
  if (self->review == NULL)
    return NULL;

  return g_list_model_get_item (fz_review_get_annotations (self->review), index);
}

void
fz_annotations_view_activate (FzAnnotationsView *self,
                              guint              index)
{
  g_autoptr(FzAnnotation) annotation = NULL;

  g_return_if_fail (FZ_IS_ANNOTATIONS_VIEW (self));

  annotation = annotation_at (self, index);
  if (annotation != NULL && fz_annotation_get_attached (annotation))
    g_signal_emit (self, signals[REVEAL], 0, fz_annotation_get_start (annotation), fz_annotation_get_end (annotation));
}

static void
on_activate (FzAnnotationsView *self,
             guint              position)
{
  fz_annotations_view_activate (self, position);
}

void
fz_annotations_view_edit (FzAnnotationsView *self,
                          guint              index)
{
  g_autoptr(FzAnnotation) annotation = NULL;

  g_return_if_fail (FZ_IS_ANNOTATIONS_VIEW (self));

  if ((annotation = annotation_at (self, index)) != NULL)
    g_signal_emit (self, signals[EDIT], 0, annotation);
}

void
fz_annotations_view_delete (FzAnnotationsView *self,
                            guint              index)
{
  g_autoptr(FzAnnotation) annotation = NULL;

  g_return_if_fail (FZ_IS_ANNOTATIONS_VIEW (self));

  if ((annotation = annotation_at (self, index)) != NULL)
    g_signal_emit (self, signals[DELETE], 0, annotation);
}

guint
fz_annotations_view_get_n_rows (FzAnnotationsView *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATIONS_VIEW (self), 0);

  return self->selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->selection)) : 0;
}

void
fz_annotations_view_set_review (FzAnnotationsView *self,
                                FzReview          *review)
{
  g_return_if_fail (FZ_IS_ANNOTATIONS_VIEW (self));

  if (self->review == review)
    return;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (fz_review_get_annotations (self->review), self);
  g_set_object (&self->review, review);
  g_clear_object (&self->selection);
  if (review != NULL)
    {
      GListModel *annotations = fz_review_get_annotations (review);

      self->selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (annotations)));
      g_signal_connect_object (annotations, "items-changed", G_CALLBACK (fz_annotations_view_update), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  fz_annotations_view_update (self);
}

static void
fz_annotations_view_dispose (GObject *object)
{
  FzAnnotationsView *self = FZ_ANNOTATIONS_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (fz_review_get_annotations (self->review), self);
  g_clear_object (&self->review);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (fz_annotations_view_parent_class)->dispose (object);
}

static void
fz_annotations_view_class_init (FzAnnotationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_annotations_view_dispose;

  /**
   * FzAnnotationsView::reveal:
   * @start: first character to show
   * @end: one past the last
   */
  signals[REVEAL] = fz_signal_new (klass, "reveal", 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * FzAnnotationsView::edit:
   * @annotation: the annotation the reviewer wants to change
   */
  signals[EDIT] = fz_signal_new (klass, "edit", 1, FZ_TYPE_ANNOTATION);
  /**
   * FzAnnotationsView::delete:
   * @annotation: the annotation the reviewer wants to delete
   */
  signals[DELETE] = fz_signal_new (klass, "delete", 1, FZ_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-annotations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationsView, stack);
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationsView, annotate_button);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row);
}

static void
fz_annotations_view_init (FzAnnotationsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fz_tooltip_set_text_and_description (self->annotate_button, _("Annotate the Selected Passage (Ctrl+M)"));

  fz_annotations_view_update (self);
}
