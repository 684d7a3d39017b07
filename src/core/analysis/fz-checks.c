/* fz-checks.c: form and language checks that produce findings
 *
 * Each check is a small function in one of the fz-checks-*.c files; this
 * file holds the table that runs them, the context they share and the word
 * lists.  The text is decoded to UCS-4 once per run so that every check
 * works in character offsets, the unit of every public offset.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <string.h>

#include "fz-checks-private.h"
#include "fz-figures.h"
#include "fz-i18n.h"
#include "fz-ruleset.h"
#include "fz-regex.h"
#include "fz-resources.h"
#include "fz-text-util.h"

#define LISTS_RESOURCE_PATH "/io/github/fazhireview/FazhiReview/core/lists/"

typedef struct
{
  const char  *ids[6];            /* the finding ids it reports */
  FzCheckFunc  func;
} FzCheck;

/* markup_residue comes first: it masks the code it reports, which the
 * punctuation and Latin checks must not report again. */
static const FzCheck checks[] = {
  { { "markup_residue" },       _fz_check_markup_residue },
  { { "repeated_word" },        _fz_check_repeated_word },
  { { "punct_halfwidth" },      _fz_check_punct_halfwidth },
  { { "punct_unbalanced" },     _fz_check_punct_unbalanced },
  { { "latin_word" },           _fz_check_latin_word },
  { { "traditional_char" },     _fz_check_traditional_char },
  { { "booktitle_missing" },    _fz_check_booktitle_missing },
  { { "numbering" },            _fz_check_numbering },
  { { "addressee_direction" },  _fz_check_addressee_direction },
  { { "missing_title", "missing_addressee", "missing_signature", "missing_date" },
                                _fz_check_missing_parts },
  { { "doc_number_format" },    _fz_check_doc_number_format },
  { { "request_in_report" },    _fz_check_request_in_report },
  { { "title_format" },         _fz_check_title_format },
  { { "cc_format" },            _fz_check_cc_format },
  { { "date_format" },          _fz_check_date_format },
  { { "deadline" },             _fz_check_deadline },
  { { "year_mismatch" },        _fz_check_year_mismatch },
  { { "figure_sum" },           _fz_check_figure_sum },
  { { "figure_rate" },          _fz_check_figure_rate },
  { { "figure_conflict" },      _fz_check_figure_conflict },
  { { "outline_coverage" },     _fz_check_outline_coverage },
  { { "weak_problems" },        _fz_check_weak_problems },
  { { "no_causes" },            _fz_check_no_causes },
  { { "few_figures" },          _fz_check_few_figures },
  { { "vague_plan" },           _fz_check_vague_plan },
};

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

/* The thresholds a rule set may tune with <check id="…" name="value"/>. */
static const struct
{
  const char *id;
  const char *param;
  double      value;
  double      min;
  double      max;
} params[] = {
  { "weak_problems",    "min-share",    5,   0, 100 },     /* % of the body */
  { "weak_problems",    "min-chars",    150, 0, 100000 },
  { "few_figures",      "min-per-1000", 3,   0, 1000 },
  { "few_figures",      "min-chars",    300, 0, 100000 },  /* shorter achievements are not judged */
  { "figure_conflict",  "min-key",      4,   2, 20 },      /* characters naming the quantity */
  { "outline_coverage", "min-hits",     2,   1, 1000 },
};

char **
fz_checks_list_ids (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    for (guint k = 0; k < G_N_ELEMENTS (checks[i].ids) && checks[i].ids[k] != NULL; k++)
      g_strv_builder_add (builder, checks[i].ids[k]);
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    g_strv_builder_add (builder, outside[i].id);

  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ids;
}

gboolean
fz_checks_is_known (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    for (guint k = 0; k < G_N_ELEMENTS (checks[i].ids) && checks[i].ids[k] != NULL; k++)
      if (strcmp (checks[i].ids[k], id) == 0)
        return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    if (strcmp (outside[i].id, id) == 0)
      return TRUE;

  return FALSE;
}

