/* fz-review.c: the reviewer's judgement on one report, kept safe
 *
 * The review is the product's output, so it lives outside the report, in
 * a small JSON file named after the SHA-256 of the report's bytes: renaming
 * or moving the report does not lose it, and the report itself is never
 * written.  Every change is logged and the file is replaced atomically, so
 * a crash leaves either the old or the new state, never half of one.  A
 * file we cannot understand is never overwritten: it may hold someone's
 * work.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "fz-annotation-private.h"
#include "fz-filing-private.h"
#include "fz-i18n.h"
#include "fz-json-reader.h"
#include "fz-review-private.h"
#include "fz-object-util.h"

/* Text edits of one field closer together than this make one log entry. */
#define COALESCE_USEC (60 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (FzReview, fz_review, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (FzReviewChange, fz_review_change, fz_review_change_copy, fz_review_change_free)
G_DEFINE_QUARK (fz-review-error-quark, fz_review_error)

enum {
  PROP_0,
  PROP_REPORT_SHA256,
  PROP_REPORT_NAME,
  PROP_RULESET_ID,
  PROP_REVIEWER,
  PROP_OPINION,
  PROP_RECTIFICATION,
  PROP_DEADLINE,
  PROP_N_DECIDED,
  PROP_FILE,
  PROP_RESTORED,
  PROP_FILING,
  N_PROPS
};

enum {
  CHANGED,
  DECISION_CHANGED,
  SCORE_ADJUSTMENT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

FzReviewChange *
fz_review_change_copy (const FzReviewChange *change)
{
  FzReviewChange *copy = g_new0 (FzReviewChange, 1);

  copy->time = g_date_time_ref (change->time);
  copy->what = g_strdup (change->what);
  copy->old_value = g_strdup (change->old_value);
  copy->new_value = g_strdup (change->new_value);
  copy->why = g_strdup (change->why);

  return copy;
}

void
fz_review_change_free (FzReviewChange *change)
{
  if (change == NULL)
    return;

  g_clear_pointer (&change->time, g_date_time_unref);
  g_free (change->what);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->why);
  g_free (change);
}

void
_fz_review_decision_free (gpointer data)
{
  FzReviewDecision *d = data;

  g_free (d->reason);
  g_clear_pointer (&d->time, g_date_time_unref);
  g_free (d);
}

gboolean
_fz_review_is_decision_status (FzStatus status)
{
  return status == FZ_STATUS_PRESENT || status == FZ_STATUS_PARTIAL ||
         status == FZ_STATUS_MISSING || status == FZ_STATUS_NOT_APPLICABLE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
_fz_review_dup_sorted_keys (GHashTable *table)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

gboolean
_fz_review_is_sha256 (const char *str)
{
  if (str == NULL || strlen (str) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (str[i]) || g_ascii_isupper (str[i]))
      return FALSE;
  return TRUE;
}

/* ::changed carries what kind of change it was: "text" while the reviewer
 * types in a field (the next keystroke follows soon), "action" for a
 * finished act, which must be on disk at once. */
void
_fz_review_emit_changed (FzReview *self,
                         gboolean  typing)
{
  self->serial++;
  g_signal_emit (self, signals[CHANGED],
                 typing ? g_quark_from_static_string ("text") : g_quark_from_static_string ("action"));
}

/* Every change goes through here: log, count, tell. */
void
_fz_review_record (FzReview   *self,
        const char *what,
        const char *old_value,
        const char *new_value,
        const char *why,
        gboolean    coalesce)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  FzReviewChange *last = self->log->len > 0 ? g_ptr_array_index (self->log, self->log->len - 1) : NULL;

  if (coalesce && last != NULL && last->why == NULL && g_strcmp0 (last->what, what) == 0 &&
      g_date_time_difference (now, last->time) < COALESCE_USEC)
    {
      g_free (last->new_value);
      last->new_value = g_strdup (new_value);
      g_date_time_unref (last->time);
      last->time = g_date_time_ref (now);
    }
  else
    {
      FzReviewChange *change = g_new0 (FzReviewChange, 1);

      change->time = g_date_time_ref (now);
      change->what = g_strdup (what);
      change->old_value = g_strdup (old_value);
      change->new_value = g_strdup (new_value);
      change->why = (why != NULL && *why != '\0') ? g_strdup (why) : NULL;
      g_ptr_array_add (self->log, change);
    }

  _fz_review_emit_changed (self, coalesce);
}

