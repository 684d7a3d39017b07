/* fz-ruleset-parse.c: reading a whole <ruleset> document
 *
 * The rule set's own parts (names, source, deadlines, <check> settings,
 * <scoring>) and how it builds on the set it extends: inherited elements,
 * <remove>, replacements in place and <order>, then the checks that every
 * reference points at an element that is still there.  One <element> is
 * read in fz-ruleset-element.c; finding the files is fz-ruleset-load.c's
 * work, handed in through FzRuleSetLoader.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-ruleset"

#include "config.h"

#include "fz-check-registry.h"
#include "fz-error.h"
#include "fz-i18n.h"
#include "fz-rules-xml-private.h"
#include "fz-ruleset-private.h"
#include "fz-score-table-private.h"

#define FORMAT_VERSION "1"
#define MAX_EXTENDS_DEPTH 8

/* Check settings */

/* <check id="few_figures" enabled="true" min-per-1000="2"/>: every other
 * attribute is a threshold the check itself declares. */
static gboolean
parse_check (const FzRuleSetLoader  *loader,
             FzRuleSet              *self,
             xmlNode                *node,
             GError                **error)
{
  g_autofree char *id = _fz_rules_xml_attr (node, "id");
  FzRuleCheck *check;
  gboolean enabled = TRUE;

  if (id == NULL)
    {
      _fz_rules_xml_error (error, loader->origin, node,
                           _("<%s> needs the attribute “%s”"), "check", "id");
      return FALSE;
    }
  if (!fz_check_registry_is_known (id))
    {
      _fz_rules_xml_error (error, loader->origin, node,
                           _("unknown check “%s”"), id);
      return FALSE;
    }
  if (g_hash_table_contains (self->checks, id))
    {
      _fz_rules_xml_error (error, loader->origin, node,
                           _("check “%s” is given twice"), id);
      return FALSE;
    }
  if (!_fz_rules_xml_check_empty (loader->origin, node, error))
    return FALSE;

  check = g_new0 (FzRuleCheck, 1);
  check->enabled = -1;
  check->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (self->checks, g_strdup (id), check);

  if (xmlHasProp (node, (const xmlChar *) "enabled"))
    {
      if (!_fz_rules_xml_parse_bool (loader->origin, node, "enabled", &enabled, error))
        return FALSE;
      check->enabled = enabled;
    }

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      g_autofree char *text = NULL;
      double def, min, max, value;
      char *end = NULL;

      if (g_str_equal (name, "id") || g_str_equal (name, "enabled"))
        continue;
      if (!fz_check_registry_get_param (id, name, &def, &min, &max))
        {
          _fz_rules_xml_error (error, loader->origin, node,
                               _("unknown attribute “%s” on <%s>"), name, "check");
          return FALSE;
        }

      text = _fz_rules_xml_attr (node, name);
      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || !(value >= min && value <= max))
        {
          _fz_rules_xml_error (error, loader->origin, node,
                               _("“%s” is not a valid %s: expected a number from %g to %g"),
                               text, name, min, max);
          return FALSE;
        }
      g_hash_table_insert (check->params, g_strdup (name), g_memdup2 (&value, sizeof value));
    }

  return TRUE;
}


/* The rule set */

static gboolean
apply_order (const FzRuleSetLoader  *loader,
             FzRuleSet              *self,
             xmlNode                *node,
             const char             *order,
             GError                **error)
{
  g_auto(GStrv) ids = g_strsplit_set (order, " \t\r\n,", -1);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autofree gboolean *taken = g_new0 (gboolean, self->elements->len + 1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      int k;

      if (ids[i][0] == '\0')
        continue;

      if ((k = _fz_rule_elements_find (self->elements, ids[i])) < 0)
        {
          _fz_rules_xml_error (error, loader->origin, node,
                               _("<order> names “%s”, which is not an element of this rule set"),
                               ids[i]);
          return FALSE;
        }
      if (taken[k])
        {
          _fz_rules_xml_error (error, loader->origin, node,
                               _("<order> names “%s” twice"), ids[i]);
          return FALSE;
        }
      taken[k] = TRUE;
      g_ptr_array_add (ordered, g_ptr_array_index (self->elements, k));
    }

  /* Elements the order leaves out keep their relative place, after it. */
  for (guint k = 0; k < self->elements->len; k++)
    if (!taken[k])
      g_ptr_array_add (ordered, g_ptr_array_index (self->elements, k));

  g_ptr_array_set_size (self->elements, 0);
  g_ptr_array_extend (self->elements, ordered, NULL, NULL);

  return TRUE;
}

