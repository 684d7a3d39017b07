/* fz-test-import.h: helpers for the importer tests
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* A private folder for the test's files, removed with its files by
 * fz_test_import_run(). */
const char *fz_test_import_dir         (void);
/* Runs the tests (g_test_run()), then removes the test's folder; returns
 * what g_test_run() did. */
int         fz_test_import_run         (void);
char       *fz_test_tmp_path        (const char  *name);

/* Writes a zip of @entries (name, contents, …, NULL) to @path, with
 * libarchive. */
void        fz_test_write_zip_at       (const char  *path,
                                        const char * const *entries);
/* The same, to @name in the test's folder; returns its path. */
char       *fz_test_write_zip          (const char  *name,
                                        const char * const *entries);
/* Writes a zip of @entries to @name in the test's folder and imports it. */
FzDocument *fz_test_import_zip         (const char  *name,
                                        const char * const *entries,
                                        GError     **error);
/* Writes @data to @name in the test's folder and imports it. */
FzDocument *fz_test_import_data        (const char  *name,
                                        const char  *data,
                                        gsize        len,
                                        GError     **error);
FzDocument *fz_test_import_file_named  (const char  *name,
                                        GError     **error);

/* Index of the first paragraph containing @needle, or -1. */
int         fz_test_find_paragraph     (FzDocument  *doc,
                                        const char  *needle);
/* Paragraph @i's text, newly allocated. */
char       *fz_test_paragraph          (FzDocument  *doc,
                                        guint        i);
gboolean    fz_test_has_warning        (FzDocument  *doc,
                                        const char  *needle);
/* @text without any white space, for comparing what line joining may
 * space differently. */
char       *fz_test_without_spaces     (const char  *text);

G_END_DECLS