gboolean
fz_checks_get_param (const char *id,
                     const char *param,
                     double     *value,
                     double     *min,
                     double     *max)
{
  g_return_val_if_fail (id != NULL && param != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (strcmp (params[i].id, id) == 0 && strcmp (params[i].param, param) == 0)
      {
        if (value != NULL)
          *value = params[i].value;
        if (min != NULL)
          *min = params[i].min;
        if (max != NULL)
          *max = params[i].max;
        return TRUE;
      }

  return FALSE;
}

double
_fz_check_param (FzCheckContext *ctx,
                 const char     *id,
                 const char     *param)
{
  double value = 0;

  if (ctx->rules != NULL)
    return fz_ruleset_get_check_param (ctx->rules, id, param);

  fz_checks_get_param (id, param, &value, NULL, NULL);
  return value;
}

static gboolean
is_enabled (FzCheckContext *ctx,
            const char     *id)
{
  return ctx->rules == NULL || fz_ruleset_get_check_enabled (ctx->rules, id);
}

/* Lists */

typedef void (*ListLineFunc) (FzCheckLists *lists,
                              const char   *line);

static void
parse_list (FzCheckLists *lists,
            const char   *data,
            gsize         len,
            ListLineFunc  func)
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
        func (lists, line);

      p = eol + 1;
    }
}

static void
load_list (FzCheckLists *lists,
           const char   *name,
           ListLineFunc  func)
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
    parse_list (lists, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), func);
  else
    g_critical ("Built-in list %s is missing: %s", name, error->message);

  /* The reviewer's own additions extend the built-in list. */
  if (g_file_get_contents (user_path, &contents, &len, NULL))
    parse_list (lists, contents, len, func);
}

static void
add_repeated_word (FzCheckLists *lists,
                   const char   *line)
{
  g_hash_table_add (lists->repeated_words, g_strdup (line));
}

static void
add_latin_word (FzCheckLists *lists,
                const char   *line)
{
  g_hash_table_add (lists->latin_words, g_ascii_strup (line, -1));
}

/* "爲 为": the traditional character, white space, the simplified form. */
static void
add_traditional (FzCheckLists *lists,
                 const char   *line)
{
  gunichar trad = g_utf8_get_char (line);
  const char *rest = g_utf8_next_char (line);
  g_autofree char *simplified = NULL;

  simplified = g_strstrip (g_strdup (rest));
  if (simplified[0] == '\0' || trad == 0)
    return;

  g_hash_table_replace (lists->traditional, GUINT_TO_POINTER (trad), g_steal_pointer (&simplified));
  if (trad < 0x10000)
    lists->traditional_bmp[trad / 8] |= 1 << (trad % 8);
}

/* Kept as UCS-4, the unit the checks work in; a name's first character
 * goes into a bitmap so that the scan looks at few places. */
static void
add_law_name (FzCheckLists *lists,
              const char   *line)
{
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
      lists->traditional = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      lists->law_names = g_ptr_array_new_with_free_func (g_free);

      load_list (lists, "repeated-words.txt", add_repeated_word);
      load_list (lists, "latin-words.txt", add_latin_word);
      load_list (lists, "traditional-chars.txt", add_traditional);
      load_list (lists, "law-names.txt", add_law_name);
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
    default:
      return FALSE;
    }
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
  finding->text = g_ucs4_to_utf8 (ctx->chars + start, end - start, NULL, NULL, NULL);
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

static void
read_marker (FzCheckContext  *ctx,
             const FzSection *section,
             FzCheckMarker   *out)
{
  const FzParagraph *para;
  const char *text;
  gsize len, lead = 0, stop;

  out->valid = FALSE;
  if (section->paragraph >= fz_document_get_n_paragraphs (ctx->document))
    return;

  para = fz_document_get_paragraph (ctx->document, section->paragraph);
  text = fz_document_get_paragraph_text (ctx->document, section->paragraph, &len);
  if (!fz_heading_marker_parse (text, len, &out->marker))
    return;

  /* The parser steps over "**" and "#" residue; the marker proper starts
   * after them and ends before the spaces the parser counts in. */
  while (lead < out->marker.marker_bytes && (text[lead] == '*' || text[lead] == '#' || text[lead] == ' '))
    lead++;
  stop = out->marker.marker_bytes;
  while (stop > lead && text[stop - 1] == ' ')
    stop--;

  /* All of the lead is ASCII, so its bytes are its characters. */
  out->start = para->start + lead;
  out->end = para->start + g_utf8_strlen (text, stop);
  out->valid = TRUE;
}

