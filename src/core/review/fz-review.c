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
#include "fz-review-round-private.h"
#include "fz-review.h"

#define FORMAT_NAME "fazhi-review"
/* Text edits of one field closer together than this make one log entry. */
#define COALESCE_USEC (60 * G_USEC_PER_SEC)
/* A review file is a few kilobytes; anything this large is not one. */
#define MAX_FILE_BYTES (64 * 1024 * 1024)

typedef struct
{
  FzStatus   status;
  char      *reason;
  GDateTime *time;
} Decision;

struct _FzReview
{
  GObject     parent_instance;

  char       *report_sha256;
  char       *report_name;
  char       *ruleset_id;
  char       *reviewer;
  char       *opinion;
  char       *rectification;
  char       *deadline;
  GHashTable *decisions;          /* element id → Decision */
  GListStore *annotations;        /* FzAnnotation */
  GPtrArray  *log;                /* FzReviewChange */
  FzReviewRound round;            /* round two: fz-review-round.c */
  GFile      *file;
  guint64     serial;
  guint       restored : 1;
  FzFiling   *filing;             /* 收文日期, 公开日期…; see fz-review-score.c */
  GHashTable *adjustments;        /* "TABLE/ITEM" → FzReviewAdjustment */
};

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

static void
decision_free (gpointer data)
{
  Decision *d = data;

  g_free (d->reason);
  g_clear_pointer (&d->time, g_date_time_unref);
  g_free (d);
}

static gboolean
is_decision_status (FzStatus status)
{
  return status == FZ_STATUS_PRESENT || status == FZ_STATUS_PARTIAL ||
         status == FZ_STATUS_MISSING || status == FZ_STATUS_NOT_APPLICABLE;
}

static gboolean
is_sha256 (const char *str)
{
  if (str == NULL || strlen (str) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (str[i]) || g_ascii_isupper (str[i]))
      return FALSE;
  return TRUE;
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format_iso8601 (time);
}

/* Every change goes through here: log, count, tell. */
static void
record (FzReview   *self,
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

  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0);
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
  g_clear_pointer (&self->decisions, g_hash_table_unref);
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

  /* Emitted after every change that is logged and must be saved. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The decision on one element was set or cleared. */
  signals[DECISION_CHANGED] =
    g_signal_new ("decision-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The reviewer's points for an item of a scoring table were set or
   * cleared: the table's id and the item's. */
  signals[SCORE_ADJUSTMENT_CHANGED] =
    g_signal_new ("score-adjustment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
fz_review_init (FzReview *self)
{
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, decision_free);
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
 * exchanged; the identity (hash, file, annotation list object) stays. */
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
  SWAP (decisions);
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

  record (self, "import", NULL, self->report_name, NULL, FALSE);
  for (guint i = 0; i < ids->len; i++)
    g_signal_emit (self, signals[DECISION_CHANGED], 0, g_ptr_array_index (ids, i));
  for (guint i = PROP_REPORT_NAME; i <= PROP_N_DECIDED; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORED]);
}

/* Hashing and the store. */

char *
fz_review_hash_bytes (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

char *
fz_review_hash_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) in = NULL;
  guchar buf[64 * 1024];
  gssize n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, cancellable, error)) > 0)
    g_checksum_update (sum, buf, n);
  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (sum));
}

char *
fz_review_get_store_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "fazhi-review", "reviews", NULL);
}

GFile *
fz_review_get_store_file (const char *report_sha256)
{
  g_autofree char *dir = fz_review_get_store_dir ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (is_sha256 (report_sha256), NULL);

  name = g_strconcat (report_sha256, ".fzreview", NULL);
  return g_file_new_build_filename (dir, name, NULL);
}

FzReview *
fz_review_new (const char *report_sha256,
               const char *report_name)
{
  FzReview *self;

  g_return_val_if_fail (is_sha256 (report_sha256), NULL);

  self = g_object_new (FZ_TYPE_REVIEW, NULL);
  self->report_sha256 = g_strdup (report_sha256);
  self->report_name = g_strdup (report_name);
  self->file = fz_review_get_store_file (report_sha256);

  return self;
}

/* Serialization. */

