/* fz-opc.c: the package structure of Office Open XML files
 *
 * A .docx names its parts through relationships: _rels/.rels says which
 * part is the document (word/document.xml from Word and WPS, but
 * word/document2.xml from Office 365), and that part's own .rels file
 * says where its styles, numbering and notes are.  Following them, rather
 * than fixed names, reads what every producer writes.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <string.h>

#include "fz-import-private.h"

char *
_fz_opc_rels_name (const char *part)
{
  const char *slash;

  if (part == NULL || part[0] == '\0')
    return g_strdup ("_rels/.rels");
  slash = strrchr (part, '/');
  if (slash == NULL)
    return g_strconcat ("_rels/", part, ".rels", NULL);
  return g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1);
}

char *
_fz_opc_resolve (const char *part,
                 const char *target)
{
  g_autofree char *joined = NULL;
  const char *slash;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (part != NULL && (slash = strrchr (part, '/')) != NULL)
    joined = g_strdup_printf ("%.*s/%s", (int) (slash - part), part, target);
  else
    joined = g_strdup (target);

  return _fz_zip_entry_name (joined);
}

char *
_fz_opc_related (GHashTable *parts,
                 const char *part,
                 const char *type)
{
  g_autofree char *name = _fz_opc_rels_name (part);
  GBytes *bytes = g_hash_table_lookup (parts, name);
  xmlDoc *doc;
  xmlNode *root;
  char *found = NULL;

  if (bytes == NULL || (doc = _fz_xml_parse (bytes, name, NULL)) == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  for (xmlNode *r = root ? root->children : NULL; r != NULL && found == NULL; r = r->next)
    {
      g_autofree char *kind = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;
      const char *slash;

      if (!_fz_xml_is (r, "Relationship"))
        continue;
      kind = _fz_xml_attr (r, "Type");
      target = _fz_xml_attr (r, "Target");
      mode = _fz_xml_attr (r, "TargetMode");
      /* Transitional and Strict OOXML name the types under different
       * roots; the last segment is the same. */
      if (kind == NULL || target == NULL || target[0] == '\0' ||
          g_strcmp0 (mode, "External") == 0 ||
          (slash = strrchr (kind, '/')) == NULL || !g_str_equal (slash + 1, type))
        continue;
      found = _fz_opc_resolve (part, target);
    }
  xmlFreeDoc (doc);
  return found;
}

char *
_fz_opc_main_part (GHashTable *parts)
{
  char *main_part = _fz_opc_related (parts, NULL, "officeDocument");

  if (main_part != NULL && g_hash_table_contains (parts, main_part))
    return main_part;
  g_free (main_part);
  /* No relationships, or broken ones: where Word puts it. */
  return g_hash_table_contains (parts, "word/document.xml") ? g_strdup ("word/document.xml") : NULL;
}
