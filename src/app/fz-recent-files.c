/* fz-recent-files.c: the reports the window opened and the memos it wrote
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The welcome page lists the reports from here rather than from GTK's
 * recently-used list.  That list is shared by every program on the
 * desktop, trimmed by them, and it keeps the file chooser's own entries
 * (memos saved among them) beside ours, told apart only by a group that
 * GTK has been seen dropping.  The window still adds its reports there,
 * for the desktop's Recent view.
 *
 * The memos the window writes are remembered with their size and time of
 * writing, so a memo opened again is known for what it is, not checked
 * as a report; a file written over it later is a file like any other.
 */

#include "config.h"

#include "fz-recent-files.h"
#include "fz-object-util.h"

#define MAX_REPORTS 50
#define MAX_MEMOS   200

typedef struct
{
  char *uri;
  char *report_uri;  /* "" when not known */
  char *stamp;       /* size and modification time when written */
} Memo;

struct _FzRecentFiles
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *reports;  /* URIs, newest first */
  GPtrArray *memos;    /* Memo, newest first */
  gboolean   saving;
  gboolean   dirty;
};

G_DEFINE_FINAL_TYPE (FzRecentFiles, fz_recent_files, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
memo_free (Memo *memo)
{
  g_free (memo->uri);
  g_free (memo->report_uri);
  g_free (memo->stamp);
  g_free (memo);
}

/* What tells the file written apart from one put at its place since. */
static char *
file_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT ".%06u",
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC));
}

static void
fz_recent_files_load (FzRecentFiles *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_auto(GStrv) reports = NULL;
  g_auto(GStrv) memos = NULL;
  g_auto(GStrv) memo_reports = NULL;
  g_auto(GStrv) stamps = NULL;

  /* A missing or damaged file is an empty list, not an error to show. */
  if (!g_key_file_load_from_file (keys, self->path, G_KEY_FILE_NONE, NULL))
    return;

  reports = g_key_file_get_string_list (keys, "Reports", "Uris", NULL, NULL);
  for (guint i = 0; reports != NULL && reports[i] != NULL && i < MAX_REPORTS; i++)
    g_ptr_array_add (self->reports, g_strdup (reports[i]));

  memos = g_key_file_get_string_list (keys, "Memos", "Uris", NULL, NULL);
  memo_reports = g_key_file_get_string_list (keys, "Memos", "Reports", NULL, NULL);
  stamps = g_key_file_get_string_list (keys, "Memos", "Stamps", NULL, NULL);
  if (memos == NULL || memo_reports == NULL || stamps == NULL ||
      g_strv_length (memos) != g_strv_length (memo_reports) ||
      g_strv_length (memos) != g_strv_length (stamps))
    return;
  for (guint i = 0; memos[i] != NULL && i < MAX_MEMOS; i++)
    {
      Memo *memo = g_new0 (Memo, 1);

      memo->uri = g_strdup (memos[i]);
      memo->report_uri = g_strdup (memo_reports[i]);
      memo->stamp = g_strdup (stamps[i]);
      g_ptr_array_add (self->memos, memo);
    }
}

static void fz_recent_files_save (FzRecentFiles *self);

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(FzRecentFiles) self = data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_debug ("Could not save the recent files: %s", error->message);

  self->saving = FALSE;
  if (self->dirty)
    fz_recent_files_save (self);
}

/* Written off the main loop, one write at a time, the last state last. */
static void
fz_recent_files_save (FzRecentFiles *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GPtrArray) uris = g_ptr_array_new ();
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  g_autoptr(GPtrArray) stamps = g_ptr_array_new ();
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GBytes) bytes = NULL;
  char *data;
  gsize length;

  if (self->saving)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  g_key_file_set_string_list (keys, "Reports", "Uris",
                              (const char * const *) self->reports->pdata, self->reports->len);
  for (guint i = 0; i < self->memos->len; i++)
    {
      Memo *memo = g_ptr_array_index (self->memos, i);

      g_ptr_array_add (uris, memo->uri);
      g_ptr_array_add (reports, memo->report_uri);
      g_ptr_array_add (stamps, memo->stamp);
    }
  g_key_file_set_string_list (keys, "Memos", "Uris", (const char * const *) uris->pdata, uris->len);
  g_key_file_set_string_list (keys, "Memos", "Reports", (const char * const *) reports->pdata, reports->len);
  g_key_file_set_string_list (keys, "Memos", "Stamps", (const char * const *) stamps->pdata, stamps->len);

  data = g_key_file_to_data (keys, &length, NULL);
  bytes = g_bytes_new_take (data, length);
  g_file_make_directory_with_parents (dir, NULL, NULL);

  self->saving = TRUE;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       NULL, on_saved, g_object_ref (self));
}

