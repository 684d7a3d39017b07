/* fz-checks-form.c: checks on the 公文 form of a report
 *
 * GB/T 9704 fixes how headings are numbered and which parts an official
 * document carries; the 条例 makes a 报告 an upward document.  These checks
 * read the section tree and the extracted metadata, not the wording.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <string.h>

#include "fz-checks-private.h"
#include "fz-i18n.h"
#include "fz-regex.h"
#include "fz-text-util.h"

/* numbering
 *
 * Heading markers as GB/T 9704 §7.3.3 writes them: 一、（一）1.（1）.  Reported:
 * a marker in another form ("1、", "(一)", "（一）、"), sub-items numbered
 * like their parent (items under "三、" that start again at "一、"), numbers
 * that skip or repeat, and a heading whose parent level never appears. */

static void
append_chinese_number (GString *out,
                       guint    n)
{
  static const char * const digits[] = {
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九",
  };

  if (n >= 100)
    g_string_append_printf (out, "%u", n);
  else if (n >= 10)
    {
      if (n / 10 > 1)
        g_string_append (out, digits[n / 10]);
      g_string_append (out, "十");
      if (n % 10 != 0)
        g_string_append (out, digits[n % 10]);
    }
  else
    g_string_append (out, digits[n]);
}

/* The marker for @number at @level as GB/T 9704 writes it; NULL when there
 * is no such level. */
static char *
format_marker (FzMarkerLevel level,
               guint         number)
{
  GString *out = g_string_new (NULL);

  switch (level)
    {
    case FZ_MARKER_CHINESE:
      append_chinese_number (out, number);
      g_string_append (out, "、");
      break;

    case FZ_MARKER_PAREN_CHINESE:
      g_string_append (out, "（");
      append_chinese_number (out, number);
      g_string_append (out, "）");
      break;

    case FZ_MARKER_ARABIC:
      g_string_append_printf (out, "%u.", number);
      break;

    case FZ_MARKER_PAREN_ARABIC:
      g_string_append_printf (out, "（%u）", number);
      break;

    case FZ_MARKER_NONE:
    default:
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static char *
section_label (FzCheckContext  *ctx,
               const FzSection *section)
{
  const FzCheckMarker *m;

  if (section->index < 0 || (guint) section->index >= ctx->sections->len)
    return g_strdup (section->label);

  m = &ctx->markers[section->index];
  if (!m->valid)
    return g_strdup (section->label);

  return _fz_check_dup_chars (ctx, m->start, m->end);
}

static const FzSection *
previous_sibling (GPtrArray *sections,
                  guint      index)
{
  const FzSection *s = g_ptr_array_index (sections, index);

  for (guint j = index; j-- > 0;)
    {
      const FzSection *t = g_ptr_array_index (sections, j);

      if ((int) j == s->parent)
        break;
      if (t->parent == s->parent && t->marker_level == s->marker_level)
        return t;
    }

  return NULL;
}

void
_fz_check_numbering (FzCheckContext *ctx)
{
  GPtrArray *sections = ctx->sections;
  FzMarkerLevel top = FZ_MARKER_PAREN_ARABIC;

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);

      if (s->marker_level != FZ_MARKER_NONE && s->marker_level < top)
        top = s->marker_level;
    }

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);
      const FzSection *parent = s->parent >= 0 ? g_ptr_array_index (sections, s->parent) : NULL;
      const FzCheckMarker *m = &ctx->markers[i];
      const FzSection *prev;
      g_autofree char *label = NULL;
      guint expected;

      if (!m->valid)
        continue;

      if (parent != NULL && (s->restarted || s->marker_level <= parent->marker_level))
        {
          g_autofree char *parent_label = section_label (ctx, parent);
          g_autofree char *deeper = NULL;

          label = section_label (ctx, s);
          if (parent->marker_level < FZ_MARKER_PAREN_ARABIC)
            deeper = format_marker (parent->marker_level + 1, s->number);

          if (deeper != NULL)
            _fz_check_report (ctx, "numbering", FZ_SEVERITY_WARNING, m->start, m->end, deeper,
                              _("“%s” under “%s” is numbered at the same level as its parent heading; use “%s”"),
                              label, parent_label, deeper);
          else
            _fz_check_report (ctx, "numbering", FZ_SEVERITY_WARNING, m->start, m->end, NULL,
                              _("“%s” under “%s” is numbered at the same level as its parent heading"),
                              label, parent_label);

          /* Its place in the sequence means nothing at the wrong level. */
          continue;
        }

      if (!m->marker.standard)
        {
          g_autofree char *standard = format_marker (s->marker_level, s->number);

          if (standard != NULL)
            {
              label = section_label (ctx, s);
              _fz_check_report (ctx, "numbering", FZ_SEVERITY_WARNING, m->start, m->end, standard,
                                _("Heading number “%s” should be written “%s”"), label, standard);
            }
        }

      if (parent == NULL && s->marker_level > top)
        {
          if (label == NULL)
            label = section_label (ctx, s);
          _fz_check_report (ctx, "numbering", FZ_SEVERITY_WARNING, m->start, m->end, NULL,
                            _("Heading “%s” has no parent heading at the level above"), label);
        }

      prev = previous_sibling (sections, i);
      expected = prev != NULL ? prev->number + 1 : 1;
      if (s->number != expected)
        {
          g_autofree char *want = format_marker (s->marker_level, expected);

          if (label == NULL)
            label = section_label (ctx, s);
          if (prev != NULL)
            {
              g_autofree char *prev_label = section_label (ctx, prev);

              _fz_check_report (ctx, "numbering", FZ_SEVERITY_WARNING, m->start, m->end, want,
                                _("Heading number “%s” does not follow “%s”"), label, prev_label);
            }
          else
            _fz_check_report (ctx, "numbering", FZ_SEVERITY_WARNING, m->start, m->end, want,
                              _("The first heading at this level is numbered “%s” instead of “%s”"),
                              label, want);
        }
    }
}