static void
set_time (JsonObject *o,
          const char *name,
          GDateTime  *time)
{
  g_autofree char *s = time ? format_time (time) : NULL;

  _fz_json_set_string_or_null (o, name, s);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
fz_review_to_data (FzReview *self,
                   gsize    *len)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonObject) o = json_object_new ();
  g_autoptr(JsonObject) report = json_object_new ();
  g_autoptr(JsonArray) decisions = json_array_new ();
  g_autoptr(JsonArray) annotations = json_array_new ();
  g_autoptr(JsonArray) log = json_array_new ();
  g_auto(GStrv) ids = NULL;
  guint n;

  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);

  json_object_set_string_member (o, "format", FORMAT_NAME);
  json_object_set_int_member (o, "version", FZ_REVIEW_PLAIN_FORMAT_VERSION);

  json_object_set_string_member (report, "sha256", self->report_sha256);
  _fz_json_set_string_or_null (report, "name", self->report_name);
  json_object_set_object_member (o, "report", g_steal_pointer (&report));

  _fz_json_set_string_or_null (o, "ruleset", self->ruleset_id);
  json_object_set_string_member (o, "reviewer", self->reviewer);
  json_object_set_string_member (o, "opinion", self->opinion);
  json_object_set_string_member (o, "rectification", self->rectification);
  _fz_json_set_string_or_null (o, "deadline", self->deadline);

  ids = fz_review_dup_decided_ids (self);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const Decision *d = g_hash_table_lookup (self->decisions, ids[i]);
      JsonObject *e = json_object_new ();

      json_object_set_string_member (e, "element", ids[i]);
      json_object_set_string_member (e, "status", fz_status_to_string (d->status));
      _fz_json_set_string_or_null (e, "reason", d->reason);
      set_time (e, "time", d->time);
      json_array_add_object_element (decisions, e);
    }
  json_object_set_array_member (o, "decisions", g_steal_pointer (&decisions));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);
      JsonObject *e = json_object_new ();

      json_object_set_int_member (e, "start", fz_annotation_get_start (a));
      json_object_set_int_member (e, "end", fz_annotation_get_end (a));
      json_object_set_string_member (e, "quote", fz_annotation_get_quote (a));
      json_object_set_string_member (e, "prefix", fz_annotation_get_prefix (a));
      json_object_set_string_member (e, "suffix", fz_annotation_get_suffix (a));
      json_object_set_string_member (e, "category",
                                     fz_annotation_category_to_string (fz_annotation_get_category (a)));
      json_object_set_string_member (e, "note", fz_annotation_get_note (a));
      set_time (e, "created", fz_annotation_get_created (a));
      set_time (e, "modified", fz_annotation_get_modified (a));
      json_array_add_object_element (annotations, e);
    }
  json_object_set_array_member (o, "annotations", g_steal_pointer (&annotations));

  /* Round two of a review: only when there is one, so that a first
   * round's file reads as before. */
  if (self->round.previous_sha256 != NULL)
    {
      json_object_set_object_member (o, "round", _fz_review_round_to_json (&self->round));
      json_object_set_int_member (o, "version", FZ_REVIEW_FORMAT_VERSION);
    }

  for (guint i = 0; i < self->log->len; i++)
    {
      const FzReviewChange *c = g_ptr_array_index (self->log, i);
      JsonObject *e = json_object_new ();

      set_time (e, "time", c->time);
      json_object_set_string_member (e, "what", c->what);
      _fz_json_set_string_or_null (e, "old", c->old_value);
      _fz_json_set_string_or_null (e, "new", c->new_value);
      _fz_json_set_string_or_null (e, "why", c->why);
      json_array_add_object_element (log, e);
    }
  json_object_set_array_member (o, "log", g_steal_pointer (&log));

  /* Filing and scoring are saved only when there is something to save,
   * and then as version 2, which an older program refuses to open (it
   * would drop them on its next save) but leaves alone. */
  if (_fz_review_score_to_json (self->filing, self->adjustments, o))
    json_object_set_int_member (o, "version", FZ_REVIEW_FORMAT_VERSION);

  json_node_take_object (root, g_steal_pointer (&o));
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);

  return json_generator_to_data (gen, len);
}

/* Reading.  Any member of the wrong type makes the whole file corrupt:
 * guessing could silently drop part of a review. */