static gboolean
check_references (const FzRuleSetLoader  *loader,
                  FzRuleSet              *self,
                  xmlNode                *root,
                  GError                **error)
{
  for (guint i = 0; i < self->elements->len; i++)
    {
      const FzRuleElement *element = g_ptr_array_index (self->elements, i);
      gboolean own = g_ptr_array_find (self->own, element, NULL);
      const char *what = NULL;

      if (element->evidence_in != NULL &&
          (g_str_equal (element->evidence_in, element->id) ||
           _fz_rule_elements_find (self->elements, element->evidence_in) < 0))
        what = element->evidence_in;

      for (guint j = 0; what == NULL && element->nest_in && element->nest_in[j]; j++)
        if (g_str_equal (element->nest_in[j], element->id) ||
            _fz_rule_elements_find (self->elements, element->nest_in[j]) < 0)
          what = element->nest_in[j];

      if (what != NULL)
        {
          /* An inherited element's line is in the parent's file. */
          _fz_rules_xml_error_at (error, loader->origin,
                                  own ? (long) element->xml_line : xmlGetLineNo (root),
                                  FZ_RULESET_ERROR_INVALID,
                                  _("element “%s” refers to “%s”, which is not another element of this rule set"),
                                  element->id, what);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
has_element (gpointer    data,
             const char *id)
{
  return _fz_rule_elements_find (((FzRuleSet *) data)->elements, id) >= 0;
}

FzRuleSet *
_fz_ruleset_parse (const FzRuleSetLoader  *loader,
                   xmlDoc                 *doc,
                   GError                **error)
{
  static const char * const root_attrs[] = { "id", "version", "extends", NULL };
  static const char * const no_attrs[] = { NULL };
  static const char * const deadline_attrs[] = { "month", "day", "level", "kind", NULL };
  static const char * const remove_attrs[] = { "element", NULL };
  g_autoptr(FzRuleSet) self = g_object_new (FZ_TYPE_RULESET, NULL);
  g_autoptr(GPtrArray) removes = g_ptr_array_new ();
  g_autofree char *version = NULL;
  g_autofree char *order = NULL;
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *order_node = NULL;
  xmlNode *deadline_node = NULL;

  if (root == NULL || !_fz_rules_xml_is (root, "ruleset"))
    {
      _fz_rules_xml_error (error, loader->origin, root,
                           _("the document element must be <ruleset>"));
      return NULL;
    }

  if (!_fz_rules_xml_check_attributes (loader->origin, root, root_attrs, error) ||
      (self->id = _fz_rules_xml_parse_id (loader->origin, root, "id", error)) == NULL)
    return NULL;

  version = _fz_rules_xml_attr (root, "version");
  if (version == NULL || !g_str_equal (version, FORMAT_VERSION))
    {
      _fz_rules_xml_error (error, loader->origin, root,
                           _("unsupported rule set format version “%s”: this program reads version %s"),
                           version ? version : "", FORMAT_VERSION);
      return NULL;
    }

  self->origin = g_strdup (loader->origin);
  self->extends = _fz_rules_xml_attr (root, "extends");

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        {
          if (!_fz_rules_xml_check_stray_text (loader->origin, child, error))
            return NULL;
          continue;
        }

      if (_fz_rules_xml_is (child, "name"))
        {
          if (!_fz_rules_xml_parse_localized (loader->origin, child, &self->name, &self->name_en, error))
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "description"))
        {
          if (!_fz_rules_xml_parse_localized (loader->origin, child, &self->description,
                                              &self->description_en, error))
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "source"))
        {
          if (self->source != NULL)
            {
              _fz_rules_xml_error (error, loader->origin, child,
                                   _("<%s> is given twice"), "source");
              return NULL;
            }
          if (!_fz_rules_xml_check_attributes (loader->origin, child, no_attrs, error) ||
              (self->source = _fz_rules_xml_text (loader->origin, child, FALSE, error)) == NULL)
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "deadline"))
        {
          g_autofree char *level_name = _fz_rules_xml_attr (child, "level");
          g_autofree char *kind = _fz_rules_xml_attr (child, "kind");
          /* kind="publication": when the report must be public (督察工作
           * 规定 第二十四条, 4月1日), kept apart from the filing dates. */
          gboolean publication = g_strcmp0 (kind, "publication") == 0;
          int month = publication ? 4 : 3, day = 1;
          int level = FZ_LEVEL_UNKNOWN;

          if (kind != NULL && !publication && !g_str_equal (kind, "filing"))
            {
              _fz_rules_xml_error (error, loader->origin, child,
                                   _("“%s” is not a valid %s: expected filing or publication"),
                                   kind, "kind");
              return NULL;
            }
          if (level_name != NULL &&
              ((level = fz_level_from_string (level_name)) == FZ_LEVEL_UNKNOWN))
            {
              _fz_rules_xml_error (error, loader->origin, child,
                                   _("“%s” is not a valid %s: expected township, county, city, province or department"),
                                   level_name, "level");
              return NULL;
            }
          if (publication ? self->publication_month[level] != 0
                          : level == FZ_LEVEL_UNKNOWN ? deadline_node != NULL : self->level_deadline_month[level] != 0)
            {
              _fz_rules_xml_error (error, loader->origin, child,
                                   _("<%s> is given twice"), "deadline");
              return NULL;
            }
          if (!_fz_rules_xml_check_attributes (loader->origin, child, deadline_attrs, error) ||
              !_fz_rules_xml_parse_int (loader->origin, child, "month", 1, 12, &month, error) ||
              !_fz_rules_xml_parse_int (loader->origin, child, "day", 1, 31, &day, error) ||
              !_fz_rules_xml_check_empty (loader->origin, child, error))
            return NULL;
          /* 2000 is a leap year, so 29 February is accepted. */
          if (!g_date_valid_dmy (day, month, 2000))
            {
              _fz_rules_xml_error (error, loader->origin, child,
                                   _("%d/%d is not a date"), month, day);
              return NULL;
            }
          if (publication)
            {
              self->publication_month[level] = month;
              self->publication_day[level] = day;
            }
          else if (level == FZ_LEVEL_UNKNOWN)
            {
              deadline_node = child;
              self->deadline_own = TRUE;
              self->deadline_month = month;
              self->deadline_day = day;
            }
          else
            {
              self->level_deadline_month[level] = month;
              self->level_deadline_day[level] = day;
            }
        }
      else if (_fz_rules_xml_is (child, "check"))
        {
          if (!parse_check (loader, self, child, error))
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "scoring"))
        {
          if (self->scoring != NULL)
            {
              _fz_rules_xml_error (error, loader->origin, child,
                                   _("<%s> is given twice"), "scoring");
              return NULL;
            }
          self->scoring = _fz_score_table_new_for_ruleset (loader->origin, child, self->id, error);
          if (self->scoring == NULL)
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "order"))
        {
          if (order_node != NULL)
            {
              _fz_rules_xml_error (error, loader->origin, child,
                                   _("<%s> is given twice"), "order");
              return NULL;
            }
          order_node = child;
          if (!_fz_rules_xml_check_attributes (loader->origin, child, no_attrs, error) ||
              (order = _fz_rules_xml_text (loader->origin, child, FALSE, error)) == NULL)
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "remove"))
        {
          g_autofree char *id = NULL;

          if (!_fz_rules_xml_check_attributes (loader->origin, child, remove_attrs, error) ||
              (id = _fz_rules_xml_parse_id (loader->origin, child, "element", error)) == NULL ||
              !_fz_rules_xml_check_empty (loader->origin, child, error))
            return NULL;
          g_ptr_array_add (removes, child);
        }
      else if (_fz_rules_xml_is (child, "element"))
        {
          FzRuleElement *element = _fz_rule_element_parse (loader->origin, child, error);

          if (element == NULL)
            return NULL;
          if (_fz_rule_elements_find (self->own, element->id) >= 0)
            {
              _fz_rules_xml_error (error, loader->origin, child,
                                   _("duplicate element id “%s”"), element->id);
              _fz_rule_element_free (element);
              return NULL;
            }
          g_ptr_array_add (self->own, element);
        }
      else
        {
          _fz_rules_xml_error (error, loader->origin, child,
                               _("unknown element <%s> inside <%s>"),
                               (const char *) child->name, "ruleset");
          return NULL;
        }
    }

  if (self->name == NULL)
    {
      _fz_rules_xml_error (error, loader->origin, root,
                           _("the rule set has no Chinese <name>"));
      return NULL;
    }

  if (self->extends != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_fz_rules_xml_is_valid_id (self->extends))
        {
          _fz_rules_xml_error (error, loader->origin, root,
                               _("a rule set cannot extend “%s”"), self->extends);
          return NULL;
        }
      if (g_str_equal (self->extends, self->id) ||
          g_ptr_array_find_with_equal_func (loader->chain, self->extends, g_str_equal, NULL))
        {
          GString *loop = g_string_new (NULL);

          for (guint i = 0; i < loader->chain->len; i++)
            g_string_append_printf (loop, "%s → ", (const char *) g_ptr_array_index (loader->chain, i));
          g_string_append_printf (loop, "%s → %s", self->id, self->extends);
          _fz_rules_xml_error (error, loader->origin, root,
                               _("rule sets extend each other in a loop: %s"), loop->str);
          g_string_free (loop, TRUE);
          return NULL;
        }
      if (loader->chain->len >= MAX_EXTENDS_DEPTH)
        {
          _fz_rules_xml_error (error, loader->origin, root,
                               _("rule sets extend each other more than %d deep"), MAX_EXTENDS_DEPTH);
          return NULL;
        }

      g_ptr_array_add (loader->chain, self->id);
      self->parent = loader->load (self->extends, loader->folder, loader->chain, &local_error);
      g_ptr_array_remove_index (loader->chain, loader->chain->len - 1);
      if (self->parent == NULL)
        {
          _fz_rules_xml_error_at (error, loader->origin, xmlGetLineNo (root),
                                  g_error_matches (local_error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_NOT_FOUND)
                                    ? FZ_RULESET_ERROR_NOT_FOUND : FZ_RULESET_ERROR_INVALID,
                                  _("cannot load the rule set “%s” it extends: %s"),
                                  self->extends, local_error->message);
          return NULL;
        }

      g_ptr_array_extend (self->elements, self->parent->elements, NULL, NULL);
      if (deadline_node == NULL)
        {
          self->deadline_month = self->parent->deadline_month;
          self->deadline_day = self->parent->deadline_day;
        }
      if (self->source == NULL)
        self->source = g_strdup (self->parent->source);
    }
  else if (removes->len > 0)
    {
      _fz_rules_xml_error (error, loader->origin, g_ptr_array_index (removes, 0),
                           _("<remove> is only allowed in a rule set that extends another"));
      return NULL;
    }

  for (guint i = 0; i < removes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (removes, i);
      g_autofree char *id = _fz_rules_xml_attr (node, "element");
      int k = _fz_rule_elements_find (self->elements, id);

      if (k < 0)
        {
          _fz_rules_xml_error (error, loader->origin, node,
                               _("<remove> names “%s”, which “%s” does not have"),
                               id, self->extends);
          return NULL;
        }
      g_ptr_array_remove_index (self->elements, k);
    }

  /* An element with an inherited id replaces it in place; a new one goes
   * to the end unless <order> says otherwise. */
  for (guint i = 0; i < self->own->len; i++)
    {
      FzRuleElement *element = g_ptr_array_index (self->own, i);
      int k = _fz_rule_elements_find (self->elements, element->id);

      if (k >= 0)
        g_ptr_array_index (self->elements, k) = element;
      else
        g_ptr_array_add (self->elements, element);
    }

  if (order != NULL && !apply_order (loader, self, order_node, order, error))
    return NULL;

  if (self->elements->len == 0)
    {
      _fz_rules_xml_error (error, loader->origin, root,
                           _("the rule set has no <element>"));
      return NULL;
    }

  if (!check_references (loader, self, root, error))
    return NULL;

  /* An inherited table may name elements this set removed: their rules
   * then deduct nothing.  The set's own table must fit its elements. */
  if (self->scoring != NULL &&
      !_fz_score_table_check_elements (self->scoring, has_element, self, error))
    return NULL;

  return g_steal_pointer (&self);
}
