/* fz-ruleset-element.c: one <element> of a rule set
 *
 * An element is what the checker looks for: heading patterns, evidence
 * patterns and the requirements a section must meet.  Reading one is most
 * of the work of reading a rule set, and compiling its patterns for speed
 * (joined headings, evidence split at its alternatives) belongs with it,
 * so it has this file of its own; fz-ruleset-parse.c reads the rest.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-ruleset"

#include "config.h"

#include <string.h>

#include <pcre2.h>

#include "fz-i18n.h"
#include "fz-rules-xml-private.h"
#include "fz-ruleset-private.h"

/* Parts */

static void
rule_requirement_free (FzRuleRequirement *req)
{
  if (req == NULL)
    return;

  fz_regex_free (req->pattern);
  g_free (req->message);
  g_free (req->message_en);
  g_free (req->label);
  g_free (req->label_en);
  g_free (req);
}

void
_fz_rule_element_free (FzRuleElement *element)
{
  if (element == NULL)
    return;

  g_free (element->id);
  g_free (element->name);
  g_free (element->name_en);
  g_free (element->short_name);
  g_free (element->short_name_en);
  g_free (element->article);
  g_clear_pointer (&element->headings, g_ptr_array_unref);
  g_clear_pointer (&element->weak_headings, g_ptr_array_unref);
  g_clear_pointer (&element->evidence, g_ptr_array_unref);
  g_clear_pointer (&element->requirements, g_ptr_array_unref);
  g_free (element->evidence_in);
  g_strfreev (element->nest_in);
  g_clear_pointer (&element->any_heading, fz_regex_free);
  g_clear_pointer (&element->any_weak_heading, fz_regex_free);
  g_clear_pointer (&element->evidence_scan, g_ptr_array_unref);
  g_free (element);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzRuleElement, _fz_rule_element_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzRuleRequirement, rule_requirement_free)

static FzRuleElement *
rule_element_new (void)
{
  FzRuleElement *element = g_new0 (FzRuleElement, 1);

  element->required = TRUE;
  element->min_body_chars = 20;
  element->year_offset = G_MININT;
  element->headings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_regex_free);
  element->weak_headings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_regex_free);
  element->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_regex_free);
  element->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_requirement_free);

  return element;
}

int
_fz_rule_elements_find (GPtrArray  *elements,
                        const char *id)
{
  for (guint i = 0; i < elements->len; i++)
    {
      const FzRuleElement *element = g_ptr_array_index (elements, i);

      if (g_str_equal (element->id, id))
        return i;
    }

  return -1;
}

const char *
fz_rule_element_get_short_name (const FzRuleElement *element)
{
  g_return_val_if_fail (element != NULL, NULL);

  if (!fz_locale_is_chinese () && element->name_en != NULL)
    return element->short_name_en != NULL ? element->short_name_en : element->name_en;

  return element->short_name != NULL ? element->short_name : element->name;
}

const char *
fz_rule_element_get_display_name (const FzRuleElement *element)
{
  g_return_val_if_fail (element != NULL, NULL);

  return fz_localized (element->name, element->name_en);
}

/* Patterns */

static FzRegex *
compile_pattern (const char    *origin,
                 xmlNode       *node,
                 GError       **error)
{
  g_autofree char *pattern = NULL;
  g_autoptr(GError) local_error = NULL;
  FzRegex *regex;

  if ((pattern = _fz_rules_xml_text (origin, node, FALSE, error)) == NULL)
    return NULL;

  if ((regex = fz_regex_new (pattern, 0, &local_error)) == NULL)
    {
      _fz_rules_xml_error (error, origin, node,
                           _("invalid regular expression in <%s>: %s"),
                           (const char *) node->name, local_error->message);
      return NULL;
    }

  /* A pattern that matches empty text matches at every position, so it
   * would claim every heading and every sentence. */
  if (fz_regex_matches (regex, "", 0))
    {
      _fz_rules_xml_error (error, origin, node,
                           _("the regular expression “%s” matches empty text, so it would match everywhere"),
                           pattern);
      fz_regex_free (regex);
      return NULL;
    }

  return regex;
}

