/* fz-score-table-parse.c: reading a scoring table from XML
 *
 * The same safe reader and the same line-numbered messages as the rule
 * sets (fz-rules-xml-private.h); every mistake a table author can make
 * is named with its file and line.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-score-table"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>

#include "fz-error.h"
#include "fz-i18n.h"
#include "fz-resources.h"
#include "fz-rules-xml-private.h"
#include "fz-score-table-private.h"

#define FORMAT_VERSION "1"
/* A bound on the points of one item: tables count to 100, some to 1000. */
#define MAX_POINTS_CENTI (10000 * 100)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzScoreRule, _fz_score_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzScoreTableItem, _fz_score_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzScoreBand, _fz_score_band_free)

/* "10", "0.5", "2.25": a number of points with at most two decimals, kept
 * in hundredths so that sums are exact. */
static gboolean
parse_points (const char  *origin,
              xmlNode     *node,
              const char  *name,
              int          max,
              int         *value,
              GError     **error)
{
  g_autofree char *text = _fz_rules_xml_attr (node, name);
  const char *p;
  gint64 whole = 0;
  int frac = 0, digits = 0, frac_digits = 0;

  if (text == NULL)
    return TRUE;

  for (p = text; g_ascii_isdigit (*p) && digits < 9; p++, digits++)
    whole = whole * 10 + (*p - '0');
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && frac_digits < 3; p++, frac_digits++)
      frac = frac * 10 + (*p - '0');

  if (digits == 0 || *p != '\0' || frac_digits > 2 || (text[digits] == '.' && frac_digits == 0) ||
      whole * 100 + (frac_digits == 1 ? frac * 10 : frac) > max)
    {
      _fz_rules_xml_error (error, origin, node,
                           _("“%s” is not a valid %s: expected points from 0 to %g, with at most two decimals"),
                           text, name, FZ_SCORE_POINTS (max));
      return FALSE;
    }

  *value = (int) (whole * 100 + (frac_digits == 1 ? frac * 10 : frac));
  return TRUE;
}

static gboolean
parse_severity (const char  *origin,
                xmlNode     *node,
                int         *severity,
                GError     **error)
{
  g_autofree char *text = _fz_rules_xml_attr (node, "severity");

  if (text == NULL)
    return TRUE;

  for (FzSeverity s = FZ_SEVERITY_ERROR; s <= FZ_SEVERITY_INFO; s++)
    if (g_str_equal (text, fz_severity_to_string (s)))
      {
        *severity = s;
        return TRUE;
      }

  _fz_rules_xml_error (error, origin, node,
                       _("“%s” is not a valid %s: expected error, warning or info"), text, "severity");
  return FALSE;
}

static FzScoreRule *
parse_element_rule (const char              *origin,
                    xmlNode                 *node,
                    const FzScoreTableItem  *item,
                    GError                 **error)
{
  static const char * const attrs[] = { "ref", "missing", "partial", "needs-review", NULL };
  g_autoptr(FzScoreRule) rule = g_new0 (FzScoreRule, 1);

  rule->kind = FZ_SCORE_RULE_ELEMENT;
  rule->severity = -1;
  rule->needs_review = -1;
  rule->xml_line = (guint) xmlGetLineNo (node);

  if (!_fz_rules_xml_check_attributes (origin, node, attrs, error) ||
      (rule->element = _fz_rules_xml_parse_id (origin, node, "ref", error)) == NULL ||
      !parse_points (origin, node, "missing", item->points, &rule->missing, error) ||
      !parse_points (origin, node, "partial", item->points, &rule->partial, error) ||
      !parse_points (origin, node, "needs-review", item->points, &rule->needs_review, error) ||
      !_fz_rules_xml_check_empty (origin, node, error))
    return NULL;

  if (!xmlHasProp (node, (const xmlChar *) "missing") && !xmlHasProp (node, (const xmlChar *) "partial"))
    {
      _fz_rules_xml_error (error, origin, node,
                           _("<element ref=\"%s\"> deducts nothing: give “missing”, “partial” or both"),
                           rule->element);
      return NULL;
    }

  /* Left to the reviewer is treated as partial unless the table says. */
  if (rule->needs_review < 0)
    rule->needs_review = rule->partial;

  return g_steal_pointer (&rule);
}

