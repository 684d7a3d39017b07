/* fz-test-utils.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-test-utils.h"

FzDocument *
fz_test_import (GFile *file)
{
  g_autoptr(GError) error = NULL;
  FzDocument *doc = fz_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

FzDocument *
fz_test_import_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fz_test_import (file);
}

FzDocument *
fz_test_load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "reports", name, NULL);

  return fz_test_import_path (path);
}
