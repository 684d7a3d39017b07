/* fz-zip.c: reading zip containers from outside without trusting them
 *
 * docx, odt and OFD are zip archives, and a zip can claim anything: ten
 * gigabytes of zeros in ten megabytes, a million entries, sizes in the
 * headers that are lies.  Entries are inflated in a stream and counted as
 * they come, so a bomb is refused after a few megabytes, in milliseconds,
 * whatever its headers say.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-zip"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include "fz-i18n.h"
#include "fz-import-private.h"

/* A report's XML is a few megabytes; these leave ample room. */
#define MAX_ENTRIES      4096
#define MAX_ENTRY_BYTES  (64 * 1024 * 1024)
#define MAX_TOTAL_BYTES  (96 * 1024 * 1024)
/* Office XML compresses 5–20×; zeros compress 1000×. */
#define MAX_RATIO        100
#define RATIO_SLACK      (1024 * 1024)
#define BLOCK            (64 * 1024)

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} Source;

static la_ssize_t
source_read (struct archive *a,
             void           *user_data,
             const void    **buffer)
{
  Source *s = user_data;
  gsize n = MIN (BLOCK, s->len - s->pos);

  *buffer = s->data + s->pos;
  s->pos += n;
  return n;
}

static la_int64_t
source_skip (struct archive *a,
             void           *user_data,
             la_int64_t      request)
{
  Source *s = user_data;
  gsize n = MIN ((gsize) MAX (request, 0), s->len - s->pos);

  s->pos += n;
  return n;
}

static la_int64_t
source_seek (struct archive *a,
             void           *user_data,
             la_int64_t      offset,
             int             whence)
{
  Source *s = user_data;
  gint64 base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (gint64) s->pos : (gint64) s->len;
  gint64 to = base + offset;

  if (to < 0 || to > (gint64) s->len)
    return ARCHIVE_FATAL;
  s->pos = to;
  return to;
}

static void
set_corrupt (struct archive  *a,
             GError         **error)
{
  /* libarchive's reason is for developers, in English: logged, not shown. */
  g_debug ("zip container unreadable: %s", archive_error_string (a) ? archive_error_string (a) : "no reason given");
  g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                       _("The file is damaged: its zip container cannot be read (it may have been cut short while copying or downloading). Ask the sender for a new copy."));
}

static struct archive *
open_zip (Source  *source,
          GError **error)
{
  struct archive *a = archive_read_new ();

  archive_read_support_format_zip (a);
  archive_read_set_read_callback (a, source_read);
  archive_read_set_skip_callback (a, source_skip);
  archive_read_set_seek_callback (a, source_seek);
  archive_read_set_callback_data (a, source);

  if (archive_read_open1 (a) != ARCHIVE_OK)
    {
      set_corrupt (a, error);
      archive_read_free (a);
      return NULL;
    }

  return a;
}

static void
set_bomb (GError **error)
{
  g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSAFE,
                       _("The file unpacks to far more data than any report holds (a “zip bomb”) and was not opened. Ask the sender for the original file."));
}

static void
set_too_many (GError **error)
{
  g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSAFE,
               _("The file’s zip container holds more than %d entries, far more than any report, and was not opened."),
               MAX_ENTRIES);
}

/* Moves @a to its next entry, counting it in *@n_entries.  FALSE at the
 * end of the archive, and FALSE with @error set when the archive is
 * damaged or holds more entries than any report: @error tells them apart. */
static gboolean
next_entry (struct archive        *a,
            struct archive_entry **entry,
            guint                 *n_entries,
            GError               **error)
{
  int r = archive_read_next_header (a, entry);

  if (r == ARCHIVE_EOF)
    return FALSE;
  if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
    {
      set_corrupt (a, error);
      return FALSE;
    }
  if (++*n_entries > MAX_ENTRIES)
    {
      set_too_many (error);
      return FALSE;
    }
  return TRUE;
}

GHashTable *
_fz_zip_read (GBytes        *zip,
              FzZipWant      want,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_bytes_unref);
  Source source = { 0 };
  struct archive *a;
  struct archive_entry *entry;
  guint n_entries = 0;
  gsize total = 0;
  GError *local_error = NULL;

  source.data = g_bytes_get_data (zip, &source.len);
  if ((a = open_zip (&source, error)) == NULL)
    return NULL;

  while (next_entry (a, &entry, &n_entries, &local_error))
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) buf = NULL;
      gsize consumed_at_start;
      char block[BLOCK];

      if (name == NULL || !want (name, user_data) ||
          g_hash_table_contains (entries, name))
        continue;

      if (_fz_import_check_cancelled (cancellable, error))
        {
          archive_read_free (a);
          return NULL;
        }

      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > MAX_ENTRY_BYTES)
        {
          archive_read_free (a);
          set_bomb (error);
          return NULL;
        }

      buf = g_byte_array_new ();
      consumed_at_start = source.pos;
      for (;;)
        {
          la_ssize_t n = archive_read_data (a, block, sizeof block);
          gsize consumed;

          if (n == 0)
            break;
          if (n < 0)
            {
              set_corrupt (a, error);
              archive_read_free (a);
              return NULL;
            }

          total += n;
          /* What the reader has taken from the archive since this entry
           * began; read-ahead makes it an overestimate, which errs on the
           * side of letting real files through. */
          consumed = source.pos >= consumed_at_start ? source.pos - consumed_at_start : 0;
          if (buf->len + n > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES ||
              buf->len + n > RATIO_SLACK + (gsize) MAX_RATIO * (consumed + BLOCK))
            {
              archive_read_free (a);
              set_bomb (error);
              return NULL;
            }
          g_byte_array_append (buf, (const guint8 *) block, n);
        }

      g_hash_table_insert (entries, g_strdup (name),
                           g_byte_array_free_to_bytes (g_steal_pointer (&buf)));
    }

  archive_read_free (a);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

char *
_fz_zip_entry_name (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || g_str_equal (segments[i], "."))
        continue;
      if (g_str_equal (segments[i], ".."))
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, segments[i]);
    }
  g_ptr_array_add (out, NULL);

  return g_strjoinv ("/", (char **) out->pdata);
}
