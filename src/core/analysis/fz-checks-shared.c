/* fz-checks-shared.c: what every check calls on
 *
 * Adding a finding (with the rule it rests on, from the sources table
 * below), reading a threshold, the word lists, and counting and locating
 * text in the context fz-checks.c prepared.  The checks in fz-checks-*.c
 * use these and nothing of fz-checks.c, which only runs them.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <string.h>

#include "fz-check-registry.h"
#include "fz-checks-private.h"
#include "fz-i18n.h"
#include "fz-lists.h"
#include "fz-text-util.h"

/* Sources */

/* Where each rule comes from, as ../shared/docs/rules.md cites it; the
 * certainty there set the severity (only [V] rules are errors).  Names of
 * Chinese documents, so not translated. */
static const struct
{
  const char *id;
  const char *source;
} sources[] = {
  { "markup_residue",      "GB/T 9704-2012《党政机关公文格式》" },
  { "repeated_word",       "公文校对惯例" },
  { "punct_halfwidth",     "GB/T 15834-2011 §3" },
  { "punct_unbalanced",    "GB/T 15834-2011 §4（成对标号）" },
  { "latin_word",          "《国家通用语言文字法》；GB/T 9704-2012 §9" },
  { "traditional_char",    "《国家通用语言文字法》；《通用规范汉字表》" },
  { "booktitle_missing",   "GB/T 15834-2011 §4.15（书名号）" },
  { "word_usage",          "公文用字用词规范；本程序词表 word-usage.txt" },
  { "de_usage",            "现代汉语“的、地、得”的用法" },
  { "standard_name",       "法律、机构名称用全称或规范简称；本程序词表 standard-names.txt" },
  { "numbering",           "GB/T 9704-2012 §7.3.3" },
  { "addressee_direction", "《党政机关公文处理工作条例》（报告为上行文）；GB/T 9704-2012 §7.3.2" },
  { "missing_title",       "《党政机关公文处理工作条例》（公文要素）" },
  { "missing_addressee",   "《党政机关公文处理工作条例》（公文要素）" },
  { "missing_signature",   "《党政机关公文处理工作条例》（公文要素）；GB/T 9704-2012 §7.3.5" },
  { "missing_date",        "《党政机关公文处理工作条例》（公文要素）；GB/T 9704-2012 §7.3.5" },
  { "doc_number_format",   "GB/T 9704-2012 §7.2.5" },
  { "request_in_report",   "《党政机关公文处理工作条例》（报告不得夹带请示事项）" },
  { "title_format",        "《法治政府建设与责任落实督察工作规定》；《党政机关公文处理工作条例》（标题组成）" },
  { "cc_format",           "GB/T 9704-2012 §7.4.2" },
  { "date_format",         "GB/T 9704-2012 §7.3.5.4" },
  { "deadline",            "《法治政府建设年度报告工作指引》§四；本规则集的报送期限" },
  { "year_mismatch",       "《法治政府建设与责任落实督察工作规定》（年度报告内容）" },
  { "figure_sum",          "审查要点：报告数据准确一致" },
  { "figure_rate",         "审查要点：报告数据准确一致" },
  { "figure_conflict",     "审查要点：报告数据准确一致" },
  { "outline_coverage",    "《法治政府建设实施纲要（2021—2025年）》（中发〔2021〕33号）" },
  { "weak_problems",       "《法治政府建设与责任落实督察工作规定》（存在的不足和原因）" },
  { "no_causes",           "《法治政府建设与责任落实督察工作规定》（存在的不足和原因）" },
  { "few_figures",         "明天《法治政府建设报告制度实证研究》（2017）：运用事例少" },
  { "vague_plan",          "《法治政府建设与责任落实督察工作规定》（下一年度工作安排）" },
};

/* Findings about the report that do not come from its text: when it was
 * filed and published, as the review records, and what the published page
 * says (src/core/review: fz-filing.c, fz-published.c).  Listed here so
 * that a rule set can switch them off and a scoring table name them. */
static const struct
{
  const char *id;
  const char *source;
} outside[] = {
  { "filed_late",        "《法治政府建设年度报告工作指引》§四；本规则集的报送期限" },
  { "published_late",    "《法治政府建设与责任落实督察工作规定》第二十四条（每年4月1日之前向社会公开）" },
  { "published_differs", "《法治政府建设与责任落实督察工作规定》第二十四条（向社会公开年度报告）" },
};

