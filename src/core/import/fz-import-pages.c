/* fz-import-pages.c: laid-out pages back into paragraphs
 *
 * PDF and OFD give text as positioned fragments: merged into lines, the
 * running headers, footers and page numbers dropped, and the lines joined
 * into paragraphs by their geometry.  Apart from the other importer
 * helpers (fz-import-util.c) because it is one algorithm with its own
 * measures, shared by the two layout formats only.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <string.h>

#include "fz-import-private.h"
#include "fz-regex.h"
#include "fz-text-util.h"

void
_fz_page_line_clear (gpointer line)
{
  g_free (((FzPageLine *) line)->text);
}

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  const FzPageLine *x = a, *y = b;
  double cx = (x->top + x->bottom) / 2, cy = (y->top + y->bottom) / 2;

  if (cx != cy)
    return cx < cy ? -1 : 1;
  return x->left < y->left ? -1 : x->left > y->left;
}

static int
compare_left (gconstpointer a,
              gconstpointer b)
{
  const FzPageLine *x = *(FzPageLine * const *) a, *y = *(FzPageLine * const *) b;

  return x->left < y->left ? -1 : x->left > y->left;
}

GArray *
_fz_page_lines_merge (GArray *fragments)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (FzPageLine));
  guint i = 0;

  g_array_set_clear_func (lines, _fz_page_line_clear);

  /* Fragments without text or geometry carry nothing to place. */
  for (guint k = fragments->len; k > 0; k--)
    {
      FzPageLine *f = &g_array_index (fragments, FzPageLine, k - 1);
      if (f->bottom <= f->top || f->text[0] == '\0')
        g_array_remove_index (fragments, k - 1);
    }
  g_array_sort (fragments, compare_top);

  while (i < fragments->len)
    {
      FzPageLine *first = &g_array_index (fragments, FzPageLine, i);
      g_autoptr(GPtrArray) row = g_ptr_array_new ();
      GString *text = g_string_new (NULL);
      FzPageLine line = { 0 };
      double em = first->bottom - first->top;
      guint j = i;

      /* Same line: the centre of one lies within the other's height. */
      while (j < fragments->len)
        {
          FzPageLine *f = &g_array_index (fragments, FzPageLine, j);
          double centre = (f->top + f->bottom) / 2;

          if (centre < first->top || centre > first->bottom)
            break;
          g_ptr_array_add (row, f);
          j++;
        }
      g_ptr_array_sort (row, compare_left);

      line.left = G_MAXDOUBLE;
      line.top = G_MAXDOUBLE;
      for (guint k = 0; k < row->len; k++)
        {
          FzPageLine *f = g_ptr_array_index (row, k);

          if (k > 0)
            {
              FzPageLine *prev = g_ptr_array_index (row, k - 1);
              double gap = f->left - prev->right;

              /* A wide gap keeps two or more spaces, which the normalizer
               * keeps between names signed side by side. */
              if (em > 0 && gap > 1.5 * em)
                {
                  for (int n = 0; n < CLAMP ((int) (gap / em), 2, 8); n++)
                    g_string_append_c (text, ' ');
                  line.wide_gaps++;
                }
              else if (gap > 0.2 * em)
                g_string_append_c (text, ' ');
            }
          g_string_append (text, f->text);
          line.page_width = MAX (line.page_width, f->page_width);
          line.left = MIN (line.left, f->left);
          line.right = MAX (line.right, f->right);
          line.top = MIN (line.top, f->top);
          line.bottom = MAX (line.bottom, f->bottom);
        }
      line.text = g_string_free (text, FALSE);
      g_array_append_val (lines, line);
      i = j;
    }

  g_array_unref (fragments);
  return lines;
}

/* Digits vary from page to page in a running footer ("第 3 页"), the rest
 * does not. */
static char *
running_key (const char *line)
{
  GString *key = g_string_new (NULL);

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || fz_unichar_is_space (c))
        continue;
      if (g_unichar_isdigit (c))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
          continue;
        }
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* Index of the @nth non-blank line from the top (@from_end FALSE) or the
 * bottom of @page, or -1. */
static int
nth_line (GArray   *page,
          guint     nth,
          gboolean  from_end)
{
  guint seen = 0;

  for (guint k = 0; k < page->len; k++)
    {
      guint i = from_end ? page->len - 1 - k : k;

      if (fz_text_is_blank (g_array_index (page, FzPageLine, i).text))
        continue;
      if (seen++ == nth)
        return (int) i;
    }
  return -1;
}