/* The mask */

FZ_DEFINE_STATIC_REGEX (url_regex,
      "(?:https?|ftp)://[A-Za-z0-9\\-._~:/?#@!$&*+=%]+"
      "|www\\.[A-Za-z0-9\\-.]+(?:/[A-Za-z0-9\\-._~/?#@!$&*+=%]*)?"
      "|[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+"
      "|(?<![A-Za-z0-9\\-.])[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.(?:cn|com|net|org|gov|edu)(?![A-Za-z0-9])(?:/[A-Za-z0-9\\-._~/?#@!$&*+=%]*)?")

static void
mark_urls (FzCheckContext    *ctx,
           const FzParagraph *para,
           const char        *text,
           gsize              len)
{
  FzCheckCursor cursor;
  gsize from = 0;
  gssize s, e;

  _fz_check_cursor_init (&cursor, para, text);
  while (fz_regex_search (url_regex (), text, len, from, &s, &e) && e > s)
    {
      guint cs = _fz_check_cursor_char (&cursor, s);
      guint ce = _fz_check_cursor_char (&cursor, e);

      for (guint i = cs; i < ce; i++)
        ctx->mask[i] |= FZ_CHECK_MASK_URL;
      from = e;
    }
}

/* Which FzCheckContent an ASCII character adds. */
static const guint8 ascii_content[128] = {
  [','] = FZ_CHECK_HAS_ASCII_PUNCT, [';'] = FZ_CHECK_HAS_ASCII_PUNCT,
  [':'] = FZ_CHECK_HAS_ASCII_PUNCT, ['!'] = FZ_CHECK_HAS_ASCII_PUNCT,
  ['?'] = FZ_CHECK_HAS_ASCII_PUNCT, ['('] = FZ_CHECK_HAS_ASCII_PUNCT,
  [')'] = FZ_CHECK_HAS_ASCII_PUNCT, ['"'] = FZ_CHECK_HAS_ASCII_PUNCT,
  ['\''] = FZ_CHECK_HAS_ASCII_PUNCT, ['.'] = FZ_CHECK_HAS_ASCII_PUNCT,
  ['*'] = FZ_CHECK_HAS_MARKUP, ['_'] = FZ_CHECK_HAS_MARKUP, ['#'] = FZ_CHECK_HAS_MARKUP,
  ['['] = FZ_CHECK_HAS_MARKUP, ['`'] = FZ_CHECK_HAS_MARKUP, ['<'] = FZ_CHECK_HAS_MARKUP,
  ['&'] = FZ_CHECK_HAS_MARKUP,
  ['A'] = FZ_CHECK_HAS_LATIN, ['B'] = FZ_CHECK_HAS_LATIN, ['C'] = FZ_CHECK_HAS_LATIN,
  ['D'] = FZ_CHECK_HAS_LATIN, ['E'] = FZ_CHECK_HAS_LATIN, ['F'] = FZ_CHECK_HAS_LATIN,
  ['G'] = FZ_CHECK_HAS_LATIN, ['H'] = FZ_CHECK_HAS_LATIN, ['I'] = FZ_CHECK_HAS_LATIN,
  ['J'] = FZ_CHECK_HAS_LATIN, ['K'] = FZ_CHECK_HAS_LATIN, ['L'] = FZ_CHECK_HAS_LATIN,
  ['M'] = FZ_CHECK_HAS_LATIN, ['N'] = FZ_CHECK_HAS_LATIN, ['O'] = FZ_CHECK_HAS_LATIN,
  ['P'] = FZ_CHECK_HAS_LATIN, ['Q'] = FZ_CHECK_HAS_LATIN, ['R'] = FZ_CHECK_HAS_LATIN,
  ['S'] = FZ_CHECK_HAS_LATIN, ['T'] = FZ_CHECK_HAS_LATIN, ['U'] = FZ_CHECK_HAS_LATIN,
  ['V'] = FZ_CHECK_HAS_LATIN, ['W'] = FZ_CHECK_HAS_LATIN, ['X'] = FZ_CHECK_HAS_LATIN,
  ['Y'] = FZ_CHECK_HAS_LATIN, ['Z'] = FZ_CHECK_HAS_LATIN,
  ['a'] = FZ_CHECK_HAS_LATIN, ['b'] = FZ_CHECK_HAS_LATIN, ['c'] = FZ_CHECK_HAS_LATIN,
  ['d'] = FZ_CHECK_HAS_LATIN, ['e'] = FZ_CHECK_HAS_LATIN, ['f'] = FZ_CHECK_HAS_LATIN,
  ['g'] = FZ_CHECK_HAS_LATIN, ['h'] = FZ_CHECK_HAS_LATIN, ['i'] = FZ_CHECK_HAS_LATIN,
  ['j'] = FZ_CHECK_HAS_LATIN, ['k'] = FZ_CHECK_HAS_LATIN, ['l'] = FZ_CHECK_HAS_LATIN,
  ['m'] = FZ_CHECK_HAS_LATIN, ['n'] = FZ_CHECK_HAS_LATIN, ['o'] = FZ_CHECK_HAS_LATIN,
  ['p'] = FZ_CHECK_HAS_LATIN, ['q'] = FZ_CHECK_HAS_LATIN, ['r'] = FZ_CHECK_HAS_LATIN,
  ['s'] = FZ_CHECK_HAS_LATIN, ['t'] = FZ_CHECK_HAS_LATIN, ['u'] = FZ_CHECK_HAS_LATIN,
  ['v'] = FZ_CHECK_HAS_LATIN, ['w'] = FZ_CHECK_HAS_LATIN, ['x'] = FZ_CHECK_HAS_LATIN,
  ['y'] = FZ_CHECK_HAS_LATIN, ['z'] = FZ_CHECK_HAS_LATIN,
};

