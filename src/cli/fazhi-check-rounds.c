/* fazhi-check-rounds.c: fazhi-check's report returned with comments, the
 * second round of a review and a unit across the years
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fazhi-check-rounds.h"

/* The saved review of the report in @file, or NULL when it has none (a
 * review store that cannot be read counts as none, and says so). */
static FzReview *
saved_review (GFile  *file,
              char  **warning)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = fz_review_hash_file (file, NULL, &error);
  g_autoptr(GFile) stored = NULL;
  FzReview *review;

  if (sha256 == NULL)
    return NULL;
  /* Read only: the checker never moves or rewrites the store's files. */
  stored = fz_review_get_store_file (sha256);
  if (!g_file_query_exists (stored, NULL))
    return NULL;
  if ((review = fz_review_new_from_file (stored, &error)) == NULL && warning != NULL)
    *warning = g_strdup (error->message);
  return review;
}

/* --return */

typedef struct
{
  char         *path;
  char         *report;
  GError       *error;
  char         *warning;
  FzReturnKind  kind;
  gboolean      docx_in;
  guint         n_remarks;
  guint         n_near;
} Returned;

struct _FzcReturns
{
  char       *pattern;
  char       *author;
  GHashTable *entries;            /* FzBatchEntry → Returned */
  GHashTable *paths;              /* path → NULL */
};

static void
returned_free (Returned *r)
{
  g_free (r->path);
  g_free (r->report);
  g_clear_error (&r->error);
  g_free (r->warning);
  g_free (r);
}

FzcReturns *
fzc_returns_new (const char *pattern,
                 const char *author)
{
  FzcReturns *self = g_new0 (FzcReturns, 1);

  self->pattern = g_strdup (pattern);
  self->author = g_strdup (author);
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) returned_free);
  self->paths = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
fzc_returns_free (FzcReturns *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->paths);
  g_hash_table_unref (self->entries);
  g_free (self->pattern);
  g_free (self->author);
  g_free (self);
}

gboolean
fzc_returns_add (FzcReturns    *self,
                 FzBatchEntry  *entry,
                 const char    *report_path,
                 gboolean       several,
                 GError       **error)
{
  g_autofree char *base = g_path_get_basename (report_path);
  g_autofree char *path = NULL;
  char *dot = strrchr (base, '.');
  Returned *r;

  /* A report named twice is returned once. */
  if (g_hash_table_contains (self->entries, entry))
    return TRUE;

  if (dot != NULL && dot != base)
    *dot = '\0';

  if (g_file_test (self->pattern, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_strconcat (base, ".docx", NULL);

      path = g_build_filename (self->pattern, name, NULL);
    }
  else if (strstr (self->pattern, "{name}") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (self->pattern, "{name}", -1);

      path = g_strjoinv (base, parts);
    }
  else if (several)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("with several reports, --return must be a folder or contain {name}"));
      return FALSE;
    }
  else
    path = g_strdup (self->pattern);

  if (!g_str_has_suffix (path, ".docx") && !g_str_has_suffix (path, ".DOCX"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--return must name a .docx file"));
      return FALSE;
    }

  {
    g_autoptr(GFile) out = g_file_new_for_commandline_arg (path);
    g_autoptr(GFile) in = g_file_new_for_commandline_arg (report_path);

    if (g_file_equal (out, in))
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("--return would write over the report “%s” itself; the original is never changed"),
                     report_path);
        return FALSE;
      }
  }

  if (g_hash_table_contains (self->paths, path))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("two reports would be returned in the same file “%s”"), path);
      return FALSE;
    }

  r = g_new0 (Returned, 1);
  r->path = g_steal_pointer (&path);
  r->report = g_strdup (report_path);
  g_hash_table_add (self->paths, r->path);
  g_hash_table_insert (self->entries, entry, r);
  return TRUE;
}

