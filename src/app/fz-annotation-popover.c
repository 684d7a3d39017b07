/* fz-annotation-popover.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-annotation-popover.h"
#include "fz-object-util.h"

#define QUOTE_MAX_CHARS 80

struct _FzAnnotationPopover
{
  GtkPopover       parent_instance;

  GtkLabel        *quote_label;
  GtkToggleButton *problem_button;
  GtkToggleButton *suggestion_button;
  GtkToggleButton *doubt_button;
  GtkTextView     *note_view;
  GtkButton       *delete_button;

  FzAnnotation    *annotation;
};

G_DEFINE_FINAL_TYPE (FzAnnotationPopover, fz_annotation_popover, GTK_TYPE_POPOVER)

enum {
  SAVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_save_clicked (FzAnnotationPopover *self)
{
  fz_annotation_popover_save (self);
}

static void
on_delete_clicked (FzAnnotationPopover *self)
{
  g_autoptr(FzAnnotation) annotation = NULL;

  if (self->annotation == NULL)
    return;

  annotation = g_object_ref (self->annotation);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[DELETE], 0, annotation);
}

/* Before the note's own key handling, which takes Ctrl+Return as a new
 * line: a binding on the popover would never see it. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FzAnnotationPopover   *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_CONTROL_MASK))
    {
      fz_annotation_popover_save (self);
      return TRUE;
    }

  return FALSE;
}

static void
fz_annotation_popover_dispose (GObject *object)
{
  FzAnnotationPopover *self = FZ_ANNOTATION_POPOVER (object);

  g_clear_object (&self->annotation);

  G_OBJECT_CLASS (fz_annotation_popover_parent_class)->dispose (object);
}

static void
fz_annotation_popover_class_init (FzAnnotationPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_annotation_popover_dispose;

  /**
   * FzAnnotationPopover::save:
   * @annotation: (nullable): the annotation edited, NULL for a new one
   *
   * The reviewer saved; read the category and the note from the popover.
   */
  signals[SAVE] = fz_signal_new (klass, "save", 1, FZ_TYPE_ANNOTATION);

  /**
   * FzAnnotationPopover::delete:
   * @annotation: the annotation to delete
   */
  signals[DELETE] = fz_signal_new (klass, "delete", 1, FZ_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-annotation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationPopover, quote_label);
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationPopover, problem_button);
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationPopover, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationPopover, doubt_button);
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationPopover, note_view);
  gtk_widget_class_bind_template_child (widget_class, FzAnnotationPopover, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

}

static void
fz_annotation_popover_init (FzAnnotationPopover *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Return writes a new line in the note; Ctrl+Return saves, as in a
   * chat or a commit message. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
fz_annotation_popover_new (void)
{
  return g_object_new (FZ_TYPE_ANNOTATION_POPOVER, NULL);
}

void
fz_annotation_popover_prepare (FzAnnotationPopover *self,
                               const char          *quote,
                               FzAnnotation        *annotation)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (FZ_IS_ANNOTATION_POPOVER (self));
  g_return_if_fail (annotation == NULL || FZ_IS_ANNOTATION (annotation));

  g_set_object (&self->annotation, annotation);
  if (annotation != NULL && quote == NULL)
    quote = fz_annotation_get_quote (annotation);

  if (quote != NULL && g_utf8_strlen (quote, -1) > QUOTE_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (quote, 0, QUOTE_MAX_CHARS);
      shown = g_strdup_printf ("“%s…”", head);
    }
  else
    shown = g_strdup_printf ("“%s”", quote != NULL ? quote : "");
  gtk_label_set_label (self->quote_label, shown);

  fz_annotation_popover_set_category (self, annotation != NULL ? fz_annotation_get_category (annotation)
                                                                : FZ_ANNOTATION_PROBLEM);
  fz_annotation_popover_set_note (self, annotation != NULL ? fz_annotation_get_note (annotation) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), annotation != NULL);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

FzAnnotationCategory
fz_annotation_popover_get_category (FzAnnotationPopover *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION_POPOVER (self), FZ_ANNOTATION_PROBLEM);

  if (gtk_toggle_button_get_active (self->suggestion_button))
    return FZ_ANNOTATION_SUGGESTION;
  if (gtk_toggle_button_get_active (self->doubt_button))
    return FZ_ANNOTATION_DOUBT;

  return FZ_ANNOTATION_PROBLEM;
}

void
fz_annotation_popover_set_category (FzAnnotationPopover  *self,
                                    FzAnnotationCategory  category)
{
  g_return_if_fail (FZ_IS_ANNOTATION_POPOVER (self));

  switch (category)
    {
    case FZ_ANNOTATION_SUGGESTION:
      gtk_toggle_button_set_active (self->suggestion_button, TRUE);
      break;
    case FZ_ANNOTATION_DOUBT:
      gtk_toggle_button_set_active (self->doubt_button, TRUE);
      break;
    case FZ_ANNOTATION_PROBLEM:
    default:
      gtk_toggle_button_set_active (self->problem_button, TRUE);
      break;
    }
}

char *
fz_annotation_popover_dup_note (FzAnnotationPopover *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (FZ_IS_ANNOTATION_POPOVER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
fz_annotation_popover_set_note (FzAnnotationPopover *self,
                                const char          *note)
{
  g_return_if_fail (FZ_IS_ANNOTATION_POPOVER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note != NULL ? note : "", -1);
}

void
fz_annotation_popover_save (FzAnnotationPopover *self)
{
  g_autoptr(FzAnnotation) annotation = NULL;

  g_return_if_fail (FZ_IS_ANNOTATION_POPOVER (self));

  annotation = self->annotation != NULL ? g_object_ref (self->annotation) : NULL;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SAVE], 0, annotation);
}