/* Decodes [@p, @end) into @out and notes what it holds.  The normalizer
 * guarantees valid UTF-8, so there is no validation here: this loop and the
 * repeated-word scan are the only passes over every character. */
static FzCheckContent
decode_paragraph (const FzCheckLists *lists,
                  const guchar       *p,
                  const guchar       *end,
                  gunichar           *out)
{
  FzCheckContent content = 0;

  while (p < end)
    {
      gunichar c = *p;

      if (c < 0x80)
        {
          content |= ascii_content[c];
          p++;
        }
      else
        {
          if (c < 0xE0)
            {
              c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
              p += 2;
            }
          else if (c < 0xF0)
            {
              c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
              p += 3;
            }
          else
            {
              c = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
              p += 4;
            }

          if (c >= 0x3400)
            {
              if ((content & FZ_CHECK_HAS_HAN) == 0 && fz_unichar_is_han (c))
                content |= FZ_CHECK_HAS_HAN;
              if (c < 0x10000
                  ? (lists->traditional_bmp[c / 8] & (1 << (c % 8))) != 0
                  : g_hash_table_contains (lists->traditional, GUINT_TO_POINTER (c)))
                content |= FZ_CHECK_HAS_TRADITIONAL;
            }
        }

      *out++ = c;
    }

  return content;
}