void
fzc_returns_write (FzcReturns   *self,
                   FzBatchEntry *entry,
                   FzAnalysis   *analysis)
{
  Returned *r = g_hash_table_lookup (self->entries, entry);
  g_autoptr(FzReview) review = NULL;
  g_autoptr(FzReturn) ret = NULL;
  g_autoptr(GFile) out = NULL;
  GFile *file = fz_batch_entry_get_file (entry);
  GPtrArray *remarks;

  if (r == NULL || analysis == NULL)
    return;

  review = saved_review (file, &r->warning);
  ret = fz_return_new (analysis, review);
  if (self->author != NULL && (review == NULL || fz_review_get_reviewer (review) == NULL ||
                               *fz_review_get_reviewer (review) == '\0'))
    fz_return_set_author (ret, self->author);

  out = g_file_new_for_commandline_arg (r->path);
  r->docx_in = g_strcmp0 (fz_document_get_format (fz_analysis_get_document (analysis)), "docx") == 0;
  if (!fz_return_export (ret, file, out, NULL, &r->kind, &r->error))
    return;

  remarks = fz_return_get_remarks (ret);
  r->n_remarks = remarks->len;
  for (guint i = 0; i < remarks->len; i++)
    if (((FzRemark *) g_ptr_array_index (remarks, i))->anchor != FZ_REMARK_ANCHOR_EXACT)
      r->n_near++;
}

gboolean
fzc_returns_report (FzcReturns *self)
{
  GHashTableIter iter;
  Returned *r;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &r))
    {
      if (r->warning != NULL)
        g_printerr ("fazhi-check: %s\n", r->warning);
      if (r->error != NULL)
        {
          g_printerr ("fazhi-check: %s\n", r->error->message);
          ok = FALSE;
          continue;
        }
      if (r->n_remarks == 0 && r->kind == FZ_RETURN_ORIGINAL)
        continue;
      if (r->docx_in && r->kind == FZ_RETURN_TEXT)
        {
          g_printerr ("fazhi-check: ");
          g_printerr (_("“%s” could not take comments in its own .docx; its text was returned as a new .docx with them"),
                      r->report);
          g_printerr ("\n");
        }
      if (r->n_near > 0)
        {
          g_printerr ("fazhi-check: ");
          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   "%s: %u comment could not be placed on its passage and stands at the start of its paragraph or of the report",
                                   "%s: %u comments could not be placed on their passages and stand at the start of their paragraph or of the report",
                                   r->n_near),
                      r->path, r->n_near);
          g_printerr ("\n");
        }
    }

  return ok;
}

/* --resubmission-of */

typedef struct
{
  FzRounds *model;                /* for the memo */
  char    *rounds;                /* the "rounds" array, serialised */
  char    *resubmission;          /* the "resubmission" object */
  GString *text;
} Round;

struct _FzcRounds
{
  char       *first_path;
  FzAnalysis *first;
  FzReview   *first_review;
  char       *warning;
  GMutex      mutex;
  GHashTable *entries;            /* FzBatchEntry → Round */
};

static void
round_free (Round *r)
{
  g_clear_object (&r->model);
  g_free (r->rounds);
  g_free (r->resubmission);
  if (r->text != NULL)
    g_string_free (r->text, TRUE);
  g_free (r);
}

FzcRounds *
fzc_rounds_new (const char  *first_path,
                FzRuleSet   *rules,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (first_path);
  g_autoptr(FzDocument) doc = fz_import_file (file, NULL, error);
  FzcRounds *self;

  if (doc == NULL)
    return NULL;

  self = g_new0 (FzcRounds, 1);
  self->first_path = g_strdup (first_path);
  self->first = fz_analysis_new (doc, rules);
  self->first_review = saved_review (file, &self->warning);
  if (self->first_review != NULL)
    fz_review_attach (self->first_review, doc);
  g_mutex_init (&self->mutex);
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) round_free);
  return self;
}

void
fzc_rounds_free (FzcRounds *self)
{
  if (self == NULL)
    return;
  g_free (self->first_path);
  g_clear_object (&self->first);
  g_clear_object (&self->first_review);
  g_free (self->warning);
  g_mutex_clear (&self->mutex);
  g_hash_table_unref (self->entries);
  g_free (self);
}

static const char *
state_mark (FzPointState state)
{
  switch (state)
    {
    case FZ_POINT_RESOLVED: return "✔";
    case FZ_POINT_OPEN:     return "✘";
    case FZ_POINT_CHANGED:
    default:                return "◐";
    }
}

