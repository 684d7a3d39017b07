/* fz-element-color.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-element-color.h"

/* Dark enough to read as text on the light background and light enough on
 * the dark one; neighbours differ in hue so adjacent sections stand apart. */
static const char * const element_colors[] = {
  "#1c71d8", "#26a269", "#c64600", "#813d9c",
  "#0f8b8d", "#986a44", "#c01c28", "#9c6e03",
  "#3d7be0", "#2ec27e", "#e66100", "#9141ac",
};

const char *
fz_element_color (FzAnalysis *analysis,
                  const char *element_id)
{
  GPtrArray *elements;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);

  if (element_id == NULL)
    return NULL;

  /* By position in the rule set: another rule set can put the element
   * elsewhere, and then every view follows. */
  elements = fz_analysis_get_elements (analysis);
  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (elements, i);

      if (g_strcmp0 (result->id, element_id) == 0)
        return element_colors[i % G_N_ELEMENTS (element_colors)];
    }

  return NULL;
}
