/* fz-score-adjust-dialog.c: the reviewer's points for an item, and why
 *
 * Overruling the checks is the reviewer's call, and the memo and the log
 * keep why: the dialog asks for the points and the reason together and
 * will not record points over the checks' without a reason.  A reason is
 * a sentence or two, so it gets a few lines; Ctrl+Enter records, as in
 * the other dialogs that ask why.  Points read and show as people write
 * them ("42.5", not "42.50"), with the item's full points beside.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fz-score-adjust-dialog.h"

struct _FzScoreAdjustDialog
{
  AdwMessageDialog  parent_instance;

  GtkSpinButton    *points_spin;
  GtkLabel         *max_label;
  GtkTextView      *reason_view;
  GtkLabel         *hint_label;

  FzScoreItem      *item;
};

G_DEFINE_FINAL_TYPE (FzScoreAdjustDialog, fz_score_adjust_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_POINTS,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Points ------------------------------------------------------------------- */

static int
on_spin_input (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  /* NFKC turns the full-width digits and point of a Chinese input method
   * into ASCII ones. */
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  char *end = NULL;
  double points;

  if (normal == NULL)
    return GTK_INPUT_ERROR;
  g_strstrip (normal);
  if (g_str_has_suffix (normal, "分"))
    normal[strlen (normal) - strlen ("分")] = '\0';
  g_strstrip (normal);
  points = g_ascii_strtod (normal, &end);
  if (end == normal || *end != '\0' || !isfinite (points))
    return GTK_INPUT_ERROR;

  *value = points;
  return TRUE;
}

static gboolean
on_spin_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = fz_score_format_points (gtk_spin_button_get_value (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Validity ----------------------------------------------------------------- */

char *
fz_score_adjust_dialog_dup_reason (FzScoreAdjustDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (FZ_IS_SCORE_ADJUST_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->reason_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
update_response (FzScoreAdjustDialog *self)
{
  g_autofree char *reason = fz_score_adjust_dialog_dup_reason (self);
  gboolean manual = self->item != NULL && fz_score_item_get_manual (self->item);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "adjust",
                                           self->item != NULL && (manual || *reason != '\0'));
}

static void
on_reason_changed (FzScoreAdjustDialog *self)
{
  update_response (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

static void
on_points_changed (FzScoreAdjustDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINTS]);
}

/* Records, as the dialog's button would. */
static gboolean
record (FzScoreAdjustDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  if (!adw_message_dialog_get_response_enabled (dialog, "adjust"))
    return FALSE;

  /* The value typed in the spin button counts even unconfirmed. */
  gtk_spin_button_update (self->points_spin);
  adw_message_dialog_response (dialog, "adjust");
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FzScoreAdjustDialog   *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_points = focus != NULL && (focus == GTK_WIDGET (self->points_spin) ||
                                         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->points_spin)));

  /* Ctrl+Enter anywhere; Enter in the points too, since GtkSpinButton
   * has no activates-default on GTK 4.8. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && ((state & GDK_CONTROL_MASK) || in_points))
    return record (self);

  return FALSE;
}

/* The item ----------------------------------------------------------------- */

static void
set_item (FzScoreAdjustDialog *self,
          FzScoreItem         *item)
{
  g_autofree char *max = NULL;
  g_autofree char *of = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *machine = NULL;
  const char *guide;
  gboolean manual;

  g_return_if_fail (item != NULL);

  self->item = g_object_ref (item);
  manual = fz_score_item_get_manual (item);
  guide = fz_score_item_get_guide (item);
  max = fz_score_format_points (fz_score_item_get_max (item));
  machine = fz_score_format_points (fz_score_item_get_machine_points (item));

  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->points_spin),
                            fz_score_item_get_max (item));
  gtk_spin_button_set_value (self->points_spin, fz_score_item_get_points (item));
  /* TRANSLATORS: beside the points typed: "of 50" */
  of = g_strdup_printf (_("of %s"), max);
  gtk_label_set_text (self->max_label, of);

  /* TRANSLATORS: the dialog's heading; %s is the scoring item, 必备内容完整 */
  heading = g_strdup_printf (manual ? _("Score “%s”") : _("Adjust “%s”"), fz_score_item_get_name (item));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  if (manual)
    /* TRANSLATORS: %s the item's full points */
    body = g_strdup_printf (_("The checks do not score this item: give it 0 to %s points."), max);
  else
    /* TRANSLATORS: %s the points the checks gave, %s the item's full points */
    body = g_strdup_printf (_("The checks give %s of %s points. Give the points you find right, and say why."),
                            machine, max);
  if (guide != NULL)
    {
      g_autofree char *with_guide = g_strconcat (body, "\n\n", guide, NULL);

      g_free (body);
      body = g_steal_pointer (&with_guide);
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  gtk_label_set_text (self->hint_label,
                      manual ? _("A reason is optional here; the review keeps it with the points.")
                             : _("A reason is required; the review and its log keep it with the points."));
  if (fz_score_item_get_adjustment_reason (item) != NULL)
    fz_score_adjust_dialog_set_reason (self, fz_score_item_get_adjustment_reason (item));
  update_response (self);
}

FzScoreItem *
fz_score_adjust_dialog_get_item (FzScoreAdjustDialog *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ADJUST_DIALOG (self), NULL);

  return self->item;
}