static const char *
state_label (FzPointState state)
{
  switch (state)
    {
    case FZ_POINT_RESOLVED: return _("resolved");
    case FZ_POINT_OPEN:     return _("still open");
    case FZ_POINT_CHANGED:
    default:                return _("changed, have a look");
    }
}

void
fzc_rounds_compute (FzcRounds    *self,
                    FzBatchEntry *entry,
                    FzAnalysis   *analysis)
{
  g_autoptr(FzReview) second_review = NULL;
  g_autoptr(FzRounds) rounds = NULL;
  g_autoptr(JsonNode) array = NULL;
  g_auto(GStrv) memo = NULL;
  JsonObject *o;
  JsonArray *paragraphs;
  g_autoptr(JsonNode) node = NULL;
  Round *r;

  if (analysis == NULL)
    return;

  second_review = saved_review (fz_batch_entry_get_file (entry), NULL);
  rounds = fz_rounds_new (self->first, self->first_review, analysis, second_review);
  array = fz_rounds_to_json (rounds);
  memo = fz_rounds_dup_memo_paragraphs (rounds);

  r = g_new0 (Round, 1);
  r->model = g_object_ref (rounds);
  r->rounds = json_to_string (array, FALSE);

  o = json_object_new ();
  json_object_set_string_member (o, "first", self->first_path);
  json_object_set_boolean_member (o, "first_reviewed", self->first_review != NULL);
  json_object_set_int_member (o, "resolved", fz_rounds_count (rounds, FZ_POINT_RESOLVED));
  json_object_set_int_member (o, "open", fz_rounds_count (rounds, FZ_POINT_OPEN));
  json_object_set_int_member (o, "changed", fz_rounds_count (rounds, FZ_POINT_CHANGED));
  json_object_set_int_member (o, "confirmed", fz_rounds_get_n_confirmed (rounds));
  json_object_set_double_member (o, "similarity",
                                 ((int) (fz_comparison_get_similarity (fz_rounds_get_comparison (rounds)) * 1000 + 0.5)) / 1000.0);
  paragraphs = json_array_new ();
  for (guint i = 0; memo[i] != NULL; i++)
    json_array_add_string_element (paragraphs, memo[i]);
  json_object_set_array_member (o, "memo", paragraphs);
  node = json_node_init_object (json_node_alloc (), o);
  json_object_unref (o);
  r->resubmission = json_to_string (node, FALSE);

  r->text = g_string_new ("\n  ");
  g_string_append_printf (r->text, _("Resubmission of %s: %u resolved, %u still open, %u changed"),
                          self->first_path,
                          fz_rounds_count (rounds, FZ_POINT_RESOLVED),
                          fz_rounds_count (rounds, FZ_POINT_OPEN),
                          fz_rounds_count (rounds, FZ_POINT_CHANGED));
  g_string_append_c (r->text, '\n');
  if (self->first_review == NULL)
    {
      g_string_append (r->text, "  ");
      g_string_append (r->text, _("(the first version has no saved review: its points are the machine's)"));
      g_string_append_c (r->text, '\n');
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rounds)); i++)
    {
      g_autoptr(FzRoundPoint) point = g_list_model_get_item (G_LIST_MODEL (rounds), i);
      FzPointState state = fz_round_point_get_state (point);

      g_string_append_printf (r->text, "  %s %s%s: %s\n      %s\n", state_mark (state), state_label (state),
                              fz_round_point_get_confirmed (point) ? _(" (confirmed)") : "",
                              fz_round_point_get_text (point), fz_round_point_get_explanation (point));
    }
  for (guint i = 0; memo[i] != NULL; i++)
    g_string_append_printf (r->text, "  ¶ %s\n", memo[i]);

  g_mutex_lock (&self->mutex);
  g_hash_table_replace (self->entries, entry, r);
  g_mutex_unlock (&self->mutex);
}

void
fzc_rounds_append_json (FzcRounds    *self,
                        FzBatchEntry *entry,
                        GString      *out)
{
  Round *r = g_hash_table_lookup (self->entries, entry);

  if (r == NULL)
    return;
  g_string_append_printf (out, ",\"rounds\":%s,\"resubmission\":%s", r->rounds, r->resubmission);
}