/* Whether @pattern means the same inside a larger alternation: group
 * numbers shift there, so back-references, recursion and conditions
 * would change meaning; verbs such as (*UTF) must open a pattern; and an
 * unterminated \Q or an extended-mode # comment would swallow the rest. */
static gboolean
can_join (const char *pattern)
{
  for (const char *p = pattern; *p; p++)
    {
      if (*p == '#')
        return FALSE;
      if (p[0] == '\\' && p[1] != '\0')
        {
          if (g_ascii_isdigit (p[1]) || strchr ("gkQ", p[1]) != NULL)
            return FALSE;
          p++;
        }
      else if (p[0] == '(' && p[1] == '*')
        return FALSE;
      else if (p[0] == '(' && p[1] == '?' && p[2] != '\0' &&
               (strchr ("P&R(+0123456789", p[2]) != NULL ||
                (p[2] == '-' && g_ascii_isdigit (p[3]))))
        return FALSE;
    }

  return TRUE;
}

/* One pattern matching wherever any of @regexes does, so that the checker
 * makes one search instead of several. */
static FzRegex *
join_patterns (GPtrArray *regexes)
{
  g_autoptr(GString) joined = NULL;

  if (regexes->len < 2)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < regexes->len; i++)
    {
      const char *pattern = fz_regex_get_pattern (g_ptr_array_index (regexes, i));

      if (!can_join (pattern))
        return NULL;
      g_string_append_printf (joined, "%s(?:%s)", i > 0 ? "|" : "", pattern);
    }

  return fz_regex_new (joined->str, 0, NULL);
}

/* The top-level alternatives of @pattern, or NULL when splitting could
 * change its meaning (see can_join(); also inline options, which reach
 * into the alternatives after them). */
static GPtrArray *
split_alternatives (const char *pattern)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = pattern;
  const char *p = pattern;
  int depth = 0;

  if (!can_join (pattern))
    return NULL;

  while (*p)
    {
      if (p[0] == '\\' && p[1] != '\0')
        p += 2;
      else if (p[0] == '[')
        {
          /* A class: "]" right after "[" or "[^" is a member, and so are
           * POSIX names such as [:alpha:]. */
          p++;
          if (*p == '^')
            p++;
          if (*p == ']')
            p++;
          while (*p && *p != ']')
            {
              if (p[0] == '\\' && p[1] != '\0')
                p += 2;
              else if (p[0] == '[' && p[1] == ':' && strstr (p + 2, ":]") != NULL)
                p = strstr (p + 2, ":]") + 2;
              else
                p++;
            }
          if (*p == '\0')
            return NULL;
          p++;
        }
      else if (p[0] == '(')
        {
          if (p[1] == '?' && p[2] != '\0' && strchr ("imnsxJU^-", p[2]) != NULL)
            return NULL;
          depth++;
          p++;
        }
      else if (p[0] == ')')
        {
          depth--;
          p++;
        }
      else if (p[0] == '|' && depth == 0)
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          start = ++p;
        }
      else
        p++;
    }
  g_ptr_array_add (parts, g_strndup (start, p - start));

  return g_steal_pointer (&parts);
}

