/* fz-import-convert.c: .doc, Kingsoft .wps, Works and .rtf via LibreOffice
 *
 * These binary formats are read by LibreOffice far better than anything
 * small could, so the file is handed to `soffice --headless` in a private
 * folder with a private profile (a reviewer's open LibreOffice window is
 * not disturbed), converted to .docx and read by the docx importer.  The
 * converter is killed at its time limit or when opening is cancelled, and
 * the folder always goes.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fz-document-private.h"
#include "fz-file-util.h"
#include "fz-i18n.h"
#include "fz-import-private.h"

#define DEFAULT_TIMEOUT_SECONDS 90

typedef struct
{
  gboolean          done;
  gboolean          timed_out;
  FzImportProgress *progress;
  gint64            started;
  double            limit;
} Wait;

static void
wait_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  wait->done = TRUE;
}

static gboolean
wait_timeout (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* soffice is a script that starts oosplash that starts soffice.bin: in a
 * process group of its own, the whole chain can be stopped at once. */
static void
new_process_group (gpointer user_data)
{
  setsid ();
}

static void
kill_group (GSubprocess *proc)
{
  const char *id = g_subprocess_get_identifier (proc);
  gint64 pid;

  if (id != NULL && g_ascii_string_to_signed (id, 10, 2, G_MAXINT, &pid, NULL))
    kill (-(pid_t) pid, SIGKILL);
  g_subprocess_force_exit (proc);
}

/* Wakes the loop to look at the cancellable, and tells how long the
 * conversion has taken. */
static gboolean
tick_cb (gpointer user_data)
{
  Wait *wait = user_data;

  _fz_import_progress_update (wait->progress, FZ_IMPORT_STAGE_CONVERTING,
                              (g_get_monotonic_time () - wait->started) / (double) G_USEC_PER_SEC,
                              wait->limit);
  return G_SOURCE_CONTINUE;
}

/* FAZHI_CONVERT_TIMEOUT, in seconds (fractions allowed), for slow
 * machines and for tests. */
static double
timeout_seconds (void)
{
  const char *env = g_getenv ("FAZHI_CONVERT_TIMEOUT");
  double v;
  char *end = NULL;

  if (env != NULL)
    {
      v = g_ascii_strtod (env, &end);
      if (end != env && *end == '\0' && v >= 0.01 && v <= 3600)
        return v;
    }
  return DEFAULT_TIMEOUT_SECONDS;
}

/* Runs soffice on @input, converting into @outdir; FALSE with an error on
 * failure, timeout or cancellation. */
static gboolean
run_soffice (const char        *soffice,
             const char        *workdir,
             const char        *input,
             const char        *outdir,
             FzImportProgress  *progress,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timer = NULL;
  g_autoptr(GSource) tick = NULL;
  g_autoptr(GCancellable) wait_cancel = g_cancellable_new ();
  g_autofree char *profile_dir = g_build_filename (workdir, "profile", NULL);
  g_autofree char *profile = NULL;
  g_autofree char *env_arg = NULL;
  g_autoptr(GError) local_error = NULL;
  Wait wait = { 0 };

  profile = g_filename_to_uri (profile_dir, NULL, NULL);
  env_arg = g_strconcat ("-env:UserInstallation=", profile, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_cwd (launcher, workdir);
  g_subprocess_launcher_setenv (launcher, "HOME", workdir, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, new_process_group, NULL, NULL);
  proc = g_subprocess_launcher_spawn (launcher, &local_error,
                                      soffice, env_arg, "--headless", "--norestore",
                                      "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
                                      "--outdir", outdir, input, NULL);
  if (proc == NULL)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_MISSING_TOOL,
                   _("LibreOffice could not be started (%s). Install the package “libreoffice-writer”, or save the report as .docx and open that."),
                   local_error->message);
      return FALSE;
    }

  wait.progress = progress;
  wait.started = g_get_monotonic_time ();
  wait.limit = timeout_seconds ();
  _fz_import_progress_update (progress, FZ_IMPORT_STAGE_CONVERTING, 0, wait.limit);

  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (proc, wait_cancel, wait_done, &wait);
  timer = g_timeout_source_new ((guint) (timeout_seconds () * 1000));
  g_source_set_callback (timer, wait_timeout, &wait, NULL);
  g_source_attach (timer, context);

  /* A tick wakes the loop to look at @cancellable. */
  tick = g_timeout_source_new (100);
  g_source_set_callback (tick, tick_cb, &wait, NULL);
  g_source_attach (tick, context);

  while (!wait.done && !wait.timed_out && !g_cancellable_is_cancelled (cancellable))
    g_main_context_iteration (context, TRUE);

  if (!wait.done)
    {
      kill_group (proc);
      /* Reap it, so no zombie stays behind. */
      while (!wait.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timer);
  g_source_destroy (tick);
  g_main_context_pop_thread_default (context);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED,
                           _("Opening was cancelled."));
      return FALSE;
    }
  if (wait.timed_out)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TIMEOUT,
                   _("LibreOffice did not finish converting the file within %u seconds and was stopped. The file may be damaged; save it as .docx in Word or WPS and open that."),
                   (guint) MAX (1, timeout_seconds () + 0.5));
      return FALSE;
    }

  return TRUE;
}