/* Marks running headers and footers by emptying their text. */
static void
drop_running_lines (GPtrArray *pages)
{
  /* A running header or footer stands in the first or last two lines of
   * most pages.  Two pages that start alike tell too little: a decision
   * and its stub, a letter and its annex both open with the document's
   * number, which is text. */
  if (pages->len < 3)
    return;

  for (guint pass = 0; pass < 4; pass++)
    {
      gboolean from_end = pass >= 2;
      guint nth = pass % 2;
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) index = g_array_new (FALSE, FALSE, sizeof (int));

      for (guint p = 0; p < pages->len; p++)
        {
          GArray *page = g_ptr_array_index (pages, p);
          int i = nth_line (page, nth, from_end);
          char *key = i >= 0 ? running_key (g_array_index (page, FzPageLine, i).text) : g_strdup ("");

          g_array_append_val (index, i);
          g_ptr_array_add (keys, key);
          if (key[0] != '\0')
            g_hash_table_insert (counts, g_strdup (key),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
        }

      for (guint p = 0; p < pages->len; p++)
        {
          GArray *page = g_ptr_array_index (pages, p);
          const char *key = g_ptr_array_index (keys, p);
          int i = g_array_index (index, int, p);

          /* Seen on more than half the pages, and short: a title or a
           * sentence would not repeat.  A page holding nothing else is
           * not headed by it: five pages of one line each are the text. */
          if (i >= 0 && key[0] != '\0' &&
              GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) * 2 > pages->len &&
              g_utf8_strlen (key, -1) <= 40 && nth_line (page, 1, FALSE) >= 0)
            g_array_index (page, FzPageLine, i).text[0] = '\0';
        }
    }
}

/* "— 3 —", "- 3 -", "第 3 页 共 9 页", "3/9": page numbers, which would
 * otherwise stand between the halves of a paragraph split by the page. */
static gboolean
is_page_furniture (const char *text)
{
  guint n = 0, digits = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || fz_unichar_is_space (c))
        continue;
      if (++n > 15)
        return FALSE;
      if (g_unichar_isdigit (c))
        digits++;
      else if (!g_utf8_strchr ("-—–－―~～第页共/／", -1, c))
        return FALSE;
    }
  return digits > 0;
}