/* What the checker scans body text with: see FzRuleElement.evidence_scan. */
static GPtrArray *
split_patterns (GPtrArray *regexes)
{
  GPtrArray *scan = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_regex_free);

  for (guint i = 0; i < regexes->len; i++)
    {
      const char *pattern = fz_regex_get_pattern (g_ptr_array_index (regexes, i));
      g_autoptr(GPtrArray) parts = split_alternatives (pattern);
      guint first = scan->len;
      gboolean ok = parts != NULL;

      for (guint k = 0; ok && k < parts->len; k++)
        {
          FzRegex *part = fz_regex_new (g_ptr_array_index (parts, k), PCRE2_MULTILINE, NULL);

          ok = part != NULL && !fz_regex_matches (part, "", 0);
          if (part != NULL)
            g_ptr_array_add (scan, part);
        }

      if (!ok)
        {
          /* The whole pattern compiled before, so it compiles again. */
          FzRegex *whole;

          g_ptr_array_remove_range (scan, first, scan->len - first);
          if ((whole = fz_regex_new (pattern, PCRE2_MULTILINE, NULL)) != NULL)
            g_ptr_array_add (scan, whole);
        }
    }

  return scan;
}

/* Reading */

static FzRuleRequirement *
parse_requirement (const char    *origin,
                   xmlNode       *node,
                   GError       **error)
{
  static const char * const attrs[] = {
    "in", "min", "message", "message-en", "label", "label-en", NULL
  };
  g_autoptr(FzRuleRequirement) req = g_new0 (FzRuleRequirement, 1);
  g_autofree char *in = NULL;
  int min = 1;

  if (!_fz_rules_xml_check_attributes (origin, node, attrs, error))
    return NULL;

  in = _fz_rules_xml_attr (node, "in");
  if (in == NULL || g_str_equal (in, "body"))
    req->in_body = TRUE;
  else if (g_str_equal (in, "section"))
    req->in_body = FALSE;
  else
    {
      _fz_rules_xml_error (error, origin, node,
                           _("“%s” is not a valid value for “in”: use body or section"), in);
      return NULL;
    }

  if (!_fz_rules_xml_parse_int (origin, node, "min", 1, 1000, &min, error))
    return NULL;
  req->min_count = min;

  req->message = _fz_rules_xml_attr (node, "message");
  req->message_en = _fz_rules_xml_attr (node, "message-en");
  req->label = _fz_rules_xml_attr (node, "label");
  req->label_en = _fz_rules_xml_attr (node, "label-en");
  if (req->message == NULL || req->message[0] == '\0')
    {
      _fz_rules_xml_error (error, origin, node,
                           _("<require> needs a “message” saying what is lacking when it fails"));
      return NULL;
    }

  if ((req->pattern = compile_pattern (origin, node, error)) == NULL)
    return NULL;

  return g_steal_pointer (&req);
}

