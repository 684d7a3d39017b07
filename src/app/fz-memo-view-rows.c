/* fz-memo-view-rows.c: the memo view's rows, one a block of the memo
 *
 * Headings, the signature and the date show as they print; a paragraph
 * the memo lets the reviewer reword is a text view under its lead, with a
 * button back to the memo's own wording, and the addressee an entry.
 * What is typed goes into the review at once; a row takes its block's
 * new text in place, never under the reviewer's fingers.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-memo-paragraph.h"
#include "fz-memo-view-private.h"
#include "fz-tooltip.h"
#include "fz-widget-util.h"

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Records what the reviewer typed in @row under @key; the memo's own
 * wording typed back is no rewording. */
static void
record_typed (GtkWidget  *row,
              const char *key,
              const char *typed)
{
  FzMemoView *self = g_object_get_data (G_OBJECT (row), "fz-view");
  FzMemoParagraph *paragraph = g_object_get_data (G_OBJECT (row), "fz-paragraph");
  g_autofree char *text = NULL;

  if (self->syncing || self->review == NULL)
    return;

  text = g_strstrip (g_strdup (typed));
  fz_review_set_paragraph (self->review, key,
                           g_strcmp0 (text, fz_memo_paragraph_get_default_text (paragraph)) == 0 ? NULL : text);
}

static void
on_paragraph_typed (GtkTextBuffer *buffer,
                    GtkWidget     *row)
{
  FzMemoParagraph *paragraph = g_object_get_data (G_OBJECT (row), "fz-paragraph");
  g_autofree char *text = buffer_text (buffer);

  record_typed (row, fz_memo_paragraph_get_key (paragraph), text);
}

static void
on_addressee_typed (GtkEditable *entry,
                    GtkWidget   *row)
{
  record_typed (row, "addressee", gtk_editable_get_text (entry));
}

void
_fz_memo_view_restore_row (GtkWidget *row)
{
  FzMemoView *self = g_object_get_data (G_OBJECT (row), "fz-view");
  FzMemoParagraph *paragraph = g_object_get_data (G_OBJECT (row), "fz-paragraph");

  if (self->review != NULL)
    fz_review_set_paragraph (self->review, fz_memo_paragraph_get_key (paragraph), NULL);
  _fz_memo_view_schedule (self);
}

/* The addressee shows without its colon, which the memo adds. */
static char *
addressee_text (FzMemoParagraph *paragraph)
{
  const char *text = fz_memo_paragraph_get_text (paragraph);

  if (g_str_has_suffix (text, "："))
    return g_strndup (text, strlen (text) - strlen ("："));

  return g_strdup (text);
}

static void
row_sync (GtkWidget *row)
{
  FzMemoView *self = g_object_get_data (G_OBJECT (row), "fz-view");
  FzMemoParagraph *paragraph = g_object_get_data (G_OBJECT (row), "fz-paragraph");
  GtkWidget *lead = g_object_get_data (G_OBJECT (row), "fz-lead");
  GtkWidget *text = g_object_get_data (G_OBJECT (row), "fz-text");
  GtkWidget *restore = g_object_get_data (G_OBJECT (row), "fz-restore");

  self->syncing = TRUE;
  if (lead != NULL)
    {
      gtk_label_set_text (GTK_LABEL (lead), fz_memo_paragraph_get_lead (paragraph) != NULL
                                              ? fz_memo_paragraph_get_lead (paragraph) : "");
      gtk_widget_set_visible (lead, fz_memo_paragraph_get_lead (paragraph) != NULL);
    }
  if (GTK_IS_TEXT_VIEW (text))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text));
      g_autofree char *current = buffer_text (buffer);

      /* Only when it differs, and never under the reviewer's fingers:
       * setting the text moves the cursor. */
      if (g_strcmp0 (current, fz_memo_paragraph_get_text (paragraph)) != 0 && !gtk_widget_has_focus (text))
        gtk_text_buffer_set_text (buffer, fz_memo_paragraph_get_text (paragraph), -1);
    }
  else if (GTK_IS_EDITABLE (text))
    {
      g_autofree char *addressee = addressee_text (paragraph);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (text)), addressee) != 0 && !gtk_widget_has_focus (text))
        gtk_editable_set_text (GTK_EDITABLE (text), addressee);
    }
  else if (GTK_IS_LABEL (text))
    gtk_label_set_text (GTK_LABEL (text), fz_memo_paragraph_get_text (paragraph));
  if (restore != NULL)
    gtk_widget_set_visible (restore, fz_memo_paragraph_get_edited (paragraph));
  self->syncing = FALSE;
}