/* The whole file is wrong: @what says how. */
static void
reader_fail (FzJsonReader *r,
             const char   *what)
{
  if (r->failed)
    return;
  r->failed = TRUE;
  g_set_error (r->error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
               /* TRANSLATORS: first %s is a file, second what is wrong in it */
               _("The review file “%s” is damaged: %s."), (const char *) r->user_data, what);
}

/* A member that is missing or has the wrong type. */
static void
review_member_fail (GError     **error,
                    const char  *member,
                    gpointer     origin)
{
  g_autofree char *what = NULL;

  /* TRANSLATORS: %s is the name of a field in the file, e.g. "deadline" */
  what = g_strdup_printf (_("the entry “%s” is missing or wrong"), member);
  g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
               /* TRANSLATORS: first %s is a file, second what is wrong in it */
               _("The review file “%s” is damaged: %s."), (const char *) origin, what);
}

static GDateTime *
get_time (FzJsonReader *r,
          JsonObject   *o,
          const char   *name)
{
  const char *s = _fz_json_reader_get_string (r, o, name, FALSE);
  GDateTime *t;

  if (s == NULL)
    return NULL;
  t = g_date_time_new_from_iso8601 (s, NULL);
  if (t == NULL)
    _fz_json_reader_fail_member (r, name);
  return t;
}

