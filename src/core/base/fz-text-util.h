/* fz-text-util.h: character classes for Chinese official text
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean fz_unichar_is_han          (gunichar c);
/* Full-width punctuation and forms: 。，、；：？！“”‘’（）《》〔〕【】…—·「」 */
gboolean fz_unichar_is_cjk_punct    (gunichar c);
/* Han or CJK punctuation: characters between which a space never belongs. */
gboolean fz_unichar_is_cjk          (gunichar c);
/* Spaces of every width, NBSP and U+3000 included. */
gboolean fz_unichar_is_space        (gunichar c);
/* Characters that carry nothing: zero-width spaces and joiners, BOM, soft hyphen. */
gboolean fz_unichar_is_invisible    (gunichar c);
/* 。！？； and their ASCII forms: the marks that end a sentence. */
gboolean fz_unichar_ends_sentence   (gunichar c);
/* 。！？； and their ASCII forms, the ellipsis, and a closing quote or
 * bracket right after one of them. */
gboolean fz_text_ends_sentence      (const char *text,
                                     gsize       len);
/* Like fz_text_ends_sentence, but a final colon counts too. */
gboolean fz_text_ends_paragraph     (const char *text,
                                     gsize       len);
/* Value of a Chinese numeral of up to 99 (一 … 九十九, 〇/零 accepted);
 * -1 when @text[0, len) is not one. */
int      fz_chinese_numeral_value   (const char *text,
                                     gsize       len);
/* Whether @c shows: not a space of any width, a line break or an
 * invisible character. */
gboolean fz_unichar_is_visible      (gunichar c);
/* Whether @text (NULL too) holds nothing but spaces of any width, line
 * breaks and invisible characters. */
gboolean fz_text_is_blank           (const char *text);
/* Copy of @text with every space removed. */
char    *fz_strip_spaces            (const char *text,
                                     gssize      len);

G_END_DECLS