static void
fz_review_finalize (GObject *object)
{
  FzReview *self = (FzReview *)object;

  g_free (self->report_sha256);
  g_free (self->report_name);
  g_free (self->ruleset_id);
  g_free (self->reviewer);
  g_free (self->opinion);
  g_free (self->rectification);
  g_free (self->deadline);
  g_free (self->memo_number);
  g_clear_pointer (&self->decisions, g_hash_table_unref);
  g_clear_pointer (&self->paragraphs, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_object (&self->annotations);
  g_clear_pointer (&self->log, g_ptr_array_unref);
  _fz_review_round_clear (&self->round);
  g_clear_object (&self->file);
  g_signal_handlers_disconnect_by_data (self->filing, self);
  g_clear_object (&self->filing);
  g_clear_pointer (&self->adjustments, g_hash_table_unref);

  G_OBJECT_CLASS (fz_review_parent_class)->finalize (object);
}

static void
fz_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FzReview *self = FZ_REVIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT_SHA256:
      g_value_set_string (value, self->report_sha256);
      break;

    case PROP_REPORT_NAME:
      g_value_set_string (value, self->report_name);
      break;

    case PROP_RULESET_ID:
      g_value_set_string (value, self->ruleset_id);
      break;

    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;

    case PROP_OPINION:
      g_value_set_string (value, self->opinion);
      break;

    case PROP_RECTIFICATION:
      g_value_set_string (value, self->rectification);
      break;

    case PROP_DEADLINE:
      g_value_set_string (value, self->deadline);
      break;

    case PROP_N_DECIDED:
      g_value_set_uint (value, g_hash_table_size (self->decisions));
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_RESTORED:
      g_value_set_boolean (value, self->restored);
      break;

    case PROP_FILING:
      g_value_set_object (value, self->filing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_review_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FzReview *self = FZ_REVIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT_NAME:
      fz_review_set_report_name (self, g_value_get_string (value));
      break;

    case PROP_RULESET_ID:
      fz_review_set_ruleset_id (self, g_value_get_string (value));
      break;

    case PROP_REVIEWER:
      fz_review_set_reviewer (self, g_value_get_string (value));
      break;

    case PROP_OPINION:
      fz_review_set_opinion (self, g_value_get_string (value));
      break;

    case PROP_RECTIFICATION:
      fz_review_set_rectification (self, g_value_get_string (value));
      break;

    case PROP_DEADLINE:
      {
        g_autoptr(GError) error = NULL;

        if (!fz_review_set_deadline (self, g_value_get_string (value), &error))
          g_warning ("%s", error->message);
      }
      break;

    case PROP_FILE:
      fz_review_set_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_review_class_init (FzReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_review_finalize;
  object_class->get_property = fz_review_get_property;
  object_class->set_property = fz_review_set_property;

  properties[PROP_REPORT_SHA256] =
    g_param_spec_string ("report-sha256", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPORT_NAME] =
    g_param_spec_string ("report-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RULESET_ID] =
    g_param_spec_string ("ruleset-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEWER] =
    g_param_spec_string ("reviewer", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OPINION] =
    g_param_spec_string ("opinion", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECTIFICATION] =
    g_param_spec_string ("rectification", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DEADLINE] =
    g_param_spec_string ("deadline", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_DECIDED] =
    g_param_spec_uint ("n-decided", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESTORED] =
    g_param_spec_boolean ("restored", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The filing record is one object for the review's life: bind to its
   * properties. */
  properties[PROP_FILING] =
    g_param_spec_object ("filing", NULL, NULL, FZ_TYPE_FILING,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every change that must be saved, with the detail
   * "text" (typing in a field) or "action" (anything finished). */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The decision on one element was set or cleared. */
  signals[DECISION_CHANGED] = fz_signal_new (klass, "decision-changed", 1, G_TYPE_STRING);
  /* The reviewer's points for an item of a scoring table were set or
   * cleared: the table's id and the item's. */
  signals[SCORE_ADJUSTMENT_CHANGED] =
    fz_signal_new (klass, "score-adjustment-changed", 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
fz_review_init (FzReview *self)
{
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _fz_review_decision_free);
  self->paragraphs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->annotations = g_list_store_new (FZ_TYPE_ANNOTATION);
  self->log = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_review_change_free);
  _fz_review_round_init (&self->round);
  self->opinion = g_strdup ("");
  self->rectification = g_strdup ("");
  self->reviewer = g_strdup ("");
  _fz_review_init_score (self, &self->filing, &self->adjustments);
}

/* Taking another review's content (an imported .fzreview) in place, so
 * that every view bound to @self shows it.  Every content field is
 * exchanged, the memo's wording with it; the identity (hash, file,
 * annotation list object) stays. */
void
fz_review_replace (FzReview *self,
                   FzReview *other)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *incoming;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (FZ_IS_REVIEW (other));
  g_return_if_fail (g_strcmp0 (self->report_sha256, other->report_sha256) == 0);

  /* Decisions that go away must be announced as well as new ones. */
  g_hash_table_iter_init (&iter, self->decisions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  g_hash_table_iter_init (&iter, other->decisions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->decisions, key))
      g_ptr_array_add (ids, g_strdup (key));

#define SWAP(field) G_STMT_START { __typeof__ (self->field) tmp_ = self->field; \
                                   self->field = other->field; other->field = tmp_; } G_STMT_END
  SWAP (report_name);
  SWAP (ruleset_id);
  SWAP (reviewer);
  SWAP (opinion);
  SWAP (rectification);
  SWAP (deadline);
  SWAP (memo_number);
  SWAP (decisions);
  SWAP (paragraphs);
  SWAP (problems);
  SWAP (memo_score);
  SWAP (log);
  /* Round two: the first report it follows and the reviewer's states. */
  SWAP (round);
#undef SWAP

  incoming = G_LIST_MODEL (other->annotations);
  for (guint i = 0; i < g_list_model_get_n_items (incoming); i++)
    g_ptr_array_add (items, g_list_model_get_item (incoming, i));
  g_list_store_splice (self->annotations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->annotations)),
                       items->pdata, items->len);
  self->restored = TRUE;

  _fz_review_record (self, "import", NULL, self->report_name, NULL, FALSE);
  for (guint i = 0; i < ids->len; i++)
    g_signal_emit (self, signals[DECISION_CHANGED], 0, g_ptr_array_index (ids, i));
  for (guint i = PROP_REPORT_NAME; i <= PROP_N_DECIDED; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORED]);
}

FzReview *
fz_review_new (const char *report_sha256,
               const char *report_name)
{
  FzReview *self;

  g_return_val_if_fail (_fz_review_is_sha256 (report_sha256), NULL);

  self = g_object_new (FZ_TYPE_REVIEW, NULL);
  self->report_sha256 = g_strdup (report_sha256);
  self->report_name = g_strdup (report_name);
  self->file = fz_review_get_store_file (report_sha256);

  return self;
}

/* Accessors. */

GFile *
fz_review_get_file (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->file;
}

void
fz_review_set_file (FzReview *self,
                    GFile    *file)
{
  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
fz_review_get_restored (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  return self->restored;
}

guint64
fz_review_get_serial (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), 0);
  return self->serial;
}