void
fzc_rounds_print_text (FzcRounds    *self,
                       FzBatchEntry *entry,
                       GString      *out)
{
  Round *r = g_hash_table_lookup (self->entries, entry);

  if (self->warning != NULL)
    g_string_append_printf (out, "  ⚠ %s\n", self->warning);
  if (r != NULL)
    g_string_append (out, r->text->str);
}

/* --previous */

typedef struct
{
  FzHistory *model;               /* for the memo */
  char      *json;
  GString   *text;
  GPtrArray *findings;            /* FzFinding */
} Followed;

struct _FzcHistory
{
  GPtrArray  *previous;           /* FzBatchEntry */
  GHashTable *paths;              /* FzBatchEntry → its path as given */
  GHashTable *entries;            /* FzBatchEntry → Followed */
};

static void
followed_free (Followed *f)
{
  g_clear_object (&f->model);
  g_free (f->json);
  if (f->text != NULL)
    g_string_free (f->text, TRUE);
  g_clear_pointer (&f->findings, g_ptr_array_unref);
  g_free (f);
}

FzcHistory *
fzc_history_new (void)
{
  FzcHistory *self = g_new0 (FzcHistory, 1);

  self->previous = g_ptr_array_new_with_free_func (g_object_unref);
  self->paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) followed_free);
  return self;
}

void
fzc_history_free (FzcHistory *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->previous);
  g_hash_table_unref (self->paths);
  g_hash_table_unref (self->entries);
  g_free (self);
}

void
fzc_history_add_previous (FzcHistory   *self,
                          FzBatchEntry *entry,
                          const char   *path)
{
  if (g_hash_table_contains (self->paths, entry))
    return;
  g_ptr_array_add (self->previous, g_object_ref (entry));
  g_hash_table_insert (self->paths, entry, g_strdup (path));
}

static const char *
follow_mark (FzFollowUp follow_up)
{
  switch (follow_up)
    {
    case FZ_FOLLOW_DONE:
    case FZ_FOLLOW_ANSWERED:
      return "✔";
    case FZ_FOLLOW_MENTIONED:
      return "◐";
    case FZ_FOLLOW_UP:
      return "↑";
    case FZ_FOLLOW_DOWN:
      return "↓";
    case FZ_FOLLOW_SAME:
      return "=";
    case FZ_FOLLOW_NOT_MENTIONED:
    case FZ_FOLLOW_REPEATED:
    case FZ_FOLLOW_NOT_ANSWERED:
    default:
      return "✘";
    }
}

static void
print_items (GString    *out,
             const char *title,
             GListModel *model)
{
  if (g_list_model_get_n_items (model) == 0)
    return;
  g_string_append_printf (out, "    %s\n", title);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzHistoryItem) item = g_list_model_get_item (model, i);
      FzFollowUp follow = fz_history_item_get_follow_up (item);

      if (fz_history_item_get_kind (item) == FZ_HISTORY_FIGURE)
        g_string_append_printf (out, "    %s %s: %s → %s\n", follow_mark (follow),
                                fz_history_item_get_last_text (item),
                                fz_history_item_get_last_value (item), fz_history_item_get_current_value (item));
      else
        {
          g_string_append_printf (out, "    %s %s: %s\n", follow_mark (follow), fz_follow_up_to_chinese (follow),
                                  fz_history_item_get_last_text (item));
          if (fz_history_item_get_current_text (item) != NULL)
            g_string_append_printf (out, "        → %s\n", fz_history_item_get_current_text (item));
        }
    }
}

