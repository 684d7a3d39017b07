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

void
fz_init (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      /* Uninstalled builds point this at the build tree's catalogs. */
      const char *localedir = g_getenv ("FAZHI_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      fz_register_resource ();

      /* libxml2's global state must be set up before worker threads parse. */
      xmlInitParser ();

      g_once_init_leave (&once, 1);
    }
}