FzReview *
fz_review_new_from_data (const char  *data,
                         gsize        len,
                         const char  *origin,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(FzReview) self = NULL;
  FzJsonReader r = { error, FALSE, review_member_fail, (gpointer) (origin ? origin : "?") };
  JsonObject *o, *report;
  JsonNode *root, *version;
  JsonArray *array;
  const char *sha, *s;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, len, &parse_error))
    {
      reader_fail (&r, parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_fail (&r, _("it is not a review"));
      return NULL;
    }
  o = json_node_get_object (root);
  if (g_strcmp0 (_fz_json_reader_get_string (&r, o, "format", TRUE), FORMAT_NAME) != 0)
    {
      r.failed = FALSE;
      reader_fail (&r, _("it is not a review"));
      return NULL;
    }

  version = json_object_get_member (o, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    {
      _fz_json_reader_fail_member (&r, "version");
      return NULL;
    }
  if (json_node_get_int (version) > FZ_REVIEW_FORMAT_VERSION)
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NEWER_VERSION,
                   _("The review file “%s” was written by a newer version of Fazhi Review; "
                     "update the program to open it. The file is left unchanged."),
                   (const char *) r.user_data);
      return NULL;
    }

  if (!json_object_has_member (o, "report") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "report")))
    {
      _fz_json_reader_fail_member (&r, "report");
      return NULL;
    }
  report = json_object_get_object_member (o, "report");
  sha = _fz_json_reader_get_string (&r, report, "sha256", FALSE);
  if (r.failed)
    return NULL;
  if (!is_sha256 (sha))
    {
      _fz_json_reader_fail_member (&r, "sha256");
      return NULL;
    }

  self = g_object_new (FZ_TYPE_REVIEW, NULL);
  self->report_sha256 = g_strdup (sha);
  self->report_name = g_strdup (_fz_json_reader_get_string (&r, report, "name", TRUE));
  self->ruleset_id = g_strdup (_fz_json_reader_get_string (&r, o, "ruleset", TRUE));
  if ((s = _fz_json_reader_get_string (&r, o, "reviewer", FALSE)))
    {
      g_free (self->reviewer);
      self->reviewer = g_strdup (s);
    }
  if ((s = _fz_json_reader_get_string (&r, o, "opinion", FALSE)))
    {
      g_free (self->opinion);
      self->opinion = g_strdup (s);
    }
  if ((s = _fz_json_reader_get_string (&r, o, "rectification", FALSE)))
    {
      g_free (self->rectification);
      self->rectification = g_strdup (s);
    }
  s = _fz_json_reader_get_string (&r, o, "deadline", TRUE);
  if (s != NULL && !fz_filing_is_iso_date (s))
    _fz_json_reader_fail_member (&r, "deadline");
  self->deadline = g_strdup (s);
  if (r.failed)
    return NULL;

  if ((array = _fz_json_reader_get_array (&r, o, "decisions")) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array) && !r.failed; i++)
    {
      JsonObject *e = _fz_json_reader_get_element (&r, array, i, "decisions");
      Decision *d;
      const char *id;
      FzStatus status;

      if (e == NULL)
        break;
      id = _fz_json_reader_get_string (&r, e, "element", FALSE);
      s = _fz_json_reader_get_string (&r, e, "status", FALSE);
      if (r.failed)
        break;
      if (!fz_status_from_string (s, &status) || !is_decision_status (status))
        {
          _fz_json_reader_fail_member (&r, "status");
          break;
        }
      d = g_new0 (Decision, 1);
      d->status = status;
      d->reason = g_strdup (_fz_json_reader_get_string (&r, e, "reason", TRUE));
      d->time = get_time (&r, e, "time");
      g_hash_table_replace (self->decisions, g_strdup (id), d);
    }
  if (r.failed)
    return NULL;

  if ((array = _fz_json_reader_get_array (&r, o, "annotations")) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array) && !r.failed; i++)
    {
      JsonObject *e = _fz_json_reader_get_element (&r, array, i, "annotations");
      g_autoptr(GDateTime) created = NULL;
      g_autoptr(GDateTime) modified = NULL;
      g_autoptr(FzAnnotation) a = NULL;
      FzAnnotationCategory category;
      const char *quote, *prefix, *suffix, *note;
      guint start, end;

      if (e == NULL)
        break;
      start = (guint) _fz_json_reader_get_int (&r, e, "start", G_MAXINT);
      end = (guint) _fz_json_reader_get_int (&r, e, "end", G_MAXINT);
      quote = _fz_json_reader_get_string (&r, e, "quote", FALSE);
      prefix = _fz_json_reader_get_string (&r, e, "prefix", FALSE);
      suffix = _fz_json_reader_get_string (&r, e, "suffix", FALSE);
      note = _fz_json_reader_get_string (&r, e, "note", FALSE);
      s = _fz_json_reader_get_string (&r, e, "category", FALSE);
      created = get_time (&r, e, "created");
      modified = get_time (&r, e, "modified");
      if (r.failed)
        break;
      if (!fz_annotation_category_from_string (s, &category))
        {
          _fz_json_reader_fail_member (&r, "category");
          break;
        }
      a = _fz_annotation_new (start, end, quote, prefix, suffix, category, note, created, modified);
      g_list_store_append (self->annotations, a);
    }
  if (r.failed)
    return NULL;

  if (json_object_has_member (o, "round") &&
      !_fz_review_round_from_json (&self->round, &r, _fz_json_reader_get_object (&r, o, "round")))
    return NULL;

  if ((array = _fz_json_reader_get_array (&r, o, "log")) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array) && !r.failed; i++)
    {
      JsonObject *e = _fz_json_reader_get_element (&r, array, i, "log");
      FzReviewChange *c;

      if (e == NULL)
        break;
      c = g_new0 (FzReviewChange, 1);
      c->time = get_time (&r, e, "time");
      c->what = g_strdup (_fz_json_reader_get_string (&r, e, "what", FALSE));
      c->old_value = g_strdup (_fz_json_reader_get_string (&r, e, "old", TRUE));
      c->new_value = g_strdup (_fz_json_reader_get_string (&r, e, "new", TRUE));
      c->why = g_strdup (_fz_json_reader_get_string (&r, e, "why", TRUE));
      g_ptr_array_add (self->log, c);
    }
  if (r.failed)
    return NULL;

  if (!_fz_review_score_read_json (self->filing, self->adjustments, &r, o))
    return NULL;

  self->restored = TRUE;

  return g_steal_pointer (&self);
}

static gboolean
read_review_file (GFile   *file,
                  char   **contents,
                  gsize   *len,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > MAX_FILE_BYTES)
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
                   _("The review file “%s” is damaged: %s."), name, _("it is far too large"));
      return FALSE;
    }

  if (info == NULL || !g_file_load_contents (file, NULL, contents, len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NOT_FOUND,
                     _("The review file “%s” does not exist."), name);
      else
        g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNREADABLE,
                     _("Could not read the review file “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Moves a damaged file to NAME.corrupt-N, the first N free, so that the
 * next save does not destroy what may still be rescued by hand. */
static char *
move_aside (GFile   *file,
            GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *aside = g_strdup_printf ("%s.corrupt-%u", path, n);

      if (g_file_test (aside, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (path, aside) != 0)
        {
          int saved = errno;

          g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
                       _("Could not move the damaged review file “%s” aside: %s"),
                       path, g_strerror (saved));
          return NULL;
        }
      return g_steal_pointer (&aside);
    }

  g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
               _("Could not move the damaged review file “%s” aside: %s"),
               path, _("too many damaged copies"));
  return NULL;
}