void
fzc_history_compute (FzcHistory   *self,
                     FzBatchEntry *entry)
{
  FzAnalysis *current = fz_batch_entry_get_analysis (entry);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(FzHistory) history = NULL;
  g_autoptr(FzReview) last_review = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *memo = NULL;
  FzBatchEntry *last;
  const char *path;
  Followed *f;
  int found;

  if (current == NULL || g_hash_table_contains (self->entries, entry))
    return;

  for (guint i = 0; i < self->previous->len; i++)
    g_ptr_array_add (candidates, fz_batch_entry_get_analysis (g_ptr_array_index (self->previous, i)));
  f = g_new0 (Followed, 1);
  g_hash_table_insert (self->entries, entry, f);
  if ((found = fz_history_find_previous (current, candidates)) < 0)
    return;

  last = g_ptr_array_index (self->previous, found);
  path = g_hash_table_lookup (self->paths, last);
  last_review = saved_review (fz_batch_entry_get_file (last), NULL);
  if (last_review != NULL)
    fz_review_attach (last_review, fz_analysis_get_document (fz_batch_entry_get_analysis (last)));
  history = fz_history_new (fz_batch_entry_get_analysis (last), last_review, current);
  f->model = g_object_ref (history);

  node = fz_history_to_json (history);
  json_object_set_string_member (json_node_get_object (node), "previous", path);
  f->json = json_to_string (node, FALSE);
  f->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
  for (guint i = 0; i < fz_history_get_findings (history)->len; i++)
    g_ptr_array_add (f->findings, fz_finding_copy (g_ptr_array_index (fz_history_get_findings (history), i)));
  /* They weigh in the grade and the score as the batch's own do. */
  fz_batch_entry_set_findings (entry, "history", f->findings);

  f->text = g_string_new ("\n  ");
  g_string_append_printf (f->text, _("Last year’s report: %s"), path);
  g_string_append_c (f->text, '\n');
  print_items (f->text, _("Plan followed up:"), fz_history_get_plan (history));
  print_items (f->text, _("Shortcomings written again:"), fz_history_get_shortcomings (history));
  if (last_review != NULL)
    print_items (f->text, _("Last year’s rectification requests:"), fz_history_get_requests (history));
  else
    g_string_append_printf (f->text, "    %s\n", _("(last year’s report has no saved review: its rectification requests are unknown)"));
  print_items (f->text, _("Key figures, last year → this year:"), fz_history_get_figures (history));
  memo = fz_history_dup_memo_paragraph (history);
  g_string_append_printf (f->text, "  ¶ %s\n", memo);
}

void
fzc_history_append_json (FzcHistory   *self,
                         FzBatchEntry *entry,
                         GString      *out)
{
  Followed *f = g_hash_table_lookup (self->entries, entry);

  g_string_append_printf (out, ",\"history\":%s", f != NULL && f->json != NULL ? f->json : "null");
}

void
fzc_history_print_text (FzcHistory   *self,
                        FzBatchEntry *entry,
                        GString      *out)
{
  Followed *f = g_hash_table_lookup (self->entries, entry);

  if (f != NULL && f->text != NULL)
    g_string_append (out, f->text->str);
  else
    {
      g_string_append (out, "\n  ");
      g_string_append (out, _("Last year’s report: none of the same unit among --previous"));
      g_string_append_c (out, '\n');
    }
}

GPtrArray *
fzc_history_get_findings (FzcHistory   *self,
                          FzBatchEntry *entry)
{
  Followed *f = g_hash_table_lookup (self->entries, entry);

  return f != NULL ? f->findings : NULL;
}

/* --memo */

FzMemo *
fzc_memo_new (FzBatchEntry *entry,
              FzAnalysis   *analysis,
              FzcRounds    *rounds,
              FzcHistory   *history,
              gboolean      with_score,
              gboolean      after_batch)
{
  g_autoptr(FzScore) score = with_score ? fz_batch_entry_dup_score (entry) : NULL;
  FzMemoOptions options = { 0 };
  Round *r = NULL;
  Followed *f = NULL;

  if (rounds != NULL)
    {
      g_mutex_lock (&rounds->mutex);
      r = g_hash_table_lookup (rounds->entries, entry);
      g_mutex_unlock (&rounds->mutex);
    }
  if (history != NULL)
    f = g_hash_table_lookup (history->entries, entry);

  /* The passages shared with other reports are known once all are read. */
  options.extra_findings = after_batch ? fz_batch_entry_get_copy_findings (entry) : NULL;
  options.score = score;
  options.with_score = score != NULL;
  options.rounds = r != NULL ? r->model : NULL;
  options.history = f != NULL ? f->model : NULL;

  return fz_memo_new_full (analysis, NULL, &options);
}