/* addressee_direction
 *
 * A 报告 goes up, to the bodies the reporter answers to.  Addressed to
 * "各村（居）、各单位" it reads like a notice sent down. */

FZ_DEFINE_STATIC_REGEX (downward_regex,
      "^(?:各(?:有关|相关|直属|下属|所属)?"
      "(?:村|居|社区|单位|部门|科室|股室|处室|站所|站|所|镇|乡|街道|办|局|委|学校|中小学|企业|"
      "分局|派出所|中队|小组|组|机关|机构|团体|网格)"
      "|全体|所属|下属)")

/* Titles of documents that do go downwards; the check then says nothing. */
FZ_DEFINE_STATIC_REGEX (other_genre_regex,
      "(?:通知|意见|决定|通报|批复|方案|函)$")

/* GB/T 9704-2012 §7.3.2 [P]: the 主送 line ends in a full-width colon.  A
 * half-width one is punct_halfwidth's; this is for none at all. */
static void
check_addressee_colon (FzCheckContext *ctx)
{
  const FzMetaField *field = &ctx->metadata->addressee;
  guint k = field->end;

  /* The field may or may not take the colon in. */
  if (k > field->start && (ctx->chars[k - 1] == 0xFF1A || ctx->chars[k - 1] == ':'))
    return;
  while (k < ctx->n_chars && ctx->chars[k] != '\n' && fz_unichar_is_space (ctx->chars[k]))
    k++;
  if (k < ctx->n_chars && (ctx->chars[k] == 0xFF1A /* ： */ || ctx->chars[k] == ':'))
    return;

  {
    g_autofree char *fixed = g_strconcat (field->value, "：", NULL);

    _fz_check_report (ctx, "addressee_direction", FZ_SEVERITY_WARNING, field->start, field->end, fixed,
                      _("The addressee “%s” must end in a full-width colon"),
                      field->value);
  }
}

/* The bodies a local government or a department answers to include the
 * Party committee and the government above (guide §四 [V]); "县政府" alone
 * leaves the committee out. */
static void
check_addressee_upward (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;
  const char *value = meta->addressee.value;

  if (meta->level == FZ_LEVEL_UNKNOWN || meta->level == FZ_LEVEL_PROVINCE)
    return;
  if (strstr (value, "政府") == NULL || strstr (value, "委") != NULL || strstr (value, "党") != NULL)
    return;

  _fz_check_report (ctx, "addressee_direction", FZ_SEVERITY_INFO,
                    meta->addressee.start, meta->addressee.end, NULL,
                    _("The addressee “%s” names the government but not the Party committee above; the annual report goes to both"),
                    value);
}

/* "县委、县政府" → "县委", "县政府": names are separated by 、，； or spaces
 * (g_strsplit_set() would cut the bytes of 、 and ， instead). */
