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

  return g_ucs4_to_utf8 (ctx->chars + m->start, m->end - m->start, NULL, NULL, NULL);
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

  parts = g_strsplit_set (meta->addressee.value, "、，,;； ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (fz_regex_matches (downward_regex (), parts[i], -1))
      {
        _fz_check_report (ctx, "addressee_direction", FZ_SEVERITY_WARNING,
                          meta->addressee.start, meta->addressee.end, NULL,
                          _("A report goes to a higher authority, but the addressee “%s” is a lower level"),
                          meta->addressee.value);
        return;
      }
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
