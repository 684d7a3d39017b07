/* fz-review-json.c: a review as JSON and back
 *
 * The fazhi-review/1 format: every member written, and read back with
 * each one's type checked (a member of the wrong type makes the whole
 * file corrupt rather than half-read).  Apart from the files
 * (fz-review-file.c) because the format is one concern, where the review
 * is kept on disk another.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "fz-annotation-private.h"
#include "fz-i18n.h"
#include "fz-json-reader.h"
#include "fz-review-private.h"

/* Serialization. */

/* "memo": the 文号, the reworded paragraphs and the problem kinds the
 * reviewer put in or left out.  Optional on reading: reviews written
 * before the memo could be edited have none. */
static JsonObject *
memo_to_json (FzReview *self)
{
  JsonObject *memo = json_object_new ();
  JsonObject *paragraphs = json_object_new ();
  JsonObject *problems = json_object_new ();
  g_auto(GStrv) keys = fz_review_dup_paragraph_keys (self);
  g_auto(GStrv) kinds = fz_review_dup_problem_kinds (self);

  _fz_json_set_string_or_null (memo, "number", self->memo_number);
  for (guint i = 0; keys[i] != NULL; i++)
    json_object_set_string_member (paragraphs, keys[i], g_hash_table_lookup (self->paragraphs, keys[i]));
  json_object_set_object_member (memo, "paragraphs", paragraphs);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      gboolean in_memo = FALSE;

      fz_review_get_problem_choice (self, kinds[i], &in_memo);
      json_object_set_boolean_member (problems, kinds[i], in_memo);
    }
  json_object_set_object_member (memo, "problems", problems);
  /* Only when chosen, as a scoring member makes the file version 2. */
  if (self->memo_score)
    json_object_set_boolean_member (memo, "score", TRUE);

  return memo;
}

static void
memo_from_json (FzReview     *self,
                FzJsonReader *r,
                JsonObject   *o)
{
  JsonObject *memo, *paragraphs, *problems;

  if (!json_object_has_member (o, "memo"))
    return;
  if ((memo = _fz_json_reader_get_object (r, o, "memo")) == NULL)
    return;

  self->memo_number = g_strdup (_fz_json_reader_get_string (r, memo, "number", TRUE));
  paragraphs = _fz_json_reader_get_object (r, memo, "paragraphs");
  problems = _fz_json_reader_get_object (r, memo, "problems");
  if (json_object_has_member (memo, "score"))
    self->memo_score = _fz_json_reader_get_bool (r, memo, "score");
  if (r->failed)
    return;

  {
    g_autoptr(GList) keys = json_object_get_members (paragraphs);

    for (const GList *l = keys; l != NULL && !r->failed; l = l->next)
      {
        const char *text = _fz_json_reader_get_string (r, paragraphs, l->data, FALSE);

        if (text != NULL && *text != '\0')
          g_hash_table_replace (self->paragraphs, g_strdup (l->data), g_strdup (text));
      }
  }
  {
    g_autoptr(GList) kinds = json_object_get_members (problems);

    for (const GList *l = kinds; l != NULL && !r->failed; l = l->next)
      {
        gboolean in_memo = _fz_json_reader_get_bool (r, problems, l->data);

        if (!r->failed)
          g_hash_table_replace (self->problems, g_strdup (l->data), GINT_TO_POINTER (in_memo + 1));
      }
  }
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

  json_object_set_string_member (o, "format", FZ_REVIEW_FORMAT_NAME);
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
      const FzReviewDecision *d = g_hash_table_lookup (self->decisions, ids[i]);
      JsonObject *e = json_object_new ();

      json_object_set_string_member (e, "element", ids[i]);
      json_object_set_string_member (e, "status", fz_status_to_string (d->status));
      _fz_json_set_string_or_null (e, "reason", d->reason);
      _fz_json_set_time_or_null (e, "time", d->time);
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
      _fz_json_set_time_or_null (e, "created", fz_annotation_get_created (a));
      _fz_json_set_time_or_null (e, "modified", fz_annotation_get_modified (a));
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

      _fz_json_set_time_or_null (e, "time", c->time);
      json_object_set_string_member (e, "what", c->what);
      _fz_json_set_string_or_null (e, "old", c->old_value);
      _fz_json_set_string_or_null (e, "new", c->new_value);
      _fz_json_set_string_or_null (e, "why", c->why);
      json_array_add_object_element (log, e);
    }
  json_object_set_array_member (o, "log", g_steal_pointer (&log));
  json_object_set_object_member (o, "memo", memo_to_json (self));

  /* Filing and scoring are saved only when there is something to save,
   * and then as version 2, which an older program refuses to open (it
   * would drop them on its next save) but leaves alone. */
  if (_fz_review_score_to_json (self->filing, self->adjustments, o) || self->memo_score)
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
  if (g_strcmp0 (_fz_json_reader_get_string (&r, o, "format", TRUE), FZ_REVIEW_FORMAT_NAME) != 0)
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
  if (!_fz_review_is_sha256 (sha))
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
      FzReviewDecision *d;
      const char *id;
      FzStatus status;

      if (e == NULL)
        break;
      id = _fz_json_reader_get_string (&r, e, "element", FALSE);
      s = _fz_json_reader_get_string (&r, e, "status", FALSE);
      if (r.failed)
        break;
      if (!fz_status_from_string (s, &status) || !_fz_review_is_decision_status (status))
        {
          _fz_json_reader_fail_member (&r, "status");
          break;
        }
      d = g_new0 (FzReviewDecision, 1);
      d->status = status;
      d->reason = g_strdup (_fz_json_reader_get_string (&r, e, "reason", TRUE));
      d->time = _fz_json_reader_get_time (&r, e, "time", FALSE);
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
      created = _fz_json_reader_get_time (&r, e, "created", FALSE);
      modified = _fz_json_reader_get_time (&r, e, "modified", FALSE);
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

  memo_from_json (self, &r, o);
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
      c->time = _fz_json_reader_get_time (&r, e, "time", FALSE);
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