const char *
fz_review_get_report_sha256 (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->report_sha256;
}

const char *
fz_review_get_report_name (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->report_name;
}

/* Sets a string field, logs it and notifies; FALSE when nothing changed. */
static gboolean
set_field (FzReview   *self,
           char      **field,
           const char *value,
           const char *what,
           gboolean    coalesce,
           guint       prop)
{
  g_autofree char *old = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  old = g_steal_pointer (field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  _fz_review_record (self, what, old, value, NULL, coalesce);

  return TRUE;
}

void
fz_review_set_report_name (FzReview   *self,
                           const char *name)
{
  g_return_if_fail (FZ_IS_REVIEW (self));

  /* Not logged: which file name the report has is no judgement. */
  if (g_strcmp0 (self->report_name, name) == 0)
    return;
  g_free (self->report_name);
  self->report_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_NAME]);
  _fz_review_emit_changed (self, TRUE);
}

const char *
fz_review_get_ruleset_id (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->ruleset_id;
}

void
fz_review_set_ruleset_id (FzReview   *self,
                          const char *ruleset_id)
{
  g_return_if_fail (FZ_IS_REVIEW (self));
  set_field (self, &self->ruleset_id, ruleset_id, "ruleset", FALSE, PROP_RULESET_ID);
}

const char *
fz_review_get_reviewer (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->reviewer;
}

