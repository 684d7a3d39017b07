/* desktop-mime-types.c: writes the desktop file's MimeType from the format table
 *
 *   desktop-mime-types IN OUT
 *
 * copies IN to OUT with @MIME_TYPES@ replaced by every MIME type of
 * src/core/import/fz-formats-table.c, each followed by ';'.  Built for
 * the build machine, so it uses the C library alone.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "fz-formats-table.h"

#define PLACEHOLDER "@MIME_TYPES@"

int
main (int   argc,
      char *argv[])
{
  char line[4096];
  FILE *in, *out;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s IN OUT\n", argv[0]);
      return 2;
    }
  if ((in = fopen (argv[1], "r")) == NULL || (out = fopen (argv[2], "w")) == NULL)
    {
      perror ("desktop-mime-types");
      return 1;
    }

  while (fgets (line, sizeof line, in) != NULL)
    {
      char *at = strstr (line, PLACEHOLDER);

      if (at == NULL)
        {
          fputs (line, out);
          continue;
        }

      fwrite (line, 1, at - line, out);
      for (unsigned int i = 0; i < fz_n_formats; i++)
        for (unsigned int k = 0; k < FZ_FORMAT_MAX_NAMES && fz_formats[i].mime_types[k] != NULL; k++)
          fprintf (out, "%s;", fz_formats[i].mime_types[k]);
      fputs (at + strlen (PLACEHOLDER), out);
    }

  if (ferror (in) || fclose (out) != 0)
    {
      perror ("desktop-mime-types");
      return 1;
    }
  fclose (in);

  return 0;
}