static char **
split_names (const char *value)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GString *part = g_string_new (NULL);
  char **out;

  for (const char *p = value;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c == 0 || c == 0x3001 || c == 0xFF0C || c == ',' || c == ';' || c == 0xFF1B || c == ' ')
        {
          if (part->len > 0)
            g_strv_builder_add (builder, part->str);
          g_string_truncate (part, 0);
          if (c == 0)
            break;
          continue;
        }
      g_string_append_unichar (part, c);
    }

  out = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  g_string_free (part, TRUE);
  return out;
}

void
_fz_check_addressee_direction (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;
  g_auto(GStrv) parts = NULL;

  if (meta == NULL || meta->addressee.value == NULL)
    return;
  if (meta->title.value != NULL && fz_regex_matches (other_genre_regex (), meta->title.value, -1))
    return;
  if (meta->addressee.end > ctx->n_chars || meta->addressee.start > meta->addressee.end)
    return;

  check_addressee_colon (ctx);

  parts = split_names (meta->addressee.value);
  for (guint i = 0; parts[i] != NULL; i++)
    if (fz_regex_matches (downward_regex (), parts[i], -1))
      {
        _fz_check_report (ctx, "addressee_direction", FZ_SEVERITY_WARNING,
                          meta->addressee.start, meta->addressee.end, NULL,
                          _("A report goes to a higher authority, but the addressee “%s” is a lower level"),
                          meta->addressee.value);
        return;
      }

  check_addressee_upward (ctx);
}

/* missing_title, missing_addressee, missing_signature, missing_date
 *
 * The metadata pass found no such part.  The finding is an empty range where
 * the part belongs, so the reviewer's cursor lands there. */

static gboolean
is_front_matter (FzParagraphKind kind)
{
  return kind == FZ_PARAGRAPH_ISSUER_MARK || kind == FZ_PARAGRAPH_DOC_NUMBER ||
         kind == FZ_PARAGRAPH_SIGNER;
}

static gboolean
is_body (FzParagraphKind kind)
{
  return kind == FZ_PARAGRAPH_BODY || kind == FZ_PARAGRAPH_HEADING;
}

void
_fz_check_missing_parts (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;
  guint n = fz_document_get_n_paragraphs (ctx->document);
  guint after_front = ctx->n_chars, body_start = 0, body_end = 0, signature_end;
  gboolean seen_other = FALSE, seen_body = FALSE;

  if (meta == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *para = fz_document_get_paragraph (ctx->document, i);

      if (!seen_other && !is_front_matter (para->kind))
        {
          seen_other = TRUE;
          after_front = para->start;
        }
      if (is_body (para->kind) && !seen_body)
        {
          seen_body = TRUE;
          body_start = para->start;
        }
      if (is_body (para->kind) || para->kind == FZ_PARAGRAPH_CLOSING)
        body_end = para->end;
    }

  if (meta->title.value == NULL)
    _fz_check_report (ctx, "missing_title", FZ_SEVERITY_WARNING, after_front, after_front, NULL,
                      _("The report has no title"));

  if (meta->addressee.value == NULL)
    _fz_check_report (ctx, "missing_addressee", FZ_SEVERITY_WARNING, body_start, body_start, NULL,
                      _("The report names no addressee"));

  if (meta->issuer.value == NULL)
    _fz_check_report (ctx, "missing_signature", FZ_SEVERITY_WARNING, body_end, body_end, NULL,
                      _("The report is not signed by the issuing authority"));

  /* The date stands below the signature, or where the signature should. */
  signature_end = meta->issuer.value != NULL && meta->issuer.end <= ctx->n_chars
                  ? MAX (meta->issuer.end, body_end) : body_end;
  if (meta->date.value == NULL)
    _fz_check_report (ctx, "missing_date", FZ_SEVERITY_WARNING, signature_end, signature_end, NULL,
                      _("The report has no date of writing"));
}

static gboolean
field_is_usable (FzCheckContext    *ctx,
                 const FzMetaField *field)
{
  return field->value != NULL && field->start <= field->end && field->end <= ctx->n_chars;
}

/* doc_number_format
 *
 * GB/T 9704-2012 §7.2.5 [V]: the year in full in 六角括号 〔〕, the
 * number without 第 and without leading zeros, then 号: "北府〔2024〕47号". */

FZ_DEFINE_STATIC_REGEX (doc_number_regex,
      "^(.*?)([〔\\[【(（［{｛<＜〈])?\\s*((?:19|20)?\\d{2})\\s*([〕\\]】)）］}｝>＞〉])?\\s*"
      "(第)?\\s*(0*)(\\d+)\\s*(号)?$")