FzReview *
fz_review_new_from_file (GFile   *file,
                         GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  FzReview *self;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!read_review_file (file, &contents, &len, error))
    return NULL;

  name = g_file_get_parse_name (file);
  self = fz_review_new_from_data (contents, len, name, error);
  if (self != NULL)
    self->file = fz_review_get_store_file (self->report_sha256);

  return self;
}

FzReview *
fz_review_load_for_report (const char  *report_sha256,
                           const char  *report_name,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (is_sha256 (report_sha256), NULL);

  file = fz_review_get_store_file (report_sha256);

  return fz_review_load_from (file, report_sha256, report_name, error);
}

FzReview *
fz_review_load_from (GFile       *file,
                     const char  *report_sha256,
                     const char  *report_name,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FzReview) self = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (is_sha256 (report_sha256), NULL);

  path = g_file_get_path (file);

  if (!read_review_file (file, &contents, &len, &local_error))
    {
      if (g_error_matches (local_error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NOT_FOUND))
        {
          self = fz_review_new (report_sha256, report_name);
          g_set_object (&self->file, file);
          return g_steal_pointer (&self);
        }
      if (!g_error_matches (local_error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else
    self = fz_review_new_from_data (contents, len, path, &local_error);

  if (self == NULL)
    {
      if (g_error_matches (local_error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT))
        {
          g_autoptr(GError) move_error = NULL;
          g_autofree char *aside = move_aside (file, &move_error);

          if (aside != NULL)
            g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
                         /* TRANSLATORS: the first %s says what is wrong, the second is a file */
                         _("%s It was kept as “%s”; a new review is started."),
                         local_error->message, aside);
          else
            g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
                         "%s %s", local_error->message, move_error->message);
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (g_strcmp0 (self->report_sha256, report_sha256) != 0)
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
                   _("The review file “%s” is damaged: %s."), path,
                   _("it belongs to another report"));
      return NULL;
    }

  g_set_object (&self->file, file);
  /* The report may have been renamed since: the hash found it anyway. */
  if (report_name != NULL && g_strcmp0 (self->report_name, report_name) != 0)
    {
      g_free (self->report_name);
      self->report_name = g_strdup (report_name);
    }

  return g_steal_pointer (&self);
}

typedef struct
{
  GFile *report;
  char  *sha256;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->report);
  g_free (data->sha256);
  g_free (data);
}

FzReview *
fz_review_load_for_file (GFile         *report,
                         GCancellable  *cancellable,
                         char         **report_sha256,
                         GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *sha256 = NULL;
  FzReview *review;

  g_return_val_if_fail (G_IS_FILE (report), NULL);
  g_return_val_if_fail (report_sha256 != NULL, NULL);

  *report_sha256 = NULL;
  if ((sha256 = fz_review_hash_file (report, cancellable, error)) == NULL)
    return NULL;

  name = g_file_get_basename (report);
  review = fz_review_load_for_report (sha256, name, error);
  *report_sha256 = g_steal_pointer (&sha256);

  return review;
}

static void
load_for_file_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  FzReview *review = fz_review_load_for_file (data->report, cancellable, &data->sha256, &error);

  if (review == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, review, g_object_unref);
}

void
fz_review_load_for_file_async (GFile               *report,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (report));

  data = g_new0 (LoadData, 1);
  data->report = g_object_ref (report);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_review_load_for_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_for_file_thread);
}