static const char *
source_of (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (strcmp (sources[i].id, id) == 0)
      return sources[i].source;
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    if (strcmp (outside[i].id, id) == 0)
      return outside[i].source;

  return NULL;
}

const char *
fz_checks_get_source (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return source_of (id);
}

/* Thresholds */

double
_fz_check_param (FzCheckContext *ctx,
                 const char     *id,
                 const char     *param)
{
  double value = 0;

  if (ctx->rules != NULL)
    return fz_ruleset_get_check_param (ctx->rules, id, param);

  fz_check_registry_get_param (id, param, &value, NULL, NULL);
  return value;
}

/* Lists */

static void
add_repeated_word (const char *line,
                   gpointer    user_data)
{
  FzCheckLists *lists = user_data;

  g_hash_table_add (lists->repeated_words, g_strdup (line));
}

static void
add_latin_word (const char *line,
                gpointer    user_data)
{
  FzCheckLists *lists = user_data;

  g_hash_table_add (lists->latin_words, g_ascii_strup (line, -1));
}

/* Kept as UCS-4, the unit the checks work in; a name's first character
 * goes into a bitmap so that the scan looks at few places. */
static void
add_law_name (const char *line,
              gpointer    user_data)
{
  FzCheckLists *lists = user_data;
  glong n = 0;
  gunichar *name = g_utf8_to_ucs4_fast (line, -1, &n);

  if (n < 3 || name[0] >= 0x10000)
    {
      g_free (name);
      return;
    }

  g_ptr_array_add (lists->law_names, name);
  lists->law_first_bmp[name[0] / 8] |= 1 << (name[0] % 8);
  lists->law_pair_bmp[_fz_check_pair_hash (name[0], name[1]) / 8] |= 1 << (_fz_check_pair_hash (name[0], name[1]) % 8);
}

static int
compare_first_char (gconstpointer a,
                    gconstpointer b)
{
  gunichar ca = (*(const gunichar * const *) a)[0];
  gunichar cb = (*(const gunichar * const *) b)[0];

  return ca < cb ? -1 : ca > cb;
}

const FzCheckLists *
_fz_check_lists_get (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      FzCheckLists *lists = g_new0 (FzCheckLists, 1);

      lists->repeated_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lists->latin_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lists->law_names = g_ptr_array_new_with_free_func (g_free);

      fz_lists_load ("repeated-words.txt", add_repeated_word, lists);
      fz_lists_load ("latin-words.txt", add_latin_word, lists);
      fz_lists_load ("law-names.txt", add_law_name, lists);
      g_ptr_array_sort (lists->law_names, compare_first_char);

      g_once_init_leave (&once, (gsize) lists);
    }

  return (const FzCheckLists *) once;
}

/* Shared helpers */

gboolean
_fz_check_is_language_paragraph (FzParagraphKind kind)
{
  switch (kind)
    {
    case FZ_PARAGRAPH_TITLE:
    case FZ_PARAGRAPH_ADDRESSEE:
    case FZ_PARAGRAPH_BODY:
    case FZ_PARAGRAPH_HEADING:
    case FZ_PARAGRAPH_CLOSING:
    case FZ_PARAGRAPH_SIGNATURE:
      return TRUE;

    case FZ_PARAGRAPH_ISSUER_MARK:
    case FZ_PARAGRAPH_DOC_NUMBER:
    case FZ_PARAGRAPH_SIGNER:
    case FZ_PARAGRAPH_DATE:
    case FZ_PARAGRAPH_NOTE:
    case FZ_PARAGRAPH_CC:
    case FZ_PARAGRAPH_PRINTED:
    case FZ_PARAGRAPH_FURNITURE:
    default:
      return FALSE;
    }
}

/* Whether [@start, @end) touches a paragraph where traditional characters
 * were read as simplified. */
static gboolean
range_was_mapped (FzCheckContext *ctx,
                  guint           start,
                  guint           end)
{
  int first = fz_document_paragraph_at (ctx->document, start);
  int last = end > start ? fz_document_paragraph_at (ctx->document, end - 1) : first;

  if (first < 0 || last < 0)
    return TRUE;
  for (int p = first; p <= last; p++)
    if (ctx->mapped_paragraphs[p])
      return TRUE;

  return FALSE;
}

