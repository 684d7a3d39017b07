/* fz-test-utils.h: helpers shared by the engine tests
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* Each imports a report that must be readable, failing the test otherwise. */
FzDocument *fz_test_import       (GFile      *file);
FzDocument *fz_test_import_path  (const char *path);
/* A fixture report from tests/data/reports. */
FzDocument *fz_test_load_fixture (const char *name);

G_END_DECLS