static void
prepare (FzCheckContext *ctx)
{
  const FzCheckLists *lists = _fz_check_lists_get ();
  const char *text = fz_document_get_text (ctx->document);
  guint n = fz_document_get_n_paragraphs (ctx->document);

  ctx->paragraphs = g_new (FzCheckParagraph, MAX (n, 1));
  ctx->n_paragraphs = 0;

  /* Everything starts outside; language paragraphs are cleared below,
   * which leaves the '\n' separators and the closing parts outside. */
  memset (ctx->mask, FZ_CHECK_MASK_OUTSIDE, ctx->n_chars);

  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *para = fz_document_get_paragraph (ctx->document, i);
      FzCheckContent content;

      content = decode_paragraph (lists, (const guchar *) text + para->byte_start,
                                  (const guchar *) text + para->byte_end, ctx->chars + para->start);
      if (para->end < ctx->n_chars)
        ctx->chars[para->end] = '\n';

      if (!_fz_check_is_language_paragraph (para->kind))
        continue;

      memset (ctx->mask + para->start, 0, para->end - para->start);
      if (content & FZ_CHECK_HAS_LATIN)
        mark_urls (ctx, para, text + para->byte_start, para->byte_end - para->byte_start);

      ctx->paragraphs[ctx->n_paragraphs].paragraph = para;
      ctx->paragraphs[ctx->n_paragraphs].index = i;
      ctx->paragraphs[ctx->n_paragraphs].content = content;
      ctx->paragraphs[ctx->n_paragraphs].n_text = G_MAXUINT;
      ctx->n_paragraphs++;
    }

  ctx->markers = g_new (FzCheckMarker, MAX (ctx->sections->len, 1));
  for (guint i = 0; i < ctx->sections->len; i++)
    {
      FzCheckMarker *m = &ctx->markers[i];

      read_marker (ctx, g_ptr_array_index (ctx->sections, i), m);
      if (m->valid)
        memset (ctx->mask + m->start, ctx->mask[m->start] | FZ_CHECK_MASK_MARKER, m->end - m->start);
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const FzFinding *fa = *(const FzFinding * const *) a;
  const FzFinding *fb = *(const FzFinding * const *) b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end < fb->end ? -1 : 1;

  return strcmp (fa->id, fb->id);
}

GPtrArray *
fz_checks_run (FzDocument       *document,
               GPtrArray        *sections,
               const FzMetadata *metadata)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) no_sections = NULL;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);

  if (sections == NULL)
    sections = no_sections = g_ptr_array_new ();
  figures = fz_figures_extract (document, sections);

  return fz_checks_run_full (document, sections, metadata, figures, NULL, NULL);
}

GPtrArray *
fz_checks_run_full (FzDocument       *document,
                    GPtrArray        *sections,
                    const FzMetadata *metadata,
                    GPtrArray        *figures,
                    FzRuleSet        *rules,
                    GPtrArray       **coverage)
{
  g_autoptr(GPtrArray) no_sections = NULL;
  g_autoptr(GPtrArray) own_figures = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree FzCheckParagraph *paragraphs = NULL;
  g_autofree FzCheckMarker *markers = NULL;
  FzCheckContext ctx = { 0 };
  guint n_chars;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (rules == NULL || FZ_IS_RULESET (rules), NULL);

  if (sections == NULL)
    sections = no_sections = g_ptr_array_new ();
  if (figures == NULL)
    figures = own_figures = fz_figures_extract (document, sections);
  areas = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_coverage_area_free);

  n_chars = fz_document_get_length (document);
  /* Zeros past the end let the repeated-word scan look ahead unguarded;
   * prepare() writes every character before them. */
  chars = g_new (gunichar, n_chars + 8);
  memset (chars + n_chars, 0, 8 * sizeof (gunichar));
  mask = g_malloc (n_chars + 1);

  ctx.document = document;
  ctx.sections = sections;
  ctx.metadata = metadata;
  ctx.figures = figures;
  ctx.rules = rules;
  ctx.coverage = areas;
  ctx.chars = chars;
  ctx.n_chars = n_chars;
  ctx.mask = mask;
  ctx.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);

  prepare (&ctx);
  paragraphs = ctx.paragraphs;
  markers = ctx.markers;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gboolean any = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (checks[i].ids) && checks[i].ids[k] != NULL; k++)
        any |= is_enabled (&ctx, checks[i].ids[k]);
      if (any)
        checks[i].func (&ctx);
    }

  /* A check that reports several ids runs when any of them is on. */
  if (rules != NULL)
    for (guint i = ctx.findings->len; i-- > 0;)
      {
        FzFinding *f = g_ptr_array_index (ctx.findings, i);

        if (!is_enabled (&ctx, f->id))
          g_ptr_array_remove_index (ctx.findings, i);
      }

  /* GLib's sort is a stable merge sort: findings at one place keep the
   * order of the table. */
  g_ptr_array_sort (ctx.findings, compare_findings);

  if (coverage != NULL)
    *coverage = g_steal_pointer (&areas);

  return ctx.findings;
}