static FzScoreRule *
parse_finding_rule (const char              *origin,
                    xmlNode                 *node,
                    const FzScoreTableItem  *item,
                    GError                 **error)
{
  static const char * const attrs[] = { "ref", "severity", "each", "max", "label", "label-en", NULL };
  g_autoptr(FzScoreRule) rule = g_new0 (FzScoreRule, 1);
  g_autofree char *refs = NULL;

  rule->kind = FZ_SCORE_RULE_FINDING;
  rule->severity = -1;
  rule->each = -1;
  rule->max = item->points;
  rule->xml_line = (guint) xmlGetLineNo (node);

  if (!_fz_rules_xml_check_attributes (origin, node, attrs, error) ||
      !parse_severity (origin, node, &rule->severity, error) ||
      !parse_points (origin, node, "each", item->points, &rule->each, error) ||
      !parse_points (origin, node, "max", item->points, &rule->max, error) ||
      !_fz_rules_xml_check_empty (origin, node, error))
    return NULL;

  rule->label = _fz_rules_xml_attr (node, "label");
  rule->label_en = _fz_rules_xml_attr (node, "label-en");
  refs = _fz_rules_xml_attr (node, "ref");

  if ((refs == NULL) == (rule->severity < 0))
    {
      _fz_rules_xml_error (error, origin, node,
                           _("<finding> needs either “ref” (finding ids) or “severity”, not both"));
      return NULL;
    }
  if (rule->each <= 0)
    {
      _fz_rules_xml_error (error, origin, node,
                           _("<finding> needs “each”: the points deducted per occurrence, more than 0"));
      return NULL;
    }

  if (refs != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (refs, " \t\r\n,", -1);
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      guint n = 0;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (parts[i][0] == '\0')
            continue;
          if (!fz_score_table_finding_is_known (parts[i]))
            {
              _fz_rules_xml_error (error, origin, node, _("unknown finding “%s”"), parts[i]);
              return NULL;
            }
          g_strv_builder_add (ids, parts[i]);
          n++;
        }
      if (n == 0)
        {
          _fz_rules_xml_error (error, origin, node,
                               _("<finding> needs either “ref” (finding ids) or “severity”, not both"));
          return NULL;
        }
      rule->findings = g_strv_builder_end (ids);
    }

  return g_steal_pointer (&rule);
}

