/* fz-memo-view.c: the whole memo, as it will be sent, for the reviewer to edit
 *
 * The memo is written from the review as it stands and shown block by
 * block: headings and the signature as they print, paragraphs as text
 * the reviewer can reword.  Their words go into the review at once (saved
 * a moment later, as typing is), so the memo exported or printed is the
 * one on screen.  When a decision changes the memo, it is written again
 * and the paragraphs take their new text in place; the one being typed
 * in is left alone.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-letter-sender.h"
#include "fz-memo-paragraph.h"
#include "fz-memo-view-private.h"
#include "fz-object-util.h"

G_DEFINE_FINAL_TYPE (FzMemoView, fz_memo_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SCORE,
  PROP_ROUNDS,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

FzMemo *
fz_memo_view_create_memo (FzMemoView *self)
{
  g_auto(FzLetterSender) sender = { 0 };
  FzMemoOptions options = { 0 };

  g_return_val_if_fail (FZ_IS_MEMO_VIEW (self), NULL);

  if (self->analysis == NULL)
    return NULL;

  fz_letter_sender_load (&sender, self->settings);
  fz_letter_sender_apply (&sender, &options);
  options.extra_findings = self->report != NULL ? fz_report_get_added_findings (self->report) : NULL;
  options.score = self->score;
  options.rounds = self->rounds;
  options.history = self->history;

  return fz_memo_new_full (self->analysis, self->review, &options);
}

/* Writing the memo again -------------------------------------------------- */

static void
fz_memo_view_rebuild (FzMemoView *self)
{
  g_autoptr(FzMemo) memo = fz_memo_view_create_memo (self);
  g_autoptr(GPtrArray) fresh = NULL;
  FzMemoDocument *doc;
  guint n, shown;
  gboolean same;

  if (memo == NULL)
    {
      g_list_store_remove_all (self->paragraphs);
      return;
    }

  doc = fz_memo_get_document (memo);
  n = fz_memo_document_get_n_blocks (doc);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->paragraphs));

  /* The same paragraphs in the same places: each takes its new text. */
  same = n == shown;
  for (guint i = 0; i < n && same; i++)
    {
      g_autoptr(FzMemoParagraph) paragraph = g_list_model_get_item (G_LIST_MODEL (self->paragraphs), i);

      same = fz_memo_paragraph_matches (paragraph, fz_memo_document_get_block (doc, i));
    }
  if (same)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(FzMemoParagraph) paragraph = g_list_model_get_item (G_LIST_MODEL (self->paragraphs), i);
          const FzMemoBlock *block = fz_memo_document_get_block (doc, i);

          fz_memo_paragraph_update (paragraph, block,
                                    block->key != NULL ? fz_memo_get_default_text (memo, block->key) : NULL);
        }
      return;
    }

  fresh = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      const FzMemoBlock *block = fz_memo_document_get_block (doc, i);

      g_ptr_array_add (fresh, fz_memo_paragraph_new (block, block->key != NULL
                                                              ? fz_memo_get_default_text (memo, block->key) : NULL));
    }
  g_list_store_splice (self->paragraphs, 0, shown, fresh->pdata, fresh->len);
}

/* The letter is made again now if it is on screen; else when it is
 * shown or asked for.  Most reviewers look at it last, and making it
 * costs a frame or more for a long report. */
static void
fz_memo_view_refresh (FzMemoView *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = FALSE;
      fz_memo_view_rebuild (self);
    }
  else
    self->stale = TRUE;
}

static void
fz_memo_view_flush (FzMemoView *self)
{
  if (self->rebuild_id == 0 && !self->stale)
    return;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->stale = FALSE;
  fz_memo_view_rebuild (self);
}

static void
fz_memo_view_map (GtkWidget *widget)
{
  FzMemoView *self = FZ_MEMO_VIEW (widget);

  if (self->stale)
    fz_memo_view_flush (self);

  GTK_WIDGET_CLASS (fz_memo_view_parent_class)->map (widget);
}

static gboolean
rebuild_timeout (gpointer data)
{
  FzMemoView *self = data;

  self->rebuild_id = 0;
  fz_memo_view_refresh (self);

  return G_SOURCE_REMOVE;
}

void
_fz_memo_view_schedule (FzMemoView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout, self);
}

/* The choice is offered where there is a score to state, and kept in
 * the review. */
static void
fz_memo_view_sync_score_row (FzMemoView *self)
{
  self->syncing = TRUE;
  gtk_switch_set_active (self->score_switch,
                         self->review != NULL && fz_review_get_score_in_memo (self->review));
  self->syncing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->score_row), self->score != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->score_row), self->review != NULL);
}

