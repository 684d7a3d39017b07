/* fz-cfb.c: the streams of an OLE compound file (.doc, .wps, Works)
 *
 * Legacy Office files are compound files: a little file system of
 * sectors, a FAT that chains them, and a directory of named streams.  The
 * importer only needs to know which streams there are and the first bytes
 * of one (Word's file header says whether the document is encrypted), so
 * this reads no more than that, every offset checked against the file.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <string.h>

#include "fz-import-private.h"

#define END_OF_CHAIN 0xFFFFFFFEu
#define MAX_CHAIN    (1u << 20)

typedef struct
{
  const guint8 *data;
  gsize         len;
  guint         sector_size;
  guint         mini_size;
  guint32       mini_cutoff;
  guint32       n_fat;
  guint32       first_dir;
  guint32       first_mini_fat;
  guint32       first_difat;
} Cfb;

static guint32
u32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint16
u16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static const guint8 *
sector (const Cfb *cfb,
        guint32    n)
{
  guint64 offset = ((guint64) n + 1) * cfb->sector_size;

  if (n >= 0xFFFFFFFAu || offset + cfb->sector_size > cfb->len)
    return NULL;
  return cfb->data + offset;
}

/* Sector @n's FAT entry: where its chain goes next. */
static guint32
fat_next (const Cfb *cfb,
          guint32    n)
{
  guint per = cfb->sector_size / 4;
  guint32 fat_index = n / per;
  guint32 fat_sector;
  const guint8 *s;

  /* The first 109 FAT sectors are listed in the header, the rest in the
   * DIFAT chain. */
  if (fat_index < 109)
    fat_sector = u32 (cfb->data + 0x4C + 4 * fat_index);
  else
    {
      guint32 d = cfb->first_difat, k = fat_index - 109;
      guint hops = 0;

      while (k >= per - 1)
        {
          if ((s = sector (cfb, d)) == NULL || ++hops > MAX_CHAIN)
            return END_OF_CHAIN;
          d = u32 (s + 4 * (per - 1));
          k -= per - 1;
        }
      if ((s = sector (cfb, d)) == NULL)
        return END_OF_CHAIN;
      fat_sector = u32 (s + 4 * k);
    }
  if ((s = sector (cfb, fat_sector)) == NULL)
    return END_OF_CHAIN;
  return u32 (s + 4 * (n % per));
}

/* The first @want bytes of the chain starting at @start, in sectors of
 * the file (@mini FALSE) or of the mini stream. */
static GBytes *
read_chain (const Cfb *cfb,
            guint32    start,
            gsize      want,
            gboolean   mini,
            guint32    mini_start)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint32 n = start;
  guint hops = 0;

  while (out->len < want && n != END_OF_CHAIN && hops++ < MAX_CHAIN)
    {
      const guint8 *s;
      guint size;

      if (!mini)
        {
          if ((s = sector (cfb, n)) == NULL)
            return NULL;
          size = cfb->sector_size;
          n = fat_next (cfb, n);
        }
      else
        {
          /* Mini sector @n lies in the mini stream, itself a chain of
           * ordinary sectors starting at the root entry's. */
          guint per = cfb->sector_size / cfb->mini_size;
          guint32 big = mini_start;
          guint64 mini_fat_entry = (guint64) n * 4;
          guint32 mf = cfb->first_mini_fat;
          const guint8 *fs;

          for (guint32 k = n / per; k > 0 && big != END_OF_CHAIN; k--)
            big = fat_next (cfb, big);
          if ((s = sector (cfb, big)) == NULL)
            return NULL;
          s += (n % per) * cfb->mini_size;
          size = cfb->mini_size;
          for (guint64 k = mini_fat_entry / cfb->sector_size; k > 0 && mf != END_OF_CHAIN; k--)
            mf = fat_next (cfb, mf);
          if ((fs = sector (cfb, mf)) == NULL)
            return NULL;
          n = u32 (fs + mini_fat_entry % cfb->sector_size);
        }
      g_byte_array_append (out, s, MIN (size, want - out->len));
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
cfb_open (Cfb          *cfb,
          const guint8 *data,
          gsize         len)
{
  guint shift, mini_shift;

  if (len < 512 || memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
    return FALSE;
  shift = u16 (data + 0x1E);
  mini_shift = u16 (data + 0x20);
  if ((shift != 9 && shift != 12) || mini_shift != 6)
    return FALSE;
  cfb->data = data;
  cfb->len = len;
  cfb->sector_size = 1u << shift;
  cfb->mini_size = 1u << mini_shift;
  cfb->n_fat = u32 (data + 0x2C);
  cfb->first_dir = u32 (data + 0x30);
  cfb->mini_cutoff = u32 (data + 0x38);
  cfb->first_mini_fat = u32 (data + 0x3C);
  cfb->first_difat = u32 (data + 0x44);
  return TRUE;
}

GBytes *
_fz_cfb_read_stream (GBytes     *file,
                     const char *name,
                     gsize       want)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (file, &len);
  Cfb cfb = { 0 };
  guint32 n, root_start = END_OF_CHAIN;
  guint hops = 0;

  if (!cfb_open (&cfb, data, len))
    return NULL;

  /* The directory is a chain of 128-byte entries; the first is the root,
   * whose start sector is the mini stream's. */
  for (n = cfb.first_dir; n != END_OF_CHAIN && hops++ < MAX_CHAIN; n = fat_next (&cfb, n))
    {
      const guint8 *s = sector (&cfb, n);

      if (s == NULL)
        return NULL;
      for (guint e = 0; e < cfb.sector_size / 128; e++)
        {
          const guint8 *entry = s + 128 * e;
          guint name_len = u16 (entry + 0x40);
          guint8 type = entry[0x42];
          g_autofree char *utf8 = NULL;
          guint32 start = u32 (entry + 0x74), size = u32 (entry + 0x78);

          if (type == 5)
            root_start = start;
          if (type != 2 || name_len < 2 || name_len > 64)
            continue;
          {
            gunichar2 units[32];

            for (guint k = 0; k < name_len / 2 - 1; k++)
              units[k] = u16 (entry + 2 * k);
            utf8 = g_utf16_to_utf8 (units, name_len / 2 - 1, NULL, NULL, NULL);
          }
          if (utf8 == NULL || strcmp (utf8, name) != 0)
            continue;
          return read_chain (&cfb, start, MIN (want, size), size < cfb.mini_cutoff, root_start);
        }
    }
  return NULL;
}
