/* fz-reason-dialog.c: asking the reviewer why they overrule the checker
 *
 * A reason is a sentence or two, so the field is a few lines high, not an
 * entry of one narrow line; Return starts a new line and Ctrl+Enter
 * records, as in the annotation popover.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-reason-dialog.h"
#include "fz-widget-util.h"

typedef struct
{
  FzReasonFunc    func;
  gpointer        user_data;
  GDestroyNotify  destroy;
  GtkTextView    *view;
  gboolean        called;
} Request;

static void
request_free (gpointer  data,
              GClosure *closure)
{
  Request *request = data;

  if (!request->called && request->func != NULL)
    request->func (NULL, request->user_data);
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

static char *
dup_reason (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_text_changed (AdwMessageDialog *dialog,
                 GtkTextBuffer    *buffer)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "fz-reason-view");
  g_autofree char *reason = dup_reason (view);

  adw_message_dialog_set_response_enabled (dialog, "record", *reason != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Request          *request)
{
  g_autofree char *reason = NULL;

  /* Closing after a response responds again, with the close response. */
  if (request->called)
    return;

  reason = dup_reason (request->view);
  request->called = TRUE;
  if (request->func != NULL)
    request->func (g_str_equal (response, "record") && *reason != '\0' ? reason : NULL,
                   request->user_data);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AdwMessageDialog      *dialog)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK) &&
      adw_message_dialog_get_response_enabled (dialog, "record"))
    {
      adw_message_dialog_response (dialog, "record");
      gtk_window_close (GTK_WINDOW (dialog));
      return TRUE;
    }

  return FALSE;
}

AdwMessageDialog *
fz_reason_dialog_present (GtkWidget      *parent,
                          const char     *heading,
                          const char     *body,
                          const char     *initial,
                          FzReasonFunc    func,
                          gpointer        user_data,
                          GDestroyNotify  destroy)
{
  GtkWidget *dialog, *scroller, *view;
  GtkEventController *keys;
  Request *request;

  dialog = adw_message_dialog_new (fz_widget_get_window (parent), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "record", _("Record Decision"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  view = fz_text_view_new_for_prose (_("Reason for the decision"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), initial != NULL ? initial : "", -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 320, -1);
  gtk_widget_add_css_class (scroller, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  g_object_set_data (G_OBJECT (dialog), "fz-reason-view", view);

  request = g_new0 (Request, 1);
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  request->view = GTK_TEXT_VIEW (view);

  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_text_changed), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), request, request_free, 0);

  /* Before the text view's own handling, which would insert a newline. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), dialog, 0);
  gtk_widget_add_controller (dialog, keys);

  on_text_changed (ADW_MESSAGE_DIALOG (dialog), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);

  return ADW_MESSAGE_DIALOG (dialog);
}

GtkTextView *
fz_reason_dialog_get_text_view (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "fz-reason-view");
}
