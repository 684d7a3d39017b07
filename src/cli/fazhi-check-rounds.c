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
