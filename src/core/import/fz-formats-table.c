/* fz-formats-table.c: the file formats reviewers receive reports in
 *
 * The one table of them: the Open dialog's filters, the folders a batch
 * reads, and the desktop file's MimeType all come from here.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fz-formats-table.h"

/* For xgettext; translated where they are shown (fz_format_get_name()). */
#define N_(s) s

const FzFormat fz_formats[] = {
  { "text", N_("Text"), { "text/plain" }, { "txt" } },
  { "docx", N_("Word Documents"),
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }, { "docx" } },
  { "doc", N_("Word 97–2003 Documents"), { "application/msword" }, { "doc" } },
  { "wps", N_("WPS and Works Documents"),
    { "application/wps-office.wps", "application/vnd.ms-works" }, { "wps" } },
  { "odt", N_("OpenDocument Text"), { "application/vnd.oasis.opendocument.text" }, { "odt" } },
  { "pdf", N_("PDF Documents"), { "application/pdf" }, { "pdf" } },
  { "ofd", N_("OFD Documents"), { "application/ofd" }, { "ofd" } },
  { "html", N_("Web Pages"), { "text/html", "application/xhtml+xml" }, { "html", "htm", "xhtml" } },
  { "mhtml", N_("Web Archives"), { "multipart/related", "application/x-mimearchive" }, { "mht", "mhtml" } },
  { "rtf", N_("Rich Text"), { "application/rtf", "text/rtf" }, { "rtf" } },
};

const unsigned int fz_n_formats = sizeof fz_formats / sizeof fz_formats[0];
