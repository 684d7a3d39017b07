/* fz-checks-private.h: what the individual checks share
 *
 * A check is a function that reads an FzCheckContext and adds findings
 * with _fz_check_report().  To add one, write it in the fz-checks-*.c file
 * of its kind (or a new one, listed in src/core/analysis/meson.build), declare it
 * at the end of this header and add it to the table in fz-checks.c.  The
 * helpers declared here are in fz-checks-shared.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-checks.h"
#include "fz-outline.h"
#include "fz-ruleset.h"

G_BEGIN_DECLS

/* Per-character flags in FzCheckContext.mask. */
typedef enum
{
  FZ_CHECK_MASK_OUTSIDE = 1 << 0, /* not in a paragraph the language checks read */
  FZ_CHECK_MASK_URL     = 1 << 1, /* inside a URL, a domain or an e-mail address */
  FZ_CHECK_MASK_MARKER  = 1 << 2, /* a heading marker: the numbering check owns it */
  FZ_CHECK_MASK_MARKUP  = 1 << 3, /* Markdown or HTML code, set by markup_residue */
} FzCheckMask;

/* What a language paragraph holds, noted while the text is decoded, so
 * that a check skips the paragraphs where it has nothing to look for. */
typedef enum
{
  FZ_CHECK_HAS_HAN         = 1 << 0,
  FZ_CHECK_HAS_LATIN       = 1 << 1, /* an ASCII letter */
  FZ_CHECK_HAS_ASCII_PUNCT = 1 << 2, /* , ; : ! ? ( ) " ' . */
  FZ_CHECK_HAS_MARKUP      = 1 << 3, /* * _ # [ ` < & */
  FZ_CHECK_HAS_TRADITIONAL = 1 << 4, /* a character of the traditional list, read as simplified */
} FzCheckContent;

typedef struct
{
  const FzParagraph *paragraph;
  guint              index;       /* in the document */
  FzCheckContent     content;
  guint              n_text;      /* characters other than spaces; G_MAXUINT until counted */
} FzCheckParagraph;

/* The heading marker of a section as written, without Markdown residue
 * or trailing spaces. */
typedef struct
{
  FzHeadingMarker marker;
  guint           start;
  guint           end;
  guint           valid : 1;      /* FALSE if the section's paragraph has no marker */
} FzCheckMarker;

typedef struct
{
  FzDocument       *document;
  GPtrArray        *sections;     /* FzSection, never NULL */
  const FzMetadata *metadata;     /* nullable */
  /* The whole text decoded once: an index into @chars is a character
   * offset, so checks never convert between bytes and characters.  A
   * traditional character stands here in its simplified form
   * (fz-script.h); @mapped says some did. */
  gunichar         *chars;
  guint             n_chars;
  guint8           *mask;         /* FzCheckMask per character */
  /* The paragraphs language checks read, in document order. */
  FzCheckParagraph *paragraphs;
  guint             n_paragraphs;
  FzCheckMarker    *markers;      /* one per section */
  GPtrArray        *figures;      /* FzFigure, never NULL */
  FzRuleSet        *rules;        /* nullable: the defaults */
  GPtrArray        *coverage;     /* FzCoverageArea, filled by outline_coverage */
  GPtrArray        *findings;
  /* Traditional characters in the language paragraphs: how many, the
   * first run of them, a few of them as written, and how many Han
   * characters there are in all. */
  gboolean          mapped;
  guint8           *mapped_paragraphs; /* per document paragraph: some were read as simplified */
  guint             n_traditional;
  guint             traditional_start;
  guint             traditional_end;
  gboolean          traditional_run_closed;
  gunichar          examples[4];
  guint             n_examples;
  guint             n_han;
} FzCheckContext;

typedef void (*FzCheckFunc) (FzCheckContext *ctx);

/* The shared word lists, loaded once from the resources and the user's
 * lists folder; read-only afterwards, so any thread may use them. */
typedef struct
{
  GHashTable *repeated_words;     /* legitimate repeated forms, "一个一个" */
  GHashTable *latin_words;        /* allowed Latin tokens, upper-cased */
  GPtrArray  *law_names;          /* gunichar *, NUL-terminated, sorted by the first character: names that take 《》 */
  guint8      law_first_bmp[0x10000 / 8];
  guint8      law_pair_bmp[0x10000 / 8]; /* hashed first two characters */
} FzCheckLists;

/* A 16-bit hash of two characters, for bitmaps that skip the places where
 * no listed word can start. */
