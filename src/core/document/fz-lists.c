/* fz-lists.c: reading the word lists of data/lists
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-lists"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "fz-lists.h"
#include "fz-resources.h"

#define LISTS_RESOURCE_PATH "/io/github/fazhireview/FazhiReview/core/lists/"

static void
parse_list (const char     *data,
            gsize           len,
            FzListLineFunc  func,
            gpointer        user_data)
{
  const char *p = data, *end = data + len;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *line = NULL;

      if (eol == NULL)
        eol = end;

      line = g_strstrip (g_strndup (p, eol - p));
      if (line[0] != '\0' && line[0] != '#' && g_utf8_validate (line, -1, NULL))
        func (line, user_data);

      p = eol + 1;
    }
}

void
fz_lists_load (const char     *name,
               FzListLineFunc  func,
               gpointer        user_data)
{
  g_autofree char *resource_path = g_strconcat (LISTS_RESOURCE_PATH, name, NULL);
  g_autofree char *user_path = g_build_filename (g_get_user_config_dir (),
                                                 "fazhi-review", "lists", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  /* fz_get_resource() rather than the global registry: it also makes sure
   * the resource object is linked in from the static library. */
  bytes = g_resource_lookup_data (fz_get_resource (), resource_path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    parse_list (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), func, user_data);
  else
    g_critical ("Built-in list %s is missing: %s", name, error->message);

  /* The reviewer's own additions extend the built-in list. */
  if (g_file_get_contents (user_path, &contents, &len, NULL))
    parse_list (contents, len, func, user_data);
}