FzFinding *
_fz_check_report (FzCheckContext *ctx,
                  const char     *id,
                  FzSeverity      severity,
                  guint           start,
                  guint           end,
                  const char     *suggestion,
                  const char     *format,
                  ...)
{
  GString *message;
  const char *source;
  FzFinding *finding;
  va_list args;

  g_return_val_if_fail (start <= end && end <= ctx->n_chars, NULL);

  /* A report full of half-width commas has hundreds of findings: each is
   * built with as few copies as can be. */
  message = g_string_sized_new (128);
  va_start (args, format);
  g_string_append_vprintf (message, format, args);
  va_end (args);

  if ((source = source_of (id)) != NULL)
    {
      g_autofree char *body = g_string_free (message, FALSE);

      message = g_string_sized_new (strlen (body) + 64);
      /* TRANSLATORS: a finding's explanation and the rule it rests on */
      g_string_append_printf (message, _("%s (source: %s)"), body, source);
    }

  finding = g_new0 (FzFinding, 1);
  finding->id = g_strdup (id);
  finding->severity = severity;
  finding->start = start;
  finding->end = end;
  finding->message = g_string_free (message, FALSE);
  /* The characters as shown: a traditional copy is read simplified. */
  finding->text = ctx->mapped && range_was_mapped (ctx, start, end)
                  ? fz_document_dup_range (ctx->document, start, end)
                  : _fz_check_dup_chars (ctx, start, end);
  if (finding->text == NULL)
    finding->text = g_strdup ("");
  finding->suggestion = g_strdup (suggestion);
  g_ptr_array_add (ctx->findings, finding);

  return finding;
}

GPtrArray *
_fz_check_sections_for (FzCheckContext *ctx,
                        const char     *element)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < ctx->sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (ctx->sections, i);
      gboolean nested = FALSE;

      if (g_strcmp0 (s->element, element) != 0 || s->end > ctx->n_chars || s->start > s->end)
        continue;
      for (int p = s->parent; p >= 0 && !nested; p = ((FzSection *) g_ptr_array_index (ctx->sections, p))->parent)
        nested = g_strcmp0 (((FzSection *) g_ptr_array_index (ctx->sections, p))->element, element) == 0;
      if (!nested)
        g_ptr_array_add (out, (gpointer) s);
    }

  return out;
}

static guint
count_range (FzCheckContext *ctx,
             guint           start,
             guint           end)
{
  guint n = 0;

  for (guint i = start; i < end; i++)
    {
      gunichar c = ctx->chars[i];

      /* Han text has no spaces: test the rare case only when it may be one. */
      n += (ctx->mask[i] & FZ_CHECK_MASK_OUTSIDE) == 0 &&
           (c > 0x3000 || !fz_unichar_is_space (c));
    }

  return n;
}

char *
_fz_check_dup_chars (FzCheckContext *ctx,
                     guint           start,
                     guint           end)
{
  return g_ucs4_to_utf8 (ctx->chars + start, end - start, NULL, NULL, NULL);
}

/* Only language paragraphs hold text that counts; a paragraph wholly in
 * the range is counted once per run and remembered. */
guint
_fz_check_count_text (FzCheckContext *ctx,
                      guint           start,
                      guint           end)
{
  guint lo = 0, hi = ctx->n_paragraphs, n = 0;

  end = MIN (end, ctx->n_chars);
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (ctx->paragraphs[mid].paragraph->end <= start)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint p = lo; p < ctx->n_paragraphs; p++)
    {
      FzCheckParagraph *cp = &ctx->paragraphs[p];
      const FzParagraph *para = cp->paragraph;

      if (para->start >= end)
        break;
      if (para->start >= start && para->end <= end)
        {
          if (cp->n_text == G_MAXUINT)
            cp->n_text = count_range (ctx, para->start, para->end);
          n += cp->n_text;
        }
      else
        n += count_range (ctx, MAX (start, para->start), MIN (end, para->end));
    }

  return n;
}

void
_fz_check_cursor_init (FzCheckCursor     *cursor,
                       const FzParagraph *paragraph,
                       const char        *text)
{
  cursor->text = text;
  cursor->paragraph = paragraph;
  cursor->byte = 0;
  cursor->chr = paragraph->start;
}

guint
_fz_check_cursor_char (FzCheckCursor *cursor,
                       gsize          byte)
{
  if (byte < cursor->byte)
    _fz_check_cursor_init (cursor, cursor->paragraph, cursor->text);

  /* Characters are the bytes that are not UTF-8 continuation bytes. */
  for (; cursor->byte < byte; cursor->byte++)
    cursor->chr += ((guchar) cursor->text[cursor->byte] & 0xC0) != 0x80;

  return cursor->chr;
}
