/* main.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "libfazhi.h"
#include "fz-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FzApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");

  /* Uninstalled runs and the tests point this at the build tree. */
  localedir = g_getenv ("FAZHI_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  fz_init ();
  fz_application_use_renderer ();

  app = fz_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