void
_fz_check_doc_number_format (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;
  const FzMetaField *field;
  g_autofree char *value = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *year = NULL;
  g_autofree char *number = NULL;
  g_autofree char *fixed = NULL;
  gssize g[18];

  if (meta == NULL || !field_is_usable (ctx, &meta->doc_number))
    return;
  field = &meta->doc_number;

  value = fz_strip_spaces (field->value, -1);
  if (!fz_regex_search_groups (doc_number_regex (), value, strlen (value), 0, g, 9) || g[6] < 0)
    return;

  prefix = g_strndup (value + g[2], g[3] - g[2]);
  year = g_strndup (value + g[6], g[7] - g[6]);
  number = g_strndup (value + g[14], g[15] - g[14]);
  fixed = g_strdup_printf ("%s〔%s〕%s号", prefix, year, number);

  if (strlen (year) != 4)
    _fz_check_report (ctx, "doc_number_format", FZ_SEVERITY_ERROR, field->start, field->end, NULL,
                      _("The year in the document number “%s” must be written in full"),
                      field->value);
  if (g[4] < 0 || g[8] < 0 ||
      strncmp (value + g[4], "〔", g[5] - g[4]) != 0 || strncmp (value + g[8], "〕", g[9] - g[8]) != 0)
    _fz_check_report (ctx, "doc_number_format", FZ_SEVERITY_ERROR, field->start, field->end, fixed,
                      _("The year in the document number “%s” belongs in hexagonal brackets 〔〕"),
                      field->value);
  if (g[10] >= 0)
    _fz_check_report (ctx, "doc_number_format", FZ_SEVERITY_ERROR, field->start, field->end, fixed,
                      _("The document number “%s” must not contain “第”"),
                      field->value);
  if (g[13] > g[12])
    _fz_check_report (ctx, "doc_number_format", FZ_SEVERITY_ERROR, field->start, field->end, fixed,
                      _("The serial number in “%s” must not have leading zeros"),
                      field->value);
  if (g[16] < 0)
    _fz_check_report (ctx, "doc_number_format", FZ_SEVERITY_ERROR, field->start, field->end, fixed,
                      _("The document number “%s” must end in “号”"),
                      field->value);
}

/* request_in_report
 *
 * A 报告 reports; it asks for nothing.  "不得在报告等非请示性公文中夹带请示事项"
 * (条例 2012, recalled [U]; the 2000 办法 said the same [V]).  "妥否，请批示"
 * and friends turn it into a 请示.  "申请批准", "报请县政府批准" describe a
 * procedure and ask nothing of the reader. */

FZ_DEFINE_STATIC_REGEX (request_regex,
      "(?<![申邀聘报呈转])(?:恳请|敬请|提请|请)(?:上级|领导|县委|县政府|市委|市政府|区委|区政府)?"
      "(?:予以|给予)?(?:批示|批准|审批|审定|指示|核准|批复)"
      "|妥否|当否|可否[，,]?请"
      "|(?:恳请|敬请)[^。；！？]{0,12}(?:支持|解决|协调|审议)")

void
_fz_check_request_in_report (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;

  /* A 请示 may ask; so may the documents of other genres. */
  if (meta != NULL && meta->title.value != NULL && !g_str_has_suffix (meta->title.value, "报告"))
    return;

  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      const FzParagraph *para = ctx->paragraphs[p].paragraph;
      gsize len, from = 0;
      const char *text;
      FzCheckCursor cursor;
      gssize s, e;
      gboolean maybe = FALSE;

      if (para->kind == FZ_PARAGRAPH_TITLE || (ctx->paragraphs[p].content & FZ_CHECK_HAS_HAN) == 0)
        continue;

      /* Every request has 请 or 否: the regex runs only where one is. */
      for (guint i = para->start; i < para->end && !maybe; i++)
        maybe = ctx->chars[i] == 0x8BF7 /* 请 */ || ctx->chars[i] == 0x5426 /* 否 */;
      if (!maybe)
        continue;

      text = fz_document_get_paragraph_key (ctx->document, ctx->paragraphs[p].index, &len);
      _fz_check_cursor_init (&cursor, para, text);
      while (fz_regex_search (request_regex (), text, len, from, &s, &e) && e > s)
        {
          guint cs = _fz_check_cursor_char (&cursor, s);
          guint ce = _fz_check_cursor_char (&cursor, e);
          g_autofree char *found = fz_document_dup_range (ctx->document, cs, ce);

          _fz_check_report (ctx, "request_in_report", FZ_SEVERITY_WARNING, cs, ce, NULL,
                            _("“%s” asks for a decision, but a report must not carry a request for instructions; send a separate 请示"),
                            found);
          from = e;
        }
    }
}