double
fz_score_adjust_dialog_get_points (FzScoreAdjustDialog *self)
{
  double points;

  g_return_val_if_fail (FZ_IS_SCORE_ADJUST_DIALOG (self), 0);

  /* Hundredths, as the tables count. */
  points = gtk_spin_button_get_value (self->points_spin);
  return round (points * 100) / 100;
}

void
fz_score_adjust_dialog_set_points (FzScoreAdjustDialog *self,
                                   double               points)
{
  g_return_if_fail (FZ_IS_SCORE_ADJUST_DIALOG (self));

  gtk_spin_button_set_value (self->points_spin, points);
}

void
fz_score_adjust_dialog_set_reason (FzScoreAdjustDialog *self,
                                   const char          *reason)
{
  g_return_if_fail (FZ_IS_SCORE_ADJUST_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), reason != NULL ? reason : "", -1);
}

/* GObject ---------------------------------------------------------------- */

static void
fz_score_adjust_dialog_dispose (GObject *object)
{
  FzScoreAdjustDialog *self = FZ_SCORE_ADJUST_DIALOG (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (fz_score_adjust_dialog_parent_class)->dispose (object);
}

static void
fz_score_adjust_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FzScoreAdjustDialog *self = FZ_SCORE_ADJUST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_POINTS:
      g_value_set_double (value, fz_score_adjust_dialog_get_points (self));
      break;

    case PROP_REASON:
      g_value_take_string (value, fz_score_adjust_dialog_dup_reason (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_adjust_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  FzScoreAdjustDialog *self = FZ_SCORE_ADJUST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      set_item (self, g_value_get_object (value));
      break;

    case PROP_POINTS:
      fz_score_adjust_dialog_set_points (self, g_value_get_double (value));
      break;

    case PROP_REASON:
      fz_score_adjust_dialog_set_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_adjust_dialog_class_init (FzScoreAdjustDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fz_score_adjust_dialog_dispose;
  object_class->get_property = fz_score_adjust_dialog_get_property;
  object_class->set_property = fz_score_adjust_dialog_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, FZ_TYPE_SCORE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POINTS] = g_param_spec_double ("points", NULL, NULL, 0, G_MAXDOUBLE, 0, rw);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-score-adjust-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FzScoreAdjustDialog, points_spin);
  gtk_widget_class_bind_template_child (widget_class, FzScoreAdjustDialog, max_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreAdjustDialog, reason_view);
  gtk_widget_class_bind_template_child (widget_class, FzScoreAdjustDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_input);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
}

static void
fz_score_adjust_dialog_init (FzScoreAdjustDialog *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (on_reason_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->points_spin, "value-changed",
                           G_CALLBACK (on_points_changed), self, G_CONNECT_SWAPPED);
  /* Before the text view, which would take Ctrl+Enter as a new line. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "adjust", FALSE);
}

FzScoreAdjustDialog *
fz_score_adjust_dialog_new (GtkWindow   *parent,
                            FzScoreItem *item)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (item), NULL);

  return g_object_new (FZ_TYPE_SCORE_ADJUST_DIALOG,
                       "transient-for", parent,
                       "item", item,
                       NULL);
}