static FzScoreTableItem *
parse_item (const char  *origin,
            xmlNode     *node,
            GError     **error)
{
  static const char * const attrs[] = { "id", "points", "manual", NULL };
  g_autoptr(FzScoreTableItem) item = g_new0 (FzScoreTableItem, 1);

  item->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_score_rule_free);
  item->points = -1;
  item->xml_line = (guint) xmlGetLineNo (node);

  if (!_fz_rules_xml_check_attributes (origin, node, attrs, error) ||
      (item->id = _fz_rules_xml_parse_id (origin, node, "id", error)) == NULL ||
      !parse_points (origin, node, "points", MAX_POINTS_CENTI, &item->points, error) ||
      !_fz_rules_xml_parse_bool (origin, node, "manual", &item->manual, error))
    return NULL;

  if (item->points <= 0)
    {
      _fz_rules_xml_error (error, origin, node,
                           _("item “%s” needs “points”, more than 0"), item->id);
      return NULL;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      FzScoreRule *rule = NULL;

      if (child->type != XML_ELEMENT_NODE)
        {
          if (!_fz_rules_xml_check_stray_text (origin, child, error))
            return NULL;
          continue;
        }

      if (_fz_rules_xml_is (child, "name"))
        {
          if (!_fz_rules_xml_parse_localized (origin, child, &item->name, &item->name_en, error))
            return NULL;
          continue;
        }
      if (_fz_rules_xml_is (child, "guide"))
        {
          if (!_fz_rules_xml_parse_localized (origin, child, &item->guide, &item->guide_en, error))
            return NULL;
          continue;
        }
      if (_fz_rules_xml_is (child, "element"))
        rule = parse_element_rule (origin, child, item, error);
      else if (_fz_rules_xml_is (child, "finding"))
        rule = parse_finding_rule (origin, child, item, error);
      else
        {
          _fz_rules_xml_error (error, origin, child, _("unknown element <%s> inside <%s>"),
                               (const char *) child->name, "item");
          return NULL;
        }
      if (rule == NULL)
        return NULL;
      if (item->manual)
        {
          _fz_rules_xml_error (error, origin, child,
                               _("item “%s” is scored by the reviewer (manual), so it takes no <%s>"),
                               item->id, (const char *) child->name);
          _fz_score_rule_free (rule);
          return NULL;
        }
      g_ptr_array_add (item->rules, rule);
    }

  if (item->name == NULL)
    {
      _fz_rules_xml_error (error, origin, node, _("item “%s” has no Chinese <name>"), item->id);
      return NULL;
    }
  /* An item nothing can take points from would always be full: the author
   * forgot its rules, or meant manual="true". */
  if (!item->manual && item->rules->len == 0)
    {
      _fz_rules_xml_error (error, origin, node,
                           _("item “%s” has no <element> or <finding> deduction; add one, or make it manual=\"true\""),
                           item->id);
      return NULL;
    }

  return g_steal_pointer (&item);
}

static FzScoreBand *
parse_band (const char  *origin,
            xmlNode     *node,
            GError     **error)
{
  static const char * const attrs[] = { "id", "min", NULL };
  g_autoptr(FzScoreBand) band = g_new0 (FzScoreBand, 1);

  band->min = -1;
  if (!_fz_rules_xml_check_attributes (origin, node, attrs, error) ||
      (band->id = _fz_rules_xml_parse_id (origin, node, "id", error)) == NULL ||
      !parse_points (origin, node, "min", MAX_POINTS_CENTI * 10, &band->min, error))
    return NULL;

  if (band->min < 0)
    {
      _fz_rules_xml_error (error, origin, node, _("<%s> needs the attribute “%s”"), "band", "min");
      return NULL;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        {
          if (!_fz_rules_xml_check_stray_text (origin, child, error))
            return NULL;
          continue;
        }
      if (!_fz_rules_xml_is (child, "name"))
        {
          _fz_rules_xml_error (error, origin, child, _("unknown element <%s> inside <%s>"),
                               (const char *) child->name, "band");
          return NULL;
        }
      if (!_fz_rules_xml_parse_localized (origin, child, &band->name, &band->name_en, error))
        return NULL;
    }

  if (band->name == NULL)
    {
      _fz_rules_xml_error (error, origin, node, _("band “%s” has no Chinese <name>"), band->id);
      return NULL;
    }

  return g_steal_pointer (&band);
}

static int
compare_bands (gconstpointer a,
               gconstpointer b)
{
  const FzScoreBand *x = *(const FzScoreBand * const *) a;
  const FzScoreBand *y = *(const FzScoreBand * const *) b;

  return (y->min > x->min) - (y->min < x->min);
}

static gboolean
find_by_id (GPtrArray  *array,
            const char *id)
{
  /* Items and bands both start with their id. */
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (*(char **) g_ptr_array_index (array, i), id))
      return TRUE;

  return FALSE;
}

/* Reads a <scoring> element: the root of a table file, or the table written
 * inside a rule set (@default_id given). */