void
fz_review_set_reviewer (FzReview   *self,
                        const char *reviewer)
{
  g_return_if_fail (FZ_IS_REVIEW (self));
  set_field (self, &self->reviewer, reviewer ? reviewer : "", "reviewer", TRUE, PROP_REVIEWER);
}

const char *
fz_review_get_opinion (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->opinion;
}

void
fz_review_set_opinion (FzReview   *self,
                       const char *opinion)
{
  g_return_if_fail (FZ_IS_REVIEW (self));
  set_field (self, &self->opinion, opinion ? opinion : "", "opinion", TRUE, PROP_OPINION);
}

const char *
fz_review_get_rectification (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->rectification;
}

void
fz_review_set_rectification (FzReview   *self,
                             const char *rectification)
{
  g_return_if_fail (FZ_IS_REVIEW (self));
  set_field (self, &self->rectification, rectification ? rectification : "",
             "rectification", TRUE, PROP_RECTIFICATION);
}

const char *
fz_review_get_deadline (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->deadline;
}

gboolean
fz_review_set_deadline (FzReview    *self,
                        const char  *deadline,
                        GError     **error)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);

  if (deadline != NULL && *deadline == '\0')
    deadline = NULL;
  if (deadline != NULL && !fz_filing_is_iso_date (deadline))
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31."), deadline);
      return FALSE;
    }

  set_field (self, &self->deadline, deadline, "deadline", FALSE, PROP_DEADLINE);
  return TRUE;
}

/* For fz-review-decisions.c: @added, a decision where there was none or
 * none where there was one, changes the count. */
void
_fz_review_emit_decision_changed (FzReview   *self,
                                  const char *element_id,
                                  gboolean    added)
{
  if (added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
  g_signal_emit (self, signals[DECISION_CHANGED], 0, element_id);
  _fz_review_emit_changed (self, FALSE);
}

GPtrArray *
fz_review_get_log (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->log;
}

/* For fz-review-score.c, which keeps the filing record and the score
 * adjustments: one log and one signal for every change. */

void
_fz_review_emit_score_adjustment_changed (FzReview   *self,
                                          const char *table_id,
                                          const char *item_id)
{
  g_signal_emit (self, signals[SCORE_ADJUSTMENT_CHANGED], 0, table_id, item_id);
}

GHashTable *
_fz_review_get_adjustments (FzReview *self)
{
  return self->adjustments;
}

FzFiling *
fz_review_get_filing (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return self->filing;
}

/* For fz-review-round.c, which keeps round two. */

FzReviewRound *
_fz_review_get_round (FzReview *self)
{
  return &self->round;
}
