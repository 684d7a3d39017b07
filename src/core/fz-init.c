/* fz-init.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>

#include "fz-i18n.h"
#include "fz-resources.h"
#include "libfazhi.h"

/* The catalogs of the build tree that holds the running program, when it
 * runs uninstalled: a meson build folder (it has meson-private/) a few
 * levels above the executable, with the compiled catalogs in its po/.
 * Only the executable's own location is looked at, so an installed
 * program, far from any build folder, never finds one. */
static char *
build_tree_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe ? g_path_get_dirname (exe) : NULL;

  for (guint up = 0; dir != NULL && up < 4; up++)
    {
      g_autofree char *private = g_build_filename (dir, "meson-private", NULL);
      g_autofree char *po = g_build_filename (dir, "po", NULL);
      char *parent;

      if (g_file_test (private, G_FILE_TEST_IS_DIR))
        return g_file_test (po, G_FILE_TEST_IS_DIR) ? g_steal_pointer (&po) : NULL;
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        {
          g_free (parent);
          break;
        }
      g_free (dir);
      dir = parent;
    }
  return NULL;
}

const char *
fz_get_locale_dir (void)
{
  static gsize localedir;

  if (g_once_init_enter (&localedir))
    {
      const char *env = g_getenv ("FAZHI_LOCALEDIR");
      char *found = env != NULL && env[0] != '\0' ? g_strdup (env) : build_tree_locale_dir ();

      g_once_init_leave (&localedir, (gsize) (found != NULL ? found : g_strdup (LOCALEDIR)));
    }
  return (const char *) localedir;
}

void
fz_init (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      bindtextdomain (GETTEXT_PACKAGE, fz_get_locale_dir ());
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      fz_register_resource ();

      /* libxml2's global state must be set up before worker threads parse. */
      xmlInitParser ();

      g_once_init_leave (&once, 1);
    }
}