FzDocument *
_fz_import_convert (GBytes            *bytes,
                    const char        *format,
                    const char        *display_name,
                    FzImportProgress  *progress,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autofree char *soffice = NULL;
  g_autofree char *workdir = NULL;
  g_autofree char *input = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *input_name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) converted = NULL;
  g_autoptr(GBytes) fixed = NULL;
  FzDocument *doc = NULL;
  const char *data;
  gsize len;

  soffice = g_find_program_in_path ("soffice");
  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice == NULL)
    {
      /* Installing a package does not reach into the Flatpak sandbox:
       * there, say what does work. */
      if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_MISSING_TOOL,
                             _("This Flatpak version of Fazhi Review cannot read .doc, .wps and .rtf files: there is no LibreOffice in its sandbox to convert them. Save the report as .docx in Word or WPS and open that, or install Fazhi Review from its .deb package, which uses the system’s LibreOffice."));
      else
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_MISSING_TOOL,
                             _("Reading .doc, .wps and .rtf files needs LibreOffice, which is not installed. Install the package “libreoffice-writer”, or save the report as .docx and open that."));
      return NULL;
    }

  workdir = g_dir_make_tmp ("fazhi-convert-XXXXXX", &local_error);
  if (workdir == NULL)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNREADABLE,
                   _("No temporary folder for the conversion could be made (%s)."),
                   local_error->message);
      return NULL;
    }

  /* The reviewer's file name never reaches the command line. */
  /* LibreOffice tells formats by content, helped by the extension. */
  input_name = g_strconcat ("report.", g_str_equal (format, "wordperfect") ? "wpd" :
                                       g_str_equal (format, "works") ? "wps" : format, NULL);
  input = g_build_filename (workdir, input_name, NULL);
  outdir = g_build_filename (workdir, "out", NULL);
  output = g_build_filename (outdir, "report.docx", NULL);
  data = g_bytes_get_data (bytes, &len);

  /* RTF that lost its "{\rtf1" header reads once it has it back. */
  if (g_str_equal (format, "rtf") && (len < 5 || memcmp (data, "{\\rtf", 5) != 0))
    {
      static const char header[] = "{\\rtf1\\ansi ";
      GByteArray *whole = g_byte_array_sized_new (len + sizeof header + 1);

      g_byte_array_append (whole, (const guint8 *) header, sizeof header - 1);
      g_byte_array_append (whole, (const guint8 *) data, len);
      g_byte_array_append (whole, (const guint8 *) "}", 1);
      fixed = g_byte_array_free_to_bytes (whole);
      data = g_bytes_get_data (fixed, &len);
    }

  if (g_mkdir (outdir, 0700) != 0 || !g_file_set_contents_full (input, data, len, G_FILE_SET_CONTENTS_NONE, 0600, &local_error))
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNREADABLE,
                   _("No temporary folder for the conversion could be made (%s)."),
                   local_error ? local_error->message : g_strerror (errno));
      fz_remove_tree (workdir);
      return NULL;
    }

  if (run_soffice (soffice, workdir, input, outdir, progress, cancellable, error))
    {
      _fz_import_progress_update (progress, FZ_IMPORT_STAGE_EXTRACTING, 0, 0);
      mapped = g_mapped_file_new (output, FALSE, NULL);
      if (mapped == NULL)
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                             _("LibreOffice could not convert the file: it is damaged, or in a format LibreOffice does not read either. Ask the sender for a .docx or a PDF."));
      else
        {
          converted = g_mapped_file_get_bytes (mapped);
          doc = _fz_import_docx (converted, display_name, cancellable, error);
          /* Report what was received, not the intermediate .docx. */
          if (doc != NULL)
            _fz_document_set_format (doc, format);
        }
    }

  g_clear_pointer (&converted, g_bytes_unref);
  g_clear_pointer (&mapped, g_mapped_file_unref);
  fz_remove_tree (workdir);

  return doc;
}