GtkWidget *
_fz_memo_view_create_row (gpointer item,
                          gpointer user_data)
{
  FzMemoView *self = user_data;
  FzMemoParagraph *paragraph = item;
  FzMemoBlockKind kind = fz_memo_paragraph_get_kind (paragraph);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = NULL;
  static const char * const classes[] = {
    [FZ_MEMO_BLOCK_LETTERHEAD] = "memo-letterhead",
    [FZ_MEMO_BLOCK_NUMBER] = "memo-number",
    [FZ_MEMO_BLOCK_TITLE] = "memo-title",
    [FZ_MEMO_BLOCK_ADDRESSEE] = "memo-addressee",
    [FZ_MEMO_BLOCK_META] = "memo-meta",
    [FZ_MEMO_BLOCK_HEADING] = "memo-heading",
    [FZ_MEMO_BLOCK_PARAGRAPH] = "memo-paragraph",
    [FZ_MEMO_BLOCK_TABLE] = "memo-table",
    [FZ_MEMO_BLOCK_SIGNATURE] = "memo-signature",
    [FZ_MEMO_BLOCK_DATE] = "memo-date",
    [FZ_MEMO_BLOCK_NOTE] = "memo-note",
  };

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, classes[kind]);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "fz-view", self);
  g_object_set_data_full (G_OBJECT (row), "fz-paragraph", g_object_ref (paragraph), g_object_unref);

  if (kind == FZ_MEMO_BLOCK_PARAGRAPH && fz_memo_paragraph_get_key (paragraph) != NULL)
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *lead = gtk_label_new (NULL);
      GtkWidget *restore = gtk_button_new_from_icon_name ("edit-undo-symbolic");

      gtk_label_set_xalign (GTK_LABEL (lead), 0);
      gtk_label_set_wrap (GTK_LABEL (lead), TRUE);
      gtk_widget_set_hexpand (lead, TRUE);
      gtk_widget_add_css_class (lead, "memo-lead");
      gtk_widget_add_css_class (restore, "flat");
      gtk_widget_set_halign (restore, GTK_ALIGN_END);
      fz_tooltip_set_text_and_label (restore, _("Back to the memo’s own wording"));
      g_signal_connect_swapped (restore, "clicked", G_CALLBACK (_fz_memo_view_restore_row), row);
      gtk_box_append (GTK_BOX (header), lead);
      gtk_box_append (GTK_BOX (header), restore);
      gtk_box_append (GTK_BOX (box), header);

      text = fz_text_view_new_for_prose (fz_memo_paragraph_get_lead (paragraph) != NULL
                                           ? fz_memo_paragraph_get_lead (paragraph) : _("Paragraph of the memo"));
      gtk_widget_add_css_class (text, "memo-text");
      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "changed",
                        G_CALLBACK (on_paragraph_typed), row);
      g_object_set_data (G_OBJECT (row), "fz-lead", lead);
      g_object_set_data (G_OBJECT (row), "fz-restore", restore);
    }
  else if (kind == FZ_MEMO_BLOCK_ADDRESSEE)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      text = gtk_entry_new ();
      gtk_widget_set_hexpand (text, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Addressee of the memo"), -1);
      g_signal_connect (text, "changed", G_CALLBACK (on_addressee_typed), row);
      gtk_box_append (GTK_BOX (line), text);
      gtk_box_append (GTK_BOX (line), gtk_label_new ("："));
      gtk_box_append (GTK_BOX (box), line);
      g_object_set_data (G_OBJECT (row), "fz-text", text);
      text = NULL;
    }
  else
    {
      text = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text),
                            kind == FZ_MEMO_BLOCK_SIGNATURE || kind == FZ_MEMO_BLOCK_DATE ||
                            kind == FZ_MEMO_BLOCK_NUMBER ? 1.0
                            : kind == FZ_MEMO_BLOCK_TITLE || kind == FZ_MEMO_BLOCK_LETTERHEAD ? 0.5 : 0.0);
      gtk_label_set_justify (GTK_LABEL (text), kind == FZ_MEMO_BLOCK_TITLE ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT);
    }

  if (text != NULL)
    {
      gtk_box_append (GTK_BOX (box), text);
      g_object_set_data (G_OBJECT (row), "fz-text", text);
    }

  g_signal_connect_object (paragraph, "notify", G_CALLBACK (row_sync), row, G_CONNECT_SWAPPED);
  row_sync (row);

  return row;
}