FzReview *
fz_review_load_for_file_finish (GAsyncResult  *result,
                                char         **report_sha256,
                                GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (report_sha256 != NULL)
    *report_sha256 = g_strdup (data->sha256);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Refuses to replace a file that we could not read back: one from a newer
 * version stays as it is; a damaged one is moved aside first. */
static gboolean
check_replaceable (GFile   *file,
                   GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return TRUE;                /* nothing there, or nothing we could lose by replacing */

  if (json_parser_load_from_data (parser, contents, len, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);
      JsonNode *version = json_object_get_member (o, "version");

      if (version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
          json_node_get_value_type (version) == G_TYPE_INT64)
        {
          if (json_node_get_int (version) > FZ_REVIEW_FORMAT_VERSION)
            {
              g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NEWER_VERSION,
                           _("The review was not saved: “%s” was written by a newer version "
                             "of Fazhi Review and is left unchanged."), path);
              return FALSE;
            }
          return TRUE;
        }
    }

  {
    g_autofree char *aside = move_aside (file, error);

    if (aside == NULL)
      return FALSE;
    g_message ("Damaged review file %s moved to %s", path, aside);
  }

  return TRUE;
}

static gboolean
write_atomically (GFile       *file,
                  const char  *data,
                  gsize        len,
                  GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
                   _("Could not save the review to “%s”: %s"), uri, _("not a local file"));
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
                   _("Could not save the review to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  /* A temporary file in the same folder, synced, then renamed over the
   * old one: a crash leaves the old or the new review, never a mix. */
  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
                   _("Could not save the review to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
fz_review_save (FzReview  *self,
                GError   **error)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  return fz_review_save_to_file (self, self->file, error);
}

gboolean
fz_review_save_to_file (FzReview  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_replaceable (file, error))
    return FALSE;

  data = fz_review_to_data (self, &len);
  return write_atomically (file, data, len, error);
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
  record (self, what, old, value, NULL, coalesce);

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
  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0);
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

/* Decisions. */

void
fz_review_set_decision (FzReview   *self,
                        const char *element_id,
                        FzStatus    status,
                        const char *reason)
{
  const Decision *old;
  Decision *d;
  gboolean was_decided;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (element_id != NULL && *element_id != '\0');
  g_return_if_fail (is_decision_status (status));

  if (reason != NULL && *reason == '\0')
    reason = NULL;

  old = g_hash_table_lookup (self->decisions, element_id);
  if (old != NULL && old->status == status && g_strcmp0 (old->reason, reason) == 0)
    return;
  was_decided = old != NULL;

  {
    g_autofree char *what = g_strconcat ("decision:", element_id, NULL);

    d = g_new0 (Decision, 1);
    d->status = status;
    d->reason = g_strdup (reason);
    d->time = g_date_time_new_now_utc ();

    /* Log before replacing: @old is freed by the replace. */
    {
      FzReviewChange *change = g_new0 (FzReviewChange, 1);

      change->time = g_date_time_ref (d->time);
      change->what = g_steal_pointer (&what);
      change->old_value = old ? g_strdup (fz_status_to_string (old->status)) : NULL;
      change->new_value = g_strdup (fz_status_to_string (status));
      change->why = g_strdup (reason);
      g_ptr_array_add (self->log, change);
    }
    g_hash_table_replace (self->decisions, g_strdup (element_id), d);
  }

  if (!was_decided)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
  self->serial++;
  g_signal_emit (self, signals[DECISION_CHANGED], 0, element_id);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
fz_review_get_decision (FzReview    *self,
                        const char  *element_id,
                        FzStatus    *status,
                        const char **reason,
                        GDateTime  **time)
{
  const Decision *d;

  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (element_id != NULL, FALSE);

  d = g_hash_table_lookup (self->decisions, element_id);
  if (d == NULL)
    return FALSE;

  if (status != NULL)
    *status = d->status;
  if (reason != NULL)
    *reason = d->reason;
  if (time != NULL)
    *time = d->time;

  return TRUE;
}

void
fz_review_clear_decision (FzReview   *self,
                          const char *element_id)
{
  const Decision *old;
  g_autofree char *what = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (element_id != NULL);

  old = g_hash_table_lookup (self->decisions, element_id);
  if (old == NULL)
    return;

  /* @element_id may point into the table's own key. */
  id = g_strdup (element_id);
  what = g_strconcat ("decision:", id, NULL);
  {
    FzReviewChange *change = g_new0 (FzReviewChange, 1);

    change->time = g_date_time_new_now_utc ();
    change->what = g_steal_pointer (&what);
    change->old_value = g_strdup (fz_status_to_string (old->status));
    g_ptr_array_add (self->log, change);
  }
  g_hash_table_remove (self->decisions, id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
  self->serial++;
  g_signal_emit (self, signals[DECISION_CHANGED], 0, id);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
fz_review_get_n_decided (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), 0);
  return g_hash_table_size (self->decisions);
}

char **
fz_review_dup_decided_ids (FzReview *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);

  g_hash_table_iter_init (&iter, self->decisions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* Annotations. */

static char *
describe_annotation (FzAnnotation *a)
{
  return g_strdup_printf ("“%s” [%s] %s", fz_annotation_get_quote (a),
                          fz_annotation_category_to_chinese (fz_annotation_get_category (a)),
                          fz_annotation_get_note (a));
}

GListModel *
fz_review_get_annotations (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->annotations);
}

FzAnnotation *
fz_review_add_annotation (FzReview             *self,
                          FzDocument           *doc,
                          guint                 start,
                          guint                 end,
                          FzAnnotationCategory  category,
                          const char           *note)
{
  g_autoptr(FzAnnotation) a = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *desc = NULL;
  guint len;

  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), NULL);

  len = fz_document_get_length (doc);
  end = MIN (end, len);
  start = MIN (start, end);

  quote = fz_document_dup_range (doc, start, end);
  prefix = fz_document_dup_range (doc, start > FZ_ANNOTATION_CONTEXT ? start - FZ_ANNOTATION_CONTEXT : 0, start);
  suffix = fz_document_dup_range (doc, end, MIN (len, end + FZ_ANNOTATION_CONTEXT));
  a = _fz_annotation_new (start, end, quote, prefix, suffix, category, note, NULL, NULL);
  g_list_store_append (self->annotations, a);

  desc = describe_annotation (a);
  record (self, "annotation:add", NULL, desc, NULL, FALSE);

  return a;
}

