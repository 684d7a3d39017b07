/* fz-letter-sender.c: who sends the memo, from the reviewer's Preferences
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-letter-sender.h"

static char *
setting (GSettings  *settings,
         const char *key)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_strstrip (value);

  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

void
fz_letter_sender_load (FzLetterSender *sender,
                       GSettings      *settings)
{
  g_return_if_fail (sender != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  fz_letter_sender_clear (sender);
  sender->unit = setting (settings, "reviewer-unit");
  sender->letterhead = setting (settings, "letterhead");
  sender->contact = setting (settings, "contact-name");
  sender->phone = setting (settings, "contact-phone");
}

void
fz_letter_sender_clear (FzLetterSender *sender)
{
  g_clear_pointer (&sender->unit, g_free);
  g_clear_pointer (&sender->letterhead, g_free);
  g_clear_pointer (&sender->contact, g_free);
  g_clear_pointer (&sender->phone, g_free);
}

char *
fz_letter_sender_dup_reviewer (GSettings *settings)
{
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *reviewer = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  name = g_settings_get_string (settings, "reviewer-name");
  unit = g_settings_get_string (settings, "reviewer-unit");
  reviewer = g_strstrip (g_strjoin (" ", unit, name, NULL));

  return *reviewer != '\0' ? g_steal_pointer (&reviewer) : NULL;
}

void
fz_letter_sender_apply (const FzLetterSender *sender,
                        FzMemoOptions        *options)
{
  g_return_if_fail (sender != NULL);
  g_return_if_fail (options != NULL);

  options->unit = sender->unit;
  options->letterhead = sender->letterhead;
  options->contact = sender->contact;
  options->phone = sender->phone;
}
