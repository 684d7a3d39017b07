/* fz-return-export.c: "Return to Unit…" — the report sent back with the review in the margin
 *
 * The bureau sends the unit its own document back with the remarks as
 * Word comments.  The remarks are gathered here on the main thread, where
 * the review lives; reading the unit's file, checking it is still the one
 * the report was read from, and writing the copy run in a worker.  The
 * unit's file is only ever read.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fz-file-dialog.h"
#include "fz-return-export.h"

/* Characters of a suggested file name, the extension aside. */
#define MAX_NAME_CHARS 80

typedef struct
{
  GFile        *file;
  FzReturnKind  kind;
  char         *message;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_clear_object (&outcome->file);
  g_free (outcome->message);
  g_free (outcome);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Outcome, outcome_free)

/* The file name ---------------------------------------------------------- */

char *
fz_return_export_dup_file_name (FzReport *report)
{
  FzAnalysis *analysis;
  const FzMetadata *meta = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *cut = NULL;

  g_return_val_if_fail (FZ_IS_REPORT (report), NULL);

  if ((analysis = fz_report_get_analysis (report)) != NULL)
    meta = fz_analysis_get_metadata (analysis);

  if (meta != NULL && meta->title.value != NULL && *meta->title.value != '\0')
    {
      const char *issuer = meta->issuer.value;

      /* The title names the unit as a rule; when it does not, the
       * signature does. */
      if (issuer != NULL && *issuer != '\0' && strstr (meta->title.value, issuer) == NULL &&
          g_str_has_prefix (meta->title.value, "关于"))
        stem = g_strconcat (issuer, meta->title.value, NULL);
      else
        stem = g_strdup (meta->title.value);
    }
  else
    {
      char *dot;

      stem = g_strdup (fz_report_get_display_name (report));
      if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
        *dot = '\0';
    }

  /* Characters no file system takes, and no line breaks. */
  clean = g_strdelimit (g_strdup (stem), "/\\:*?\"<>|\n\r\t", '_');
  cut = g_utf8_substring (clean, 0, MIN (g_utf8_strlen (clean, -1), MAX_NAME_CHARS));

  /* Translators: the suggested name of a report returned to its unit; %s is its title */
  return g_strdup_printf (_("%s (returned with review comments).docx"), cut);
}

/* Writing ------------------------------------------------------------------ */

typedef struct
{
  FzReturn     *ret;
  GFile        *original;
  char         *sha256;
  char         *name;             /* the report's, for messages */
  gboolean      own_docx;         /* the unit's own .docx can take the comments */
  GFile        *destination;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->ret);
  g_clear_object (&data->original);
  g_free (data->sha256);
  g_free (data->name);
  g_clear_object (&data->destination);
  g_free (data);
}