void
fz_review_update_annotation (FzReview             *self,
                             FzAnnotation         *annotation,
                             FzAnnotationCategory  category,
                             const char           *note)
{
  g_autofree char *old = NULL;
  g_autofree char *desc = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint pos;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (FZ_IS_ANNOTATION (annotation));
  g_return_if_fail (g_list_store_find (self->annotations, annotation, &pos));

  if (fz_annotation_get_category (annotation) == category &&
      g_strcmp0 (fz_annotation_get_note (annotation), note ? note : "") == 0)
    return;

  old = describe_annotation (annotation);
  _fz_annotation_set_category (annotation, category);
  _fz_annotation_set_note (annotation, note);
  now = g_date_time_new_now_utc ();
  _fz_annotation_touch (annotation, now);
  desc = describe_annotation (annotation);
  record (self, "annotation:change", old, desc, NULL, FALSE);
}

void
fz_review_remove_annotation (FzReview     *self,
                             FzAnnotation *annotation)
{
  g_autoptr(FzAnnotation) keep = NULL;
  g_autofree char *old = NULL;
  guint pos;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (FZ_IS_ANNOTATION (annotation));

  if (!g_list_store_find (self->annotations, annotation, &pos))
    return;

  keep = g_object_ref (annotation);
  old = describe_annotation (annotation);
  g_list_store_remove (self->annotations, pos);
  record (self, "annotation:remove", old, NULL, NULL, FALSE);
}

guint
fz_review_attach (FzReview   *self,
                  FzDocument *doc)
{
  guint n, lost = 0;
  gboolean moved = FALSE;

  g_return_val_if_fail (FZ_IS_REVIEW (self), 0);
  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);
      guint old_start = fz_annotation_get_start (a);
      guint old_end = fz_annotation_get_end (a);

      if (!_fz_annotation_attach (a, doc))
        lost++;
      else if (old_start != fz_annotation_get_start (a) || old_end != fz_annotation_get_end (a))
        moved = TRUE;
    }

  /* New offsets are worth saving, but they are no judgement: not logged. */
  if (moved)
    {
      self->serial++;
      g_signal_emit (self, signals[CHANGED], 0);
    }

  return lost;
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
_fz_review_record (FzReview   *self,
                   const char *what,
                   const char *old_value,
                   const char *new_value,
                   const char *why)
{
  record (self, what, old_value, new_value, why, FALSE);
}

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

gboolean
_fz_review_is_sha256 (const char *str)
{
  return is_sha256 (str);
}