FzRuleElement *
_fz_rule_element_parse (const char    *origin,
                        xmlNode       *node,
                        GError       **error)
{
  static const char * const attrs[] = {
    "id", "required", "priority", "min-body", "evidence-in", "nest-in",
    "collect-unclaimed", NULL
  };
  static const char * const pattern_attrs[] = { NULL };
  static const char * const heading_attrs[] = { "weak", NULL };
  static const char * const year_attrs[] = { "offset", NULL };
  g_autoptr(FzRuleElement) element = rule_element_new ();
  g_autofree char *nest_in = NULL;
  int min_body = (int) element->min_body_chars;

  if (!_fz_rules_xml_check_attributes (origin, node, attrs, error))
    return NULL;

  element->xml_line = (guint) xmlGetLineNo (node);
  if ((element->id = _fz_rules_xml_parse_id (origin, node, "id", error)) == NULL)
    return NULL;
  if (!_fz_rules_xml_parse_bool (origin, node, "required", &element->required, error) ||
      !_fz_rules_xml_parse_int (origin, node, "priority", -1000, 1000, &element->priority, error) ||
      !_fz_rules_xml_parse_int (origin, node, "min-body", 0, 100000, &min_body, error) ||
      !_fz_rules_xml_parse_bool (origin, node, "collect-unclaimed", &element->collect_unclaimed, error))
    return NULL;
  element->min_body_chars = min_body;

  element->evidence_in = _fz_rules_xml_attr (node, "evidence-in");
  nest_in = _fz_rules_xml_attr (node, "nest-in");
  if (nest_in != NULL)
    {
      element->nest_in = g_strsplit_set (nest_in, " \t\n,", -1);
      /* Drop the empty pieces that separators in a row leave behind. */
      for (guint i = 0, j = 0; ; i++)
        {
          char *piece = element->nest_in[i];

          if (piece != NULL && piece[0] == '\0')
            {
              g_free (piece);
              continue;
            }
          element->nest_in[j++] = piece;
          if (piece == NULL)
            break;
        }
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        {
          if (!_fz_rules_xml_check_stray_text (origin, child, error))
            return NULL;
          continue;
        }

      if (_fz_rules_xml_is (child, "name"))
        {
          if (!_fz_rules_xml_parse_localized (origin, child, &element->name, &element->name_en, error))
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "short"))
        {
          if (!_fz_rules_xml_parse_localized (origin, child, &element->short_name,
                                              &element->short_name_en, error))
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "article"))
        {
          if (element->article != NULL)
            {
              _fz_rules_xml_error (error, origin, child,
                                   _("<%s> is given twice"), "article");
              return NULL;
            }
          if (!_fz_rules_xml_check_attributes (origin, child, pattern_attrs, error) ||
              (element->article = _fz_rules_xml_text (origin, child, FALSE, error)) == NULL)
            return NULL;
        }
      else if (_fz_rules_xml_is (child, "heading"))
        {
          gboolean weak = FALSE;
          FzRegex *regex;

          if (!_fz_rules_xml_check_attributes (origin, child, heading_attrs, error) ||
              !_fz_rules_xml_parse_bool (origin, child, "weak", &weak, error) ||
              (regex = compile_pattern (origin, child, error)) == NULL)
            return NULL;
          g_ptr_array_add (weak ? element->weak_headings : element->headings, regex);
        }
      else if (_fz_rules_xml_is (child, "evidence"))
        {
          FzRegex *regex;

          if (!_fz_rules_xml_check_attributes (origin, child, pattern_attrs, error) ||
              (regex = compile_pattern (origin, child, error)) == NULL)
            return NULL;
          g_ptr_array_add (element->evidence, regex);
        }
      else if (_fz_rules_xml_is (child, "require"))
        {
          FzRuleRequirement *req = parse_requirement (origin, child, error);

          if (req == NULL)
            return NULL;
          g_ptr_array_add (element->requirements, req);
        }
      else if (_fz_rules_xml_is (child, "year"))
        {
          int offset = 0;
          g_autofree char *given = _fz_rules_xml_attr (child, "offset");

          if (element->year_offset != G_MININT)
            {
              _fz_rules_xml_error (error, origin, child,
                                   _("<%s> is given twice"), "year");
              return NULL;
            }
          if (given == NULL)
            {
              _fz_rules_xml_error (error, origin, child,
                                   _("<%s> needs the attribute “%s”"), "year", "offset");
              return NULL;
            }
          if (!_fz_rules_xml_check_attributes (origin, child, year_attrs, error) ||
              !_fz_rules_xml_parse_int (origin, child, "offset", -10, 10, &offset, error) ||
              !_fz_rules_xml_check_empty (origin, child, error))
            return NULL;
          element->year_offset = offset;
        }
      else
        {
          _fz_rules_xml_error (error, origin, child,
                               _("unknown element <%s> inside <%s>"),
                               (const char *) child->name, "element");
          return NULL;
        }
    }

  if (element->name == NULL)
    {
      _fz_rules_xml_error (error, origin, node,
                           _("element “%s” has no Chinese <name>"), element->id);
      return NULL;
    }

  if (element->headings->len == 0 && element->weak_headings->len == 0)
    {
      _fz_rules_xml_error (error, origin, node,
                           _("element “%s” has no <heading> pattern"), element->id);
      return NULL;
    }

  element->any_heading = join_patterns (element->headings);
  element->any_weak_heading = join_patterns (element->weak_headings);
  element->evidence_scan = split_patterns (element->evidence);

  return g_steal_pointer (&element);
}