static inline guint
_fz_check_pair_hash (gunichar a,
                     gunichar b)
{
  return (a * 40503u + b) & 0xFFFF;
}

const FzCheckLists *_fz_check_lists_get (void);

/* Adds a finding over characters [start, end); its text is taken from the
 * document.  @suggestion is nullable; "" means "delete". */
FzFinding *_fz_check_report (FzCheckContext *ctx,
                             const char     *id,
                             FzSeverity      severity,
                             guint           start,
                             guint           end,
                             const char     *suggestion,
                             const char     *format,
                             ...) G_GNUC_PRINTF (7, 8);

/* Turns byte offsets inside one paragraph (from a regex) into character
 * offsets; ascending offsets cost one walk over the paragraph in all. */
typedef struct
{
  const char        *text;        /* the paragraph's first byte */
  const FzParagraph *paragraph;
  gsize              byte;        /* relative to @text */
  guint              chr;         /* document offset of @byte */
} FzCheckCursor;

void       _fz_check_cursor_init  (FzCheckCursor     *cursor,
                                   const FzParagraph *paragraph,
                                   const char        *text);
guint      _fz_check_cursor_char  (FzCheckCursor     *cursor,
                                   gsize              byte);

/* A threshold of check @id: the rule set's value or the default. */
double     _fz_check_param        (FzCheckContext    *ctx,
                                   const char        *id,
                                   const char        *param);

/* TRUE for the parts of a report that language checks read: title,
 * addressee, body, headings, closing and signature; not the 附注 or 版记. */
gboolean   _fz_check_is_language_paragraph (FzParagraphKind kind);

/* The ids of the checks table, in order: the same as
 * fz_check_registry_list_ids(), which tests compare. */
char **_fz_checks_run_ids (void);

/* fz-checks-language.c */
void _fz_check_repeated_word    (FzCheckContext *ctx);
void _fz_check_markup_residue   (FzCheckContext *ctx);
void _fz_check_punct_halfwidth  (FzCheckContext *ctx);
void _fz_check_latin_word       (FzCheckContext *ctx);
void _fz_check_traditional_char (FzCheckContext *ctx);
void _fz_check_punct_unbalanced  (FzCheckContext *ctx);
void _fz_check_booktitle_missing (FzCheckContext *ctx);

/* fz-checks-usage.c: word_usage, de_usage and standard_name in one pass */
void _fz_check_usage (FzCheckContext *ctx);

/* fz-checks-form.c */
void _fz_check_numbering           (FzCheckContext *ctx);
void _fz_check_addressee_direction (FzCheckContext *ctx);
void _fz_check_missing_parts       (FzCheckContext *ctx);
void _fz_check_doc_number_format   (FzCheckContext *ctx);
void _fz_check_request_in_report   (FzCheckContext *ctx);
void _fz_check_title_format        (FzCheckContext *ctx);
void _fz_check_cc_format           (FzCheckContext *ctx);

/* fz-checks-years.c */
void _fz_check_date_format   (FzCheckContext *ctx);
void _fz_check_deadline      (FzCheckContext *ctx);
void _fz_check_year_mismatch (FzCheckContext *ctx);

/* fz-checks-figures.c */
void _fz_check_figure_sum      (FzCheckContext *ctx);
void _fz_check_figure_rate     (FzCheckContext *ctx);
void _fz_check_figure_conflict (FzCheckContext *ctx);

/* fz-checks-substance.c */
void _fz_check_outline_coverage (FzCheckContext *ctx);
void _fz_check_weak_problems    (FzCheckContext *ctx);
void _fz_check_no_causes        (FzCheckContext *ctx);
void _fz_check_few_figures      (FzCheckContext *ctx);
void _fz_check_vague_plan       (FzCheckContext *ctx);

/* The parts of the body the checklist found for @element ("shortcomings",
 * "next_year_plan" …): outermost sections only, in document order; the
 * returned array borrows the sections. */
GPtrArray *_fz_check_sections_for (FzCheckContext *ctx,
                                   const char     *element);
/* The text of characters [@start, @end), as UTF-8. */
char      *_fz_check_dup_chars    (FzCheckContext *ctx,
                                   guint           start,
                                   guint           end);
/* Characters of body text (headings included) in [@start, @end). */
guint      _fz_check_count_text   (FzCheckContext *ctx,
                                   guint           start,
                                   guint           end);

G_END_DECLS
