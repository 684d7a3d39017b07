/* fz-reason-dialog.h: asking the reviewer why they overrule the checker
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @reason is what the reviewer wrote, NULL when they cancelled. */
typedef void (*FzReasonFunc) (const char *reason,
                              gpointer    user_data);

/* A dialog over @parent's window with @heading, @body and a field of a
 * few lines holding @initial (nullable); Ctrl+Enter records, as the
 * button does once something is written.  @func is called once. */
AdwMessageDialog *fz_reason_dialog_present (GtkWidget      *parent,
                                            const char     *heading,
                                            const char     *body,
                                            const char     *initial,
                                            FzReasonFunc    func,
                                            gpointer        user_data,
                                            GDestroyNotify  destroy);
/* The dialog's text field, for tests and accessibility. */
GtkTextView      *fz_reason_dialog_get_text_view (AdwMessageDialog *dialog);

G_END_DECLS