static char *
success_message (GFile        *file,
                 FzReturnKind  kind,
                 GPtrArray    *remarks)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  guint n = remarks->len, near = 0;
  g_autofree char *first = NULL;

  for (guint i = 0; i < remarks->len; i++)
    if (((FzRemark *) g_ptr_array_index (remarks, i))->anchor != FZ_REMARK_ANCHOR_EXACT)
      near++;

  if (kind == FZ_RETURN_ORIGINAL)
    /* Translators: %s is the file written, %u how many comments it has */
    first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Returned as “%s” with %u comment",
                                          "Returned as “%s” with %u comments", n),
                             display, n);
  else
    /* Translators: the unit's document could not take comments (or was not a
     * .docx), so its text went into a new document; %s is its name */
    first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Returned as a new document “%s” with %u comment",
                                          "Returned as a new document “%s” with %u comments", n),
                             display, n);
  if (near == 0)
    return g_steal_pointer (&first);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u stands at the start of its paragraph",
                                       "%s; %u stand at the start of their paragraphs", near),
                          first, near);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Outcome) outcome = g_new0 (Outcome, 1);
  GError *error = NULL;

  /* Only a .docx comes back as itself; anything else as its text, which
   * the report already holds. */
  if (data->own_docx && data->original != NULL)
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *sha256 = NULL;

      if ((bytes = g_file_load_bytes (data->original, cancellable, NULL, &local)) == NULL)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_task_return_error (task, g_steal_pointer (&local));
          else
            g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                     /* Translators: %s is the report's file name, then why */
                                     _("The report “%s” could not be read again: %s"), data->name, local->message);
          return;
        }
      sha256 = fz_review_hash_bytes (bytes);
      if (data->sha256 != NULL && !g_str_equal (sha256, data->sha256))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                   _("The report “%s” has changed on disk since it was opened, so the comments would "
                                     "not stand on their passages. Open it again, then return it."),
                                   data->name);
          return;
        }
    }

  if (!fz_return_export_bytes (data->ret, data->original, bytes, data->destination, cancellable,
                               &outcome->kind, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  outcome->file = g_object_ref (data->destination);
  outcome->message = success_message (data->destination, outcome->kind, fz_return_get_remarks (data->ret));
  g_task_return_pointer (task, g_steal_pointer (&outcome), (GDestroyNotify) outcome_free);
}

void
fz_return_export_write_async (FzReport            *report,
                              GFile               *destination,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FzAnalysis *analysis;
  WriteData *data;

  g_return_if_fail (FZ_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_return_export_write_async);

  if ((analysis = fz_report_get_analysis (report)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The report is still being read. Return it once it is checked."));
      return;
    }

  data = g_new0 (WriteData, 1);
  data->ret = fz_return_new (analysis, fz_report_get_review (report));
  /* The remarks and their author are read here, where the review lives;
   * the worker only reads the copies. */
  fz_return_set_author (data->ret, fz_return_get_author (data->ret));
  fz_return_get_remarks (data->ret);
  data->original = g_object_ref (fz_report_get_file (report));
  data->sha256 = g_strdup (fz_report_get_sha256 (report));
  data->name = g_strdup (fz_report_get_display_name (report));
  data->own_docx = g_strcmp0 (fz_document_get_format (fz_analysis_get_document (analysis)), "docx") == 0;
  data->destination = g_object_ref (destination);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_in_thread);
}

GFile *
fz_return_export_write_finish (GAsyncResult  *result,
                               FzReturnKind  *kind,
                               char         **message,
                               GError       **error)
{
  g_autoptr(Outcome) outcome = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fz_return_export_write_async, NULL);

  if ((outcome = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return NULL;
  if (kind != NULL)
    *kind = outcome->kind;
  if (message != NULL)
    *message = g_steal_pointer (&outcome->message);
  return g_steal_pointer (&outcome->file);
}

/* Asking where ------------------------------------------------------------- */

/* "report" typed without an extension is "report.docx". */
static GFile *
with_docx_extension (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename != NULL ? g_utf8_strdown (basename, -1) : NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;

  if (lower == NULL || g_str_has_suffix (lower, ".docx") || (parent = g_file_get_parent (file)) == NULL)
    return g_object_ref (file);
  named = g_strconcat (basename, ".docx", NULL);
  return g_file_get_child (parent, named);
}

static void
on_chosen (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(GFile) chosen = fz_file_dialog_finish (result, &error);

  if (chosen == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, with_docx_extension (chosen), g_object_unref);
}

void
fz_return_export_choose (FzReport            *report,
                         GtkWindow           *parent,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GTask *task;

  g_return_if_fail (FZ_IS_REPORT (report));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_return_export_choose);

  chooser = gtk_file_chooser_native_new (_("Return to Unit"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Word Documents"));
  gtk_file_filter_add_pattern (filter, "*.docx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Beside the unit's report, under a name that is not the report's. */
  fz_file_dialog_start_beside (GTK_FILE_CHOOSER (chooser), fz_report_get_file (report));
  name = fz_return_export_dup_file_name (report);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  fz_file_dialog_run (chooser, cancellable, on_chosen, task);
}

GFile *
fz_return_export_choose_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fz_return_export_choose, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