static FzScoreTable *
parse_table (const char  *origin,
             xmlNode     *root,
             const char  *default_id,
             GError     **error)
{
  static const char * const file_attrs[] = { "id", "version", NULL };
  static const char * const inline_attrs[] = { "id", NULL };
  g_autoptr(FzScoreTable) self = g_object_new (FZ_TYPE_SCORE_TABLE, NULL);

  if (root == NULL || !_fz_rules_xml_is (root, "scoring"))
    {
      _fz_rules_xml_error (error, origin, root, _("the document element must be <scoring>"));
      return NULL;
    }

  if (!_fz_rules_xml_check_attributes (origin, root, default_id ? inline_attrs : file_attrs, error))
    return NULL;

  if (default_id == NULL || xmlHasProp (root, (const xmlChar *) "id"))
    {
      if ((self->id = _fz_rules_xml_parse_id (origin, root, "id", error)) == NULL)
        return NULL;
    }
  else
    self->id = g_strdup (default_id);

  if (default_id == NULL)
    {
      g_autofree char *version = _fz_rules_xml_attr (root, "version");

      if (version == NULL || !g_str_equal (version, FORMAT_VERSION))
        {
          _fz_rules_xml_error (error, origin, root,
                               _("unsupported scoring table format version “%s”: this program reads version %s"),
                               version ? version : "", FORMAT_VERSION);
          return NULL;
        }
    }

  self->origin = g_strdup (origin);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        {
          if (!_fz_rules_xml_check_stray_text (origin, child, error))
            return NULL;
          continue;
        }

      if (_fz_rules_xml_is (child, "name"))
        {
          if (!_fz_rules_xml_parse_localized (origin, child, &self->name, &self->name_en, error))
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "description"))
        {
          if (!_fz_rules_xml_parse_localized (origin, child, &self->description,
                                              &self->description_en, error))
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "item"))
        {
          FzScoreTableItem *item = parse_item (origin, child, error);

          if (item == NULL)
            return NULL;
          if (find_by_id (self->items, item->id))
            {
              _fz_rules_xml_error (error, origin, child, _("duplicate item id “%s”"), item->id);
              _fz_score_item_free (item);
              return NULL;
            }
          self->max += item->points;
          g_ptr_array_add (self->items, item);
        }
      else if (_fz_rules_xml_is (child, "band"))
        {
          FzScoreBand *band = parse_band (origin, child, error);

          if (band == NULL)
            return NULL;
          if (find_by_id (self->bands, band->id))
            {
              _fz_rules_xml_error (error, origin, child, _("duplicate band id “%s”"), band->id);
              _fz_score_band_free (band);
              return NULL;
            }
          for (guint i = 0; i < self->bands->len; i++)
            if (((FzScoreBand *) g_ptr_array_index (self->bands, i))->min == band->min)
              {
                _fz_rules_xml_error (error, origin, child,
                                     _("two bands start at %g"), FZ_SCORE_POINTS (band->min));
                _fz_score_band_free (band);
                return NULL;
              }
          g_ptr_array_add (self->bands, band);
        }
      else
        {
          _fz_rules_xml_error (error, origin, child, _("unknown element <%s> inside <%s>"),
                               (const char *) child->name, "scoring");
          return NULL;
        }
    }

  if (self->name == NULL)
    {
      _fz_rules_xml_error (error, origin, root, _("the scoring table has no Chinese <name>"));
      return NULL;
    }
  if (self->items->len == 0)
    {
      _fz_rules_xml_error (error, origin, root, _("the scoring table has no <item>"));
      return NULL;
    }
  if (self->bands->len == 0)
    {
      _fz_rules_xml_error (error, origin, root, _("the scoring table has no <band>"));
      return NULL;
    }

  g_ptr_array_sort (self->bands, compare_bands);
  _fz_score_table_index_findings (self);
  {
    const FzScoreBand *top = g_ptr_array_index (self->bands, 0);
    const FzScoreBand *bottom = g_ptr_array_index (self->bands, self->bands->len - 1);

    /* Every total from 0 to the maximum must fall in a band, else the
     * table would leave some reports without a 等次. */
    if (bottom->min != 0)
      {
        _fz_rules_xml_error (error, origin, root,
                             _("no band starts at 0, so a total below %g has no grade"),
                             FZ_SCORE_POINTS (bottom->min));
        return NULL;
      }
    if (top->min > self->max)
      {
        _fz_rules_xml_error (error, origin, root,
                             _("band “%s” starts at %g, above the %g points the items add up to"),
                             top->id, FZ_SCORE_POINTS (top->min), FZ_SCORE_POINTS (self->max));
        return NULL;
      }
  }

  return g_steal_pointer (&self);
}