static void
fz_memo_view_sync_fields (FzMemoView *self)
{
  g_autofree char *unit = g_settings_get_string (self->settings, "reviewer-unit");

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->number_row),
                         self->review != NULL && fz_review_get_memo_number (self->review) != NULL
                           ? fz_review_get_memo_number (self->review) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row),
                         self->review != NULL && fz_review_get_deadline (self->review) != NULL
                           ? fz_review_get_deadline (self->review) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row),
                         self->review != NULL ? fz_review_get_reviewer (self->review) : "");
  self->syncing = FALSE;
  fz_memo_view_sync_score_row (self);

  gtk_revealer_set_reveal_child (self->sender_revealer, *g_strstrip (unit) == '\0');
}

static void
on_number_changed (FzMemoView *self)
{
  g_autofree char *number = NULL;

  if (self->syncing || self->review == NULL)
    return;

  number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row))));
  fz_review_set_memo_number (self->review, number);
}

static void
on_reviewer_changed (FzMemoView *self)
{
  g_autofree char *reviewer = NULL;

  if (self->syncing || self->review == NULL)
    return;

  reviewer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row))));
  fz_review_set_reviewer (self->review, *reviewer != '\0' ? reviewer : NULL);
}

static void
on_score_switched (FzMemoView *self)
{
  if (self->syncing || self->review == NULL)
    return;

  fz_review_set_score_in_memo (self->review, gtk_switch_get_active (self->score_switch));
}

static void
on_deadline_changed (FzMemoView *self)
{
  g_autofree char *deadline = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->review == NULL)
    return;

  /* Kept only once it is a real date; until then the row says so. */
  deadline = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->deadline_row))));
  if (fz_review_set_deadline (self->review, deadline, &error))
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deadline_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error != NULL ? error->message : "", -1);
}

/* Properties ------------------------------------------------------------- */

void
fz_memo_view_set_analysis (FzMemoView *self,
                           FzAnalysis *analysis)
{
  g_return_if_fail (FZ_IS_MEMO_VIEW (self));

  if (!g_set_object (&self->analysis, analysis))
    return;

  fz_memo_view_refresh (self);
}

static void
on_review_changed (FzMemoView *self)
{
  /* Only the switch: the text fields are the reviewer's while typed. */
  fz_memo_view_sync_score_row (self);
  _fz_memo_view_schedule (self);
}

void
fz_memo_view_set_review (FzMemoView *self,
                         FzReview   *review)
{
  g_return_if_fail (FZ_IS_MEMO_VIEW (self));

  if (!fz_set_watched (&self->review, review, self, "changed", G_CALLBACK (on_review_changed), NULL))
    return;

  fz_memo_view_sync_fields (self);
  fz_memo_view_refresh (self);
}

void
fz_memo_view_set_report (FzMemoView *self,
                         FzReport   *report)
{
  g_return_if_fail (FZ_IS_MEMO_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (fz_set_watched (&self->report, report, self,
                      "notify::added-findings", G_CALLBACK (_fz_memo_view_schedule),
                      NULL))
    _fz_memo_view_schedule (self);
}

FzScore *
fz_memo_view_get_score (FzMemoView *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_VIEW (self), NULL);

  return self->score;
}

void
fz_memo_view_set_score (FzMemoView *self,
                        FzScore    *score)
{
  g_return_if_fail (FZ_IS_MEMO_VIEW (self));
  g_return_if_fail (score == NULL || FZ_IS_SCORE (score));

  /* An adjusted item changes the total and the item's words. */
  if (!fz_set_watched (&self->score, score, self, "changed", G_CALLBACK (_fz_memo_view_schedule), NULL))
    return;

  fz_memo_view_sync_score_row (self);
  _fz_memo_view_schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

FzRounds *
fz_memo_view_get_rounds (FzMemoView *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_VIEW (self), NULL);

  return self->rounds;
}

void
fz_memo_view_set_rounds (FzMemoView *self,
                         FzRounds   *rounds)
{
  g_return_if_fail (FZ_IS_MEMO_VIEW (self));
  g_return_if_fail (rounds == NULL || FZ_IS_ROUNDS (rounds));

  /* A confirmed state changes the points' items in place. */
  if (!fz_set_watched (&self->rounds, rounds, self,
                       "items-changed", G_CALLBACK (_fz_memo_view_schedule),
                       NULL))
    return;

  _fz_memo_view_schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUNDS]);
}

