/* fz-letter-sender.h: who sends the memo, from the reviewer's Preferences
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "libfazhi.h"

G_BEGIN_DECLS

/* The reviewing unit (发文机关署名), its 发文机关标志 and the 联系人 and
 * 电话 a memo ends with, as Preferences hold them. */
typedef struct
{
  char *unit;
  char *letterhead;
  char *contact;
  char *phone;
} FzLetterSender;

void fz_letter_sender_load  (FzLetterSender *sender,
                             GSettings      *settings);
void fz_letter_sender_clear (FzLetterSender *sender);
/* Who signs a new review or batch, as Preferences say: "unit name", or
 * NULL when neither is given. */
char *fz_letter_sender_dup_reviewer (GSettings *settings);
/* Points @options' sender members at @sender's strings. */
void fz_letter_sender_apply (const FzLetterSender *sender,
                             FzMemoOptions        *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FzLetterSender, fz_letter_sender_clear)

G_END_DECLS