/* title_format
 *
 * The title names the issuer, the year, 法治政府建设 and the genre 报告:
 * "XX关于2024年度法治政府建设情况的报告" (督察工作规定 names the report
 * 法治政府建设年度报告 [V]; issuer + subject + genre, 条例 第九条 [P]). */

FZ_DEFINE_STATIC_REGEX (title_year_regex, "(?:19|20)\\d{2}\\s*年")
FZ_DEFINE_STATIC_REGEX (title_other_genre_regex, "(?:总结|汇报|请示|通知|意见|方案)$")

void
_fz_check_title_format (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;
  const FzMetaField *title;
  gunichar last;

  if (meta == NULL || !field_is_usable (ctx, &meta->title) || meta->title.value[0] == '\0')
    return;
  title = &meta->title;

  /* A notice or an opinion is not a report; the other checks say so. */
  if (fz_regex_matches (title_other_genre_regex (), title->value, -1) &&
      !g_str_has_suffix (title->value, "总结") && !g_str_has_suffix (title->value, "汇报"))
    return;

  if (!fz_regex_matches (title_year_regex (), title->value, -1))
    _fz_check_report (ctx, "title_format", FZ_SEVERITY_WARNING, title->start, title->end, NULL,
                      _("The title “%s” does not name the year reported on"),
                      title->value);

  if (strstr (title->value, "法治政府建设") == NULL)
    _fz_check_report (ctx, "title_format", FZ_SEVERITY_WARNING, title->start, title->end, NULL,
                      _("The title “%s” does not say “法治政府建设”, the name the regulations give the report"),
                      title->value);

  if (g_str_has_prefix (title->value, "关于"))
    _fz_check_report (ctx, "title_format", FZ_SEVERITY_WARNING, title->start, title->end, NULL,
                      _("The title “%s” does not name the issuing authority"),
                      title->value);

  last = g_utf8_get_char (g_utf8_prev_char (title->value + strlen (title->value)));
  if (fz_unichar_is_cjk_punct (last) && last != 0xFF09 /* ） */ && last != 0x300B /* 》 */)
    _fz_check_report (ctx, "title_format", FZ_SEVERITY_WARNING, title->start, title->end, NULL,
                      _("The title “%s” ends in a punctuation mark"), title->value);
  else if (!g_str_has_suffix (title->value, "报告"))
    _fz_check_report (ctx, "title_format", FZ_SEVERITY_WARNING, title->start, title->end, NULL,
                      _("The title “%s” does not end in the genre “报告”"), title->value);
  else if (strstr (title->value, "总结的报告") != NULL || strstr (title->value, "汇报的报告") != NULL)
    _fz_check_report (ctx, "title_format", FZ_SEVERITY_WARNING, title->start, title->end, NULL,
                      _("The title “%s” mixes two genres; write “…情况的报告”"),
                      title->value);
}

/* cc_format
 *
 * "抄送：…县委依法治县办。": 抄送 and a full-width colon, the names, a full
 * stop after the last one (GB/T 9704-2012 §7.4.2, [U] in rules.md: a
 * warning at most). */

void
_fz_check_cc_format (FzCheckContext *ctx)
{
  guint n = fz_document_get_n_paragraphs (ctx->document);

  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *para = fz_document_get_paragraph (ctx->document, i);
      const gunichar *c = ctx->chars + para->start;
      guint len = para->end - para->start, k = 2;

      if (para->kind != FZ_PARAGRAPH_CC || len < 3 || c[0] != 0x6284 /* 抄 */ || c[1] != 0x9001 /* 送 */)
        continue;

      while (k < len && fz_unichar_is_space (c[k]))
        k++;
      if (k < len && c[k] == ':')
        _fz_check_report (ctx, "cc_format", FZ_SEVERITY_WARNING, para->start + k, para->start + k + 1, "：",
                          _("“抄送” is followed by a half-width colon; use “：”"));
      else if (k < len && c[k] != 0xFF1A /* ： */)
        _fz_check_report (ctx, "cc_format", FZ_SEVERITY_WARNING, para->start, para->start + 2, "抄送：",
                          _("“抄送” must be followed by a full-width colon"));

      if (c[len - 1] != 0x3002 /* 。 */)
        _fz_check_report (ctx, "cc_format", FZ_SEVERITY_INFO, para->end, para->end, "。",
                          _("The copy-to line should end in a full stop after the last name"));
    }
}