FzHistory *
fz_memo_view_get_history (FzMemoView *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_VIEW (self), NULL);

  return self->history;
}

void
fz_memo_view_set_history (FzMemoView *self,
                          FzHistory  *history)
{
  g_return_if_fail (FZ_IS_MEMO_VIEW (self));
  g_return_if_fail (history == NULL || FZ_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;

  _fz_memo_view_schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

GListModel *
fz_memo_view_get_paragraphs (FzMemoView *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_VIEW (self), NULL);

  /* What the view shows is the memo as it stands now. */
  fz_memo_view_flush (self);

  return G_LIST_MODEL (self->paragraphs);
}

void
fz_memo_view_set_paragraph_text (FzMemoView *self,
                                 const char *key,
                                 const char *text)
{
  g_return_if_fail (FZ_IS_MEMO_VIEW (self));
  g_return_if_fail (key != NULL);

  fz_memo_view_flush (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->paper));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      FzMemoParagraph *paragraph = g_object_get_data (G_OBJECT (row), "fz-paragraph");
      GtkWidget *view = g_object_get_data (G_OBJECT (row), "fz-text");

      if (paragraph == NULL || g_strcmp0 (fz_memo_paragraph_get_key (paragraph), key) != 0)
        continue;

      if (text == NULL)
        _fz_memo_view_restore_row (row);
      else if (GTK_IS_TEXT_VIEW (view))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
      else if (GTK_IS_EDITABLE (view))
        gtk_editable_set_text (GTK_EDITABLE (view), text);
      return;
    }
}

static void
fz_memo_view_dispose (GObject *object)
{
  FzMemoView *self = FZ_MEMO_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  fz_clear_watched (&self->review, self);
  g_clear_object (&self->analysis);
  fz_clear_watched (&self->report, self);
  fz_clear_watched (&self->score, self);
  fz_clear_watched (&self->rounds, self);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fz_memo_view_parent_class)->dispose (object);
}

static void
fz_memo_view_finalize (GObject *object)
{
  FzMemoView *self = FZ_MEMO_VIEW (object);

  g_clear_object (&self->paragraphs);

  G_OBJECT_CLASS (fz_memo_view_parent_class)->finalize (object);
}

static void
fz_memo_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FzMemoView *self = FZ_MEMO_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_object (value, self->score);
      break;
    case PROP_ROUNDS:
      g_value_set_object (value, self->rounds);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_memo_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FzMemoView *self = FZ_MEMO_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      fz_memo_view_set_score (self, g_value_get_object (value));
      break;
    case PROP_ROUNDS:
      fz_memo_view_set_rounds (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      fz_memo_view_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_memo_view_class_init (FzMemoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fz_memo_view_dispose;
  object_class->finalize = fz_memo_view_finalize;
  object_class->get_property = fz_memo_view_get_property;
  object_class->set_property = fz_memo_view_set_property;
  widget_class->map = fz_memo_view_map;

  properties[PROP_SCORE] = g_param_spec_object ("score", NULL, NULL, FZ_TYPE_SCORE, rw);
  properties[PROP_ROUNDS] = g_param_spec_object ("rounds", NULL, NULL, FZ_TYPE_ROUNDS, rw);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, FZ_TYPE_HISTORY, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-memo-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzMemoView, sender_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzMemoView, number_row);
  gtk_widget_class_bind_template_child (widget_class, FzMemoView, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, FzMemoView, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, FzMemoView, score_row);
  gtk_widget_class_bind_template_child (widget_class, FzMemoView, score_switch);
  gtk_widget_class_bind_template_child (widget_class, FzMemoView, paper);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_deadline_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_score_switched);
}

static void
on_sender_changed (FzMemoView *self)
{
  fz_memo_view_sync_fields (self);
  _fz_memo_view_schedule (self);
}

static void
fz_memo_view_init (FzMemoView *self)
{
  static const char * const keys[] = { "reviewer-unit", "letterhead", "contact-name", "contact-phone" };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->paragraphs = g_list_store_new (FZ_TYPE_MEMO_PARAGRAPH);
  gtk_list_box_bind_model (self->paper, G_LIST_MODEL (self->paragraphs), _fz_memo_view_create_row, self, NULL);

  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", keys[i], NULL);

      g_signal_connect_object (self->settings, signal, G_CALLBACK (on_sender_changed), self, G_CONNECT_SWAPPED);
    }
  fz_memo_view_sync_fields (self);
}