static FzScoreTable *
new_from_data (const char  *xml,
               gsize        len,
               const char  *origin,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  if ((doc = _fz_rules_xml_parse (xml, len, origin, error)) == NULL)
    return NULL;

  return parse_table (origin, xmlDocGetRootElement (doc), NULL, error);
}

FzScoreTable *
fz_score_table_new_from_data (const char  *xml,
                              gsize        len,
                              const char  *origin,
                              GError     **error)
{
  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_data (xml, len, origin ? origin : "(scoring)", error);
}

FzScoreTable *
fz_score_table_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_fz_rules_xml_read_file (path, &data, &len, error))
    return NULL;

  return new_from_data (data, len, path, error);
}

#define RESOURCE_SCHEME "resource://"

/* A table file named by a rule set, relative to the rule set's file: the
 * built-in ones sit beside the built-in rule sets in the resources. */
static FzScoreTable *
load_named_file (const char  *ruleset_origin,
                 const char  *file,
                 GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_str_has_prefix (ruleset_origin, RESOURCE_SCHEME))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *origin = NULL;

      dir = g_path_get_dirname (ruleset_origin + strlen (RESOURCE_SCHEME));
      path = g_build_path ("/", dir, file, NULL);
      bytes = g_resource_lookup_data (fz_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      origin = g_strconcat (RESOURCE_SCHEME, path, NULL);
      return new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), origin, error);
    }

  if (g_path_is_absolute (file))
    return fz_score_table_new_from_file (file, error);

  dir = g_path_get_dirname (ruleset_origin);
  path = g_build_filename (dir, file, NULL);
  return fz_score_table_new_from_file (path, error);
}

FzScoreTable *
_fz_score_table_new_for_ruleset (const char  *origin,
                                 xmlNode     *node,
                                 const char  *ruleset_id,
                                 GError     **error)
{
  g_autofree char *file = _fz_rules_xml_attr (node, "file");
  g_autoptr(GError) local_error = NULL;
  FzScoreTable *table;

  if (file == NULL)
    table = parse_table (origin, node, ruleset_id, error);
  else
    {
      static const char * const attrs[] = { "file", NULL };

      if (!_fz_rules_xml_check_attributes (origin, node, attrs, error) ||
          !_fz_rules_xml_check_empty (origin, node, error))
        return NULL;
      if (file[0] == '\0')
        {
          _fz_rules_xml_error (error, origin, node, _("<%s> needs the attribute “%s”"), "scoring", "file");
          return NULL;
        }
      table = load_named_file (origin, file, &local_error);
      if (table == NULL)
        {
          _fz_rules_xml_error (error, origin, node, _("cannot load the scoring table “%s”: %s"),
                               file, local_error->message);
          return NULL;
        }
    }

  if (table != NULL)
    table->ruleset_id = g_strdup (ruleset_id);

  return table;
}

gboolean
_fz_score_table_check_elements (FzScoreTable           *self,
                                FzScoreHasElementFunc   has_element,
                                gpointer                data,
                                GError                **error)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      const FzScoreTableItem *item = g_ptr_array_index (self->items, i);

      for (guint r = 0; r < item->rules->len; r++)
        {
          const FzScoreRule *rule = g_ptr_array_index (item->rules, r);

          if (rule->kind == FZ_SCORE_RULE_ELEMENT && !has_element (data, rule->element))
            {
              g_autofree char *detail =
                g_strdup_printf (_("<element ref=\"%s\"> names no element of the rule set “%s”"),
                                 rule->element, self->ruleset_id ? self->ruleset_id : "");

              g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_INVALID, "%s:%u: %s",
                           self->origin, rule->xml_line, detail);
              return FALSE;
            }
        }
    }

  return TRUE;
}