void
_fz_append_joined (GString    *text,
                   const char *more)
{
  gunichar before, after;

  while (*more == ' ')
    more++;
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  if (text->len > 0 && *more != '\0')
    {
      before = g_utf8_get_char (g_utf8_find_prev_char (text->str, text->str + text->len));
      after = g_utf8_get_char (more);
      if (!fz_unichar_is_cjk (before) && !fz_unichar_is_cjk (after) &&
          !g_unichar_isspace (before) && before != '-')
        g_string_append_c (text, ' ');
    }
  g_string_append (text, more);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

typedef struct
{
  double left;     /* the text column's edges */
  double right;
  double pitch;    /* usual distance from one line's top to the next */
  double em;       /* usual line height, about one character */
} PageShape;

static PageShape
page_shape (GArray *page)
{
  g_autoptr(GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lefts = g_array_new (FALSE, FALSE, sizeof (double));
  PageShape shape = { G_MAXDOUBLE, 0, 0, 0 };
  const FzPageLine *prev = NULL;
  double page_width = 0;

  for (guint i = 0; i < page->len; i++)
    {
      const FzPageLine *l = &g_array_index (page, FzPageLine, i);
      double h = l->bottom - l->top;

      if (l->text[0] == '\0')
        continue;
      g_array_append_val (heights, h);
      g_array_append_val (lefts, l->left);
      page_width = MAX (page_width, l->page_width);
      shape.right = MAX (shape.right, l->right);
      if (prev != NULL && l->top > prev->top)
        {
          double d = l->top - prev->top;
          g_array_append_val (pitches, d);
        }
      prev = l;
    }

  shape.em = median (heights);
  shape.pitch = median (pitches);
  /* The leftmost edge that two lines share: a lone table cell or number
   * in the margin does not move the column, nor do indented first lines. */
  shape.left = lefts->len > 0 ? median (lefts) : 0;
  for (guint i = 0; i < lefts->len; i++)
    {
      double x = g_array_index (lefts, double, i);
      guint n = 0;

      for (guint k = 0; k < lefts->len && n < 2; k++)
        n += ABS (g_array_index (lefts, double, k) - x) < 1.0;
      if (n >= 2 && x < shape.left)
        shape.left = x;
    }

  /* A page of short lines (a short report, a list) never shows where the
   * column ends; margins are symmetric on office documents. */
  if (page_width > 0 && shape.left < page_width / 2 &&
      shape.right < page_width - shape.left - 2 * shape.em)
    shape.right = page_width - shape.left;

  return shape;
}

static gboolean
has_geometry (const FzPageLine *l)
{
  return l->bottom > l->top && l->right > l->left;
}

FZ_DEFINE_STATIC_REGEX (heading_start_regex,
              "^\\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
              "|[（(]\\d{1,2}[）)]|\\d{1,2}[、．.](?!\\d)|第[一二三四五六七八九十]{1,3}[章节部分])")

static gboolean
starts_heading (const char *text)
{
  return fz_regex_matches (heading_start_regex (), text, -1);
}

/* A numbered heading has no sentence inside it. */
static gboolean
has_clause_punct (const char *text)
{
  return g_utf8_strchr (text, -1, 0xFF0C) || g_utf8_strchr (text, -1, 0x3002) ||
         g_utf8_strchr (text, -1, 0xFF1B) || g_utf8_strchr (text, -1, 0xFF1A) ||
         strchr (text, ',') || strchr (text, ';');
}

/* Whether a paragraph ends after @l, @next being the line below it (on the
 * same page) or NULL at the page's end. */
static gboolean
ends_paragraph (const char       *para,
                const FzPageLine *l,
                const PageShape  *shape,
                const FzPageLine *next,
                const PageShape  *next_shape)
{
  double em = shape->em > 0 ? shape->em : 1;

  if (!has_geometry (l) || (next != NULL && !has_geometry (next)))
    return TRUE;
  /* A numbered heading below starts its own paragraph; one that filled
   * its line exactly ends there. */
  if (next != NULL && starts_heading (next->text))
    return TRUE;
  if (strcmp (para, l->text) == 0 && starts_heading (para) && !has_clause_punct (para))
    {
      gboolean next_short;

      if (next == NULL)
        return TRUE;
      /* Unless a short line follows that is no sentence: the heading's
       * own tail. */
      next_short = next->right < next_shape->right - 2.5 * (next_shape->em > 0 ? next_shape->em : 1);
      if (!next_short || fz_text_ends_sentence (next->text, strlen (next->text)))
        return TRUE;
    }
  /* Short: the line stops well before the column's right edge; a
   * sentence's end a little before it is enough. */
  if (l->right < shape->right - 2.5 * em)
    return TRUE;
  if (l->right < shape->right - 1.0 * em && fz_text_ends_sentence (l->text, strlen (l->text)))
    return TRUE;
  if (next == NULL)
    return FALSE;
  /* Indented: the next line starts a paragraph (2 characters in 公文). */
  if (next->left > next_shape->left + 1.2 * (next_shape->em > 0 ? next_shape->em : 1))
    return TRUE;
  /* A gap wider than the usual line pitch. */
  if (next_shape == shape && shape->pitch > 0 && next->top - l->top > 1.4 * shape->pitch)
    return TRUE;
  /* Centred or right-aligned lines (titles, signatures) stand alone; an
   * indented first line (two characters) does not count. */
  if (l->left > shape->left + 3 * em)
    return TRUE;
  return FALSE;
}

void
_fz_pages_to_lines (GPtrArray *pages,
                    GPtrArray *lines)
{
  g_autoptr(GString) para = g_string_new (NULL);
  g_autoptr(GArray) shapes = g_array_new (FALSE, FALSE, sizeof (PageShape));
  guint para_page = 0;
  guint para_lines = 0;
  gboolean para_cells = FALSE;

  drop_running_lines (pages);
  /* Page numbers stand at the top or the bottom of a page; a number
   * alone in the middle of one (a year, a sum in a form) is text. */
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *page = g_ptr_array_index (pages, p);
      int ends[] = { nth_line (page, 0, FALSE), nth_line (page, 0, TRUE) };

      for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
        if (ends[k] >= 0 && nth_line (page, 1, FALSE) >= 0 &&
            is_page_furniture (g_array_index (page, FzPageLine, ends[k]).text))
          g_array_index (page, FzPageLine, ends[k]).text[0] = '\0';
    }

  for (guint p = 0; p < pages->len; p++)
    {
      PageShape shape = page_shape (g_ptr_array_index (pages, p));
      g_array_append_val (shapes, shape);
    }

  for (guint p = 0; p < pages->len; p++)
    {
      GArray *page = g_ptr_array_index (pages, p);
      const PageShape *shape = &g_array_index (shapes, PageShape, p);

      for (guint i = 0; i < page->len; i++)
        {
          const FzPageLine *l = &g_array_index (page, FzPageLine, i);
          const FzPageLine *next = NULL;
          const PageShape *next_shape = shape;
          gboolean end;

          if (fz_text_is_blank (l->text))
            continue;

          for (guint k = i + 1; k < page->len && next == NULL; k++)
            if (!fz_text_is_blank (g_array_index (page, FzPageLine, k).text))
              next = &g_array_index (page, FzPageLine, k);
          /* The last line of a page runs on to the first of the next
           * unless the layout says otherwise. */
          for (guint q = p + 1; next == NULL && q < pages->len; q++)
            {
              GArray *np = g_ptr_array_index (pages, q);
              for (guint k = 0; k < np->len && next == NULL; k++)
                if (!fz_text_is_blank (g_array_index (np, FzPageLine, k).text))
                  {
                    next = &g_array_index (np, FzPageLine, k);
                    next_shape = &g_array_index (shapes, PageShape, q);
                  }
              if (next == NULL)
                break;
            }

          if (para->len == 0)
            {
              para_page = p + 1;
              para_lines = 0;
            }
          _fz_append_joined (para, l->text);
          para_lines++;
          para_cells = l->wide_gaps > 0;

          end = ends_paragraph (para->str, l, shape, next, next_shape) || para_cells;
          if (end || next == NULL)
            {
              /* A line of cells set apart is a table row: it stands alone,
               * as a .docx table row does. */
              _fz_lines_add (lines, para->str, para->len, para_page, TRUE)->stands_alone =
                para_lines == 1 && para_cells;
              g_string_truncate (para, 0);
            }
        }
    }

  if (para->len > 0)
    _fz_lines_add (lines, para->str, para->len, para_page, TRUE);
}