static void
fz_recent_files_finalize (GObject *object)
{
  FzRecentFiles *self = FZ_RECENT_FILES (object);

  g_free (self->path);
  g_ptr_array_unref (self->reports);
  g_ptr_array_unref (self->memos);

  G_OBJECT_CLASS (fz_recent_files_parent_class)->finalize (object);
}

static void
fz_recent_files_class_init (FzRecentFilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_recent_files_finalize;

  signals[CHANGED] = fz_signal_new (klass, "changed", 0);
}

static void
fz_recent_files_init (FzRecentFiles *self)
{
  self->reports = g_ptr_array_new_with_free_func (g_free);
  self->memos = g_ptr_array_new_with_free_func ((GDestroyNotify) memo_free);
}

FzRecentFiles *
fz_recent_files_new (const char *path)
{
  FzRecentFiles *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FZ_TYPE_RECENT_FILES, NULL);
  self->path = g_strdup (path);
  fz_recent_files_load (self);

  return self;
}

FzRecentFiles *
fz_recent_files_get_default (void)
{
  static FzRecentFiles *recent;

  if (recent == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "fazhi-review", "recent-files", NULL);

      recent = fz_recent_files_new (path);
    }

  return recent;
}

static void
remove_uri (GPtrArray  *uris,
            const char *uri)
{
  for (guint i = uris->len; i > 0; i--)
    if (g_str_equal (g_ptr_array_index (uris, i - 1), uri))
      g_ptr_array_remove_index (uris, i - 1);
}

void
fz_recent_files_add_report (FzRecentFiles *self,
                            GFile         *report)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (FZ_IS_RECENT_FILES (self));
  g_return_if_fail (G_IS_FILE (report));

  uri = g_file_get_uri (report);
  remove_uri (self->reports, uri);
  g_ptr_array_insert (self->reports, 0, g_steal_pointer (&uri));
  if (self->reports->len > MAX_REPORTS)
    g_ptr_array_set_size (self->reports, MAX_REPORTS);

  fz_recent_files_save (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

GPtrArray *
fz_recent_files_dup_reports (FzRecentFiles *self,
                             guint          max)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (FZ_IS_RECENT_FILES (self), files);

  /* Only those still there: a row that fails on activation teaches the
   * reviewer to ignore the list.  And never a memo, should one have been
   * opened as a report before memos were known. */
  for (guint i = 0; i < self->reports->len && files->len < max; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (g_ptr_array_index (self->reports, i));

      if (g_file_query_exists (file, NULL) && !fz_recent_files_is_memo (self, file, NULL))
        g_ptr_array_add (files, g_steal_pointer (&file));
    }

  return files;
}

void
fz_recent_files_add_memo (FzRecentFiles *self,
                          GFile         *memo,
                          GFile         *report)
{
  g_autofree char *uri = NULL;
  g_autofree char *stamp = NULL;
  Memo *entry;

  g_return_if_fail (FZ_IS_RECENT_FILES (self));
  g_return_if_fail (G_IS_FILE (memo));
  g_return_if_fail (report == NULL || G_IS_FILE (report));

  if ((stamp = file_stamp (memo)) == NULL)
    return;

  uri = g_file_get_uri (memo);
  for (guint i = self->memos->len; i > 0; i--)
    if (g_str_equal (((Memo *) g_ptr_array_index (self->memos, i - 1))->uri, uri))
      g_ptr_array_remove_index (self->memos, i - 1);

  entry = g_new0 (Memo, 1);
  entry->uri = g_steal_pointer (&uri);
  entry->report_uri = report != NULL ? g_file_get_uri (report) : g_strdup ("");
  entry->stamp = g_steal_pointer (&stamp);
  g_ptr_array_insert (self->memos, 0, entry);
  if (self->memos->len > MAX_MEMOS)
    g_ptr_array_set_size (self->memos, MAX_MEMOS);

  /* A memo written over a report that was listed takes its place. */
  remove_uri (self->reports, entry->uri);

  fz_recent_files_save (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
fz_recent_files_is_memo (FzRecentFiles  *self,
                         GFile          *file,
                         GFile         **report)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (FZ_IS_RECENT_FILES (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (report != NULL)
    *report = NULL;

  uri = g_file_get_uri (file);
  for (guint i = 0; i < self->memos->len; i++)
    {
      Memo *memo = g_ptr_array_index (self->memos, i);
      g_autofree char *stamp = NULL;

      if (!g_str_equal (memo->uri, uri))
        continue;

      stamp = file_stamp (file);
      if (g_strcmp0 (stamp, memo->stamp) != 0)
        return FALSE;
      if (report != NULL && *memo->report_uri != '\0')
        *report = g_file_new_for_uri (memo->report_uri);
      return TRUE;
    }

  return FALSE;
}
