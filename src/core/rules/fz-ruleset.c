/* fz-ruleset.c: rule sets read safely from XML, built in or the user's own
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-ruleset"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pcre2.h>

#include "fz-error.h"
#include "fz-i18n.h"
#include "fz-resources.h"
#include "fz-ruleset.h"
#include "fz-checks.h"
#include "fz-rules-xml-private.h"
#include "fz-score-table-private.h"

#define RESOURCE_DIR "/io/github/fazhireview/FazhiReview/core/rules/"
#define FORMAT_VERSION "1"
/* A rule set is a few kilobytes; the bound keeps a wrong file from costing
 * time and memory. */
#define MAX_FILE_BYTES (1024 * 1024)
#define MAX_EXTENDS_DEPTH 8
#define MAX_ID_LEN 64

static const char * const builtin_ids[] = { "national", "guangdong" };

struct _FzRuleSet
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *name_en;
  char       *description;
  char       *description_en;
  char       *source;
  char       *origin;
  char       *extends;

  /* Inherited elements are borrowed from @parent, which is immutable. */
  FzRuleSet  *parent;
  GPtrArray  *own;                /* FzRuleElement, owned */
  GPtrArray  *elements;           /* FzRuleElement, borrowed, in checking order */

  guint       deadline_month;
  guint       deadline_day;

  /* <deadline level="…">, indexed by FzLevel; month 0 where not given. */
  guint8      level_deadline_month[FZ_LEVEL_DEPARTMENT + 1];
  guint8      level_deadline_day[FZ_LEVEL_DEPARTMENT + 1];
  gboolean    deadline_own;       /* a <deadline> without level in this file */

  /* <check>: finding id → FzRuleCheck, this set's own; see the getters. */
  GHashTable *checks;

  /* <deadline kind="publication">, indexed by FzLevel, FZ_LEVEL_UNKNOWN
   * holding the one without level; month 0 where not given. */
  guint8      publication_month[FZ_LEVEL_DEPARTMENT + 1];
  guint8      publication_day[FZ_LEVEL_DEPARTMENT + 1];

  /* <scoring>: this set's own table; see fz_ruleset_get_score_table(). */
  FzScoreTable *scoring;
};

typedef struct
{
  int         enabled;            /* -1 when not said */
  GHashTable *params;             /* parameter name → double *, owned */
} FzRuleCheck;

G_DEFINE_FINAL_TYPE (FzRuleSet, fz_ruleset, G_TYPE_OBJECT)

typedef struct
{
  const char *origin;
  const char *folder;             /* the user's rule-set folder, where extends= looks */
  GPtrArray  *chain;              /* ids of the rule sets that extend this one, outermost first */
} Loader;

static FzRuleSet *load_by_name (const char  *name,
                                const char  *folder,
                                GPtrArray   *chain,
                                GError     **error);

/* Elements */

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

static void
rule_element_free (FzRuleElement *element)
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzRuleElement, rule_element_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzRuleRequirement, rule_requirement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

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

  if (element->name_en == NULL || fz_locale_is_chinese ())
    return element->name;
  return element->name_en;
}

/* Errors */

static void set_line_error (GError       **error,
                            const Loader  *loader,
                            long           line,
                            int            code,
                            const char    *format,
                            ...) G_GNUC_PRINTF (5, 6);

/* Every message names the file and line, so that a user editing a rule set
 * can go straight to the mistake. */
static void
set_line_error (GError       **error,
                const Loader  *loader,
                long           line,
                int            code,
                const char    *format,
                ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, FZ_RULESET_ERROR, code, "%s:%ld: %s", loader->origin, line, detail);
}

#define set_node_error(error, loader, node, code, ...) \
  set_line_error (error, loader, (node) ? xmlGetLineNo (node) : 0L, code, __VA_ARGS__)

/* XML */

static const char *
find_bytes (const char *haystack,
            gsize       len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return haystack + i;

  return NULL;
}

static long
line_at (const char *data,
         const char *p)
{
  long line = 1;

  for (const char *q = data; q < p; q++)
    if (*q == '\n')
      line++;

  return line;
}

typedef struct
{
  char *message;
  int   line;
} FirstError;

/* libxml2 goes on after the first well-formedness error and its last error
 * is then often a consequence ("premature end of data"); the first one is
 * what the user has to fix. */
static void
record_first_error (void     *data,
                    xmlError *xe)
{
  xmlParserCtxt *ctxt = data;
  FirstError *first = ctxt->_private;

  if (first->message == NULL && xe != NULL && xe->level >= XML_ERR_ERROR)
    {
      first->message = g_strchomp (g_strdup (xe->message ? xe->message : "malformed XML"));
      first->line = xe->line;
    }
}

static xmlDoc *
parse_xml (const char  *data,
           gsize        len,
           const char  *origin,
           GError     **error)
{
  static gsize init;
  FirstError first = { NULL, 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  const char *bad;

  /* libxml2 must set up its global state once before any thread parses;
   * fz_init() does it too, but listing rule sets may come first. */
  if (g_once_init_enter (&init))
    {
      xmlInitParser ();
      g_once_init_leave (&init, 1);
    }

  if (len > MAX_FILE_BYTES)
    {
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE,
                   _("%s: the file is larger than %d KB; a rule set is far smaller"),
                   origin, MAX_FILE_BYTES / 1024);
      return NULL;
    }

  /* A DOCTYPE can declare entities that expand without bound ("billion
   * laughs") or name external files.  A rule set needs neither, so refuse
   * before the parser ever reads one. */
  if ((bad = find_bytes (data, len, "<!DOCTYPE")) != NULL ||
      (bad = find_bytes (data, len, "<!ENTITY")) != NULL)
    {
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE,
                   "%s:%ld: %s", origin, line_at (data, bad),
                   _("document type and entity declarations are not allowed in a rule set"));
      return NULL;
    }

  if (len > G_MAXINT)
    len = G_MAXINT;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE,
                   _("%s: out of memory while reading"), origin);
      return NULL;
    }

  /* Errors go to record_first_error() instead of stderr. */
  ctxt->_private = &first;
  ctxt->sax->serror = record_first_error;

  /* No XML_PARSE_NOENT and no XML_PARSE_DTDLOAD: nothing is substituted or
   * fetched. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, origin, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  if (doc == NULL || !ctxt->wellFormed)
    {
      xmlError *xe = xmlCtxtGetLastError (ctxt);

      if (first.message == NULL)
        {
          first.message = g_strchomp (g_strdup (xe && xe->message ? xe->message : "malformed XML"));
          first.line = xe ? xe->line : 0;
        }
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE,
                   "%s:%d: %s", origin, first.line, first.message);
      g_free (first.message);
      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  g_free (first.message);
  xmlFreeParserCtxt (ctxt);

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE, "%s: %s", origin,
                   _("document type and entity declarations are not allowed in a rule set"));
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

static gboolean
node_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);

  return copy;
}

static gboolean
check_attributes (const Loader       *loader,
                  xmlNode            *node,
                  const char * const *allowed,
                  GError            **error)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (!g_strv_contains (allowed, (const char *) attr->name))
      {
        set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                        _("unknown attribute “%s” on <%s>"),
                        (const char *) attr->name, (const char *) node->name);
        return FALSE;
      }

  return TRUE;
}

/* The text of an element that may hold only text. */
static char *
get_text (const Loader  *loader,
          xmlNode       *node,
          gboolean       may_be_empty,
          GError       **error)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        {
          set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                          _("unknown element <%s> inside <%s>"),
                          (const char *) child->name, (const char *) node->name);
          g_string_free (text, TRUE);
          return NULL;
        }
    }

  g_strstrip (text->str);
  if (text->str[0] == '\0' && !may_be_empty)
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("<%s> must not be empty"), (const char *) node->name);
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

static gboolean
check_empty (const Loader  *loader,
             xmlNode       *node,
             GError       **error)
{
  g_autofree char *text = get_text (loader, node, TRUE, error);

  if (text == NULL)
    return FALSE;

  if (text[0] != '\0')
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("<%s> takes attributes only, no text"), (const char *) node->name);
      return FALSE;
    }

  return TRUE;
}

/* Only whitespace and comments may stand between the structural elements. */
static gboolean
check_stray_text (const Loader  *loader,
                  xmlNode       *node,
                  GError       **error)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      for (const char *p = (const char *) node->content; p && *p; p++)
        if (!g_ascii_isspace (*p))
          {
            set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                            _("unexpected text inside <%s>"),
                            (const char *) node->parent->name);
            return FALSE;
          }
    }

  return TRUE;
}

static gboolean
parse_int_attr (const Loader  *loader,
                xmlNode       *node,
                const char    *name,
                int            min,
                int            max,
                int           *value,
                GError       **error)
{
  g_autofree char *text = get_attr (node, name);
  gint64 v;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, min, max, &v, NULL))
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("“%s” is not a valid %s: expected a whole number from %d to %d"),
                      text, name, min, max);
      return FALSE;
    }

  *value = (int) v;
  return TRUE;
}

static gboolean
parse_bool_attr (const Loader  *loader,
                 xmlNode       *node,
                 const char    *name,
                 gboolean      *value,
                 GError       **error)
{
  g_autofree char *text = get_attr (node, name);

  if (text == NULL)
    return TRUE;

  if (g_str_equal (text, "true") || g_str_equal (text, "yes") || g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "no") || g_str_equal (text, "0"))
    *value = FALSE;
  else
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("“%s” is not a valid %s: expected true or false"), text, name);
      return FALSE;
    }

  return TRUE;
}

/* TRUE for Chinese (no lang, or zh…), FALSE for English. */
static gboolean
parse_lang (const Loader  *loader,
            xmlNode       *node,
            gboolean      *chinese,
            GError       **error)
{
  g_autofree char *lang = get_attr (node, "lang");

  if (lang == NULL || g_ascii_strncasecmp (lang, "zh", 2) == 0)
    *chinese = TRUE;
  else if (g_ascii_strncasecmp (lang, "en", 2) == 0)
    *chinese = FALSE;
  else
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("unsupported language “%s”: use zh (the default) or en"), lang);
      return FALSE;
    }

  return TRUE;
}

/* Stores the text of a <name>-like element in the slot for its language. */
static gboolean
parse_localized (const Loader  *loader,
                 xmlNode       *node,
                 char         **zh,
                 char         **en,
                 GError       **error)
{
  static const char * const attrs[] = { "lang", NULL };
  gboolean chinese;
  char **slot;
  char *text;

  if (!check_attributes (loader, node, attrs, error) ||
      !parse_lang (loader, node, &chinese, error))
    return FALSE;

  slot = chinese ? zh : en;
  if (*slot != NULL)
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("<%s> is given twice for the same language"),
                      (const char *) node->name);
      return FALSE;
    }

  if ((text = get_text (loader, node, FALSE, error)) == NULL)
    return FALSE;

  *slot = text;
  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  gsize len;

  if (id == NULL || !g_ascii_isalpha (id[0]))
    return FALSE;

  len = strlen (id);
  if (len > MAX_ID_LEN)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '-')
      return FALSE;

  return TRUE;
}

static char *
parse_id_attr (const Loader  *loader,
               xmlNode       *node,
               const char    *name,
               GError       **error)
{
  g_autofree char *id = get_attr (node, name);

  if (id == NULL)
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("<%s> needs the attribute “%s”"), (const char *) node->name, name);
      return NULL;
    }

  if (!is_valid_id (id))
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("“%s” is not a valid id: use ASCII letters, digits, “_” and “-”, starting with a letter"),
                      id);
      return NULL;
    }

  return g_steal_pointer (&id);
}

static FzRegex *
compile_pattern (const Loader  *loader,
                 xmlNode       *node,
                 GError       **error)
{
  g_autofree char *pattern = NULL;
  g_autoptr(GError) local_error = NULL;
  FzRegex *regex;

  if ((pattern = get_text (loader, node, FALSE, error)) == NULL)
    return NULL;

  if ((regex = fz_regex_new (pattern, 0, &local_error)) == NULL)
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("invalid regular expression in <%s>: %s"),
                      (const char *) node->name, local_error->message);
      return NULL;
    }

  /* A pattern that matches empty text matches at every position, so it
   * would claim every heading and every sentence. */
  if (fz_regex_matches (regex, "", 0))
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
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

static FzRuleRequirement *
parse_requirement (const Loader  *loader,
                   xmlNode       *node,
                   GError       **error)
{
  static const char * const attrs[] = {
    "in", "min", "message", "message-en", "label", "label-en", NULL
  };
  g_autoptr(FzRuleRequirement) req = g_new0 (FzRuleRequirement, 1);
  g_autofree char *in = NULL;
  int min = 1;

  if (!check_attributes (loader, node, attrs, error))
    return NULL;

  in = get_attr (node, "in");
  if (in == NULL || g_str_equal (in, "body"))
    req->in_body = TRUE;
  else if (g_str_equal (in, "section"))
    req->in_body = FALSE;
  else
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("“%s” is not a valid value for “in”: use body or section"), in);
      return NULL;
    }

  if (!parse_int_attr (loader, node, "min", 1, 1000, &min, error))
    return NULL;
  req->min_count = min;

  req->message = get_attr (node, "message");
  req->message_en = get_attr (node, "message-en");
  req->label = get_attr (node, "label");
  req->label_en = get_attr (node, "label-en");
  if (req->message == NULL || req->message[0] == '\0')
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("<require> needs a “message” saying what is lacking when it fails"));
      return NULL;
    }

  if ((req->pattern = compile_pattern (loader, node, error)) == NULL)
    return NULL;

  return g_steal_pointer (&req);
}

static FzRuleElement *
parse_element (const Loader  *loader,
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

  if (!check_attributes (loader, node, attrs, error))
    return NULL;

  element->xml_line = (guint) xmlGetLineNo (node);
  if ((element->id = parse_id_attr (loader, node, "id", error)) == NULL)
    return NULL;
  if (!parse_bool_attr (loader, node, "required", &element->required, error) ||
      !parse_int_attr (loader, node, "priority", -1000, 1000, &element->priority, error) ||
      !parse_int_attr (loader, node, "min-body", 0, 100000, &min_body, error) ||
      !parse_bool_attr (loader, node, "collect-unclaimed", &element->collect_unclaimed, error))
    return NULL;
  element->min_body_chars = min_body;

  element->evidence_in = get_attr (node, "evidence-in");
  nest_in = get_attr (node, "nest-in");
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
          if (!check_stray_text (loader, child, error))
            return NULL;
          continue;
        }

      if (node_is (child, "name"))
        {
          if (!parse_localized (loader, child, &element->name, &element->name_en, error))
            return NULL;
        }
      else if (node_is (child, "short"))
        {
          if (!parse_localized (loader, child, &element->short_name, &element->short_name_en, error))
            return NULL;
        }
      else if (node_is (child, "article"))
        {
          if (element->article != NULL)
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("<%s> is given twice"), "article");
              return NULL;
            }
          if (!check_attributes (loader, child, pattern_attrs, error) ||
              (element->article = get_text (loader, child, FALSE, error)) == NULL)
            return NULL;
        }
      else if (node_is (child, "heading"))
        {
          gboolean weak = FALSE;
          FzRegex *regex;

          if (!check_attributes (loader, child, heading_attrs, error) ||
              !parse_bool_attr (loader, child, "weak", &weak, error) ||
              (regex = compile_pattern (loader, child, error)) == NULL)
            return NULL;
          g_ptr_array_add (weak ? element->weak_headings : element->headings, regex);
        }
      else if (node_is (child, "evidence"))
        {
          FzRegex *regex;

          if (!check_attributes (loader, child, pattern_attrs, error) ||
              (regex = compile_pattern (loader, child, error)) == NULL)
            return NULL;
          g_ptr_array_add (element->evidence, regex);
        }
      else if (node_is (child, "require"))
        {
          FzRuleRequirement *req = parse_requirement (loader, child, error);

          if (req == NULL)
            return NULL;
          g_ptr_array_add (element->requirements, req);
        }
      else if (node_is (child, "year"))
        {
          int offset = 0;
          g_autofree char *given = get_attr (child, "offset");

          if (element->year_offset != G_MININT)
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("<%s> is given twice"), "year");
              return NULL;
            }
          if (given == NULL)
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("<%s> needs the attribute “%s”"), "year", "offset");
              return NULL;
            }
          if (!check_attributes (loader, child, year_attrs, error) ||
              !parse_int_attr (loader, child, "offset", -10, 10, &offset, error) ||
              !check_empty (loader, child, error))
            return NULL;
          element->year_offset = offset;
        }
      else
        {
          set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                          _("unknown element <%s> inside <%s>"),
                          (const char *) child->name, "element");
          return NULL;
        }
    }

  if (element->name == NULL)
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("element “%s” has no Chinese <name>"), element->id);
      return NULL;
    }

  if (element->headings->len == 0 && element->weak_headings->len == 0)
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("element “%s” has no <heading> pattern"), element->id);
      return NULL;
    }

  element->any_heading = join_patterns (element->headings);
  element->any_weak_heading = join_patterns (element->weak_headings);
  element->evidence_scan = split_patterns (element->evidence);

  return g_steal_pointer (&element);
}

/* Check settings */

static void
rule_check_free (gpointer data)
{
  FzRuleCheck *check = data;

  g_clear_pointer (&check->params, g_hash_table_unref);
  g_free (check);
}

/* <check id="few_figures" enabled="true" min-per-1000="2"/>: every other
 * attribute is a threshold the check itself declares. */
static gboolean
parse_check (const Loader  *loader,
             FzRuleSet     *self,
             xmlNode       *node,
             GError       **error)
{
  g_autofree char *id = get_attr (node, "id");
  FzRuleCheck *check;
  gboolean enabled = TRUE;

  if (id == NULL)
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("<%s> needs the attribute “%s”"), "check", "id");
      return FALSE;
    }
  if (!fz_checks_is_known (id))
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("unknown check “%s”"), id);
      return FALSE;
    }
  if (g_hash_table_contains (self->checks, id))
    {
      set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                      _("check “%s” is given twice"), id);
      return FALSE;
    }
  if (!check_empty (loader, node, error))
    return FALSE;

  check = g_new0 (FzRuleCheck, 1);
  check->enabled = -1;
  check->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (self->checks, g_strdup (id), check);

  if (xmlHasProp (node, (const xmlChar *) "enabled"))
    {
      if (!parse_bool_attr (loader, node, "enabled", &enabled, error))
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
      if (!fz_checks_get_param (id, name, &def, &min, &max))
        {
          set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                          _("unknown attribute “%s” on <%s>"), name, "check");
          return FALSE;
        }

      text = get_attr (node, name);
      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || !(value >= min && value <= max))
        {
          set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                          _("“%s” is not a valid %s: expected a number from %g to %g"),
                          text, name, min, max);
          return FALSE;
        }
      g_hash_table_insert (check->params, g_strdup (name), g_memdup2 (&value, sizeof value));
    }

  return TRUE;
}

/* Rule sets */

static void
fz_ruleset_finalize (GObject *object)
{
  FzRuleSet *self = (FzRuleSet *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_en);
  g_free (self->description);
  g_free (self->description_en);
  g_free (self->source);
  g_free (self->origin);
  g_free (self->extends);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->own, g_ptr_array_unref);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_object (&self->scoring);

  G_OBJECT_CLASS (fz_ruleset_parent_class)->finalize (object);
}

/* Read-only, so that lists of rule sets can be bound to in the window. */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_ruleset_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FzRuleSet *self = FZ_RULESET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, fz_ruleset_get_display_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_ruleset_class_init (FzRuleSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_ruleset_finalize;
  object_class->get_property = fz_ruleset_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_ruleset_init (FzRuleSet *self)
{
  self->own = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_element_free);
  self->elements = g_ptr_array_new ();
  self->deadline_month = 3;
  self->deadline_day = 1;
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, rule_check_free);
}

static int
find_index (GPtrArray  *elements,
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

static gboolean
apply_order (const Loader  *loader,
             FzRuleSet     *self,
             xmlNode       *node,
             const char    *order,
             GError       **error)
{
  g_auto(GStrv) ids = g_strsplit_set (order, " \t\r\n,", -1);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autofree gboolean *taken = g_new0 (gboolean, self->elements->len + 1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      int k;

      if (ids[i][0] == '\0')
        continue;

      if ((k = find_index (self->elements, ids[i])) < 0)
        {
          set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
                          _("<order> names “%s”, which is not an element of this rule set"),
                          ids[i]);
          return FALSE;
        }
      if (taken[k])
        {
          set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
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
check_references (const Loader  *loader,
                  FzRuleSet     *self,
                  xmlNode       *root,
                  GError       **error)
{
  for (guint i = 0; i < self->elements->len; i++)
    {
      const FzRuleElement *element = g_ptr_array_index (self->elements, i);
      gboolean own = g_ptr_array_find (self->own, element, NULL);
      const char *what = NULL;

      if (element->evidence_in != NULL &&
          (g_str_equal (element->evidence_in, element->id) ||
           find_index (self->elements, element->evidence_in) < 0))
        what = element->evidence_in;

      for (guint j = 0; what == NULL && element->nest_in && element->nest_in[j]; j++)
        if (g_str_equal (element->nest_in[j], element->id) ||
            find_index (self->elements, element->nest_in[j]) < 0)
          what = element->nest_in[j];

      if (what != NULL)
        {
          /* An inherited element's line is in the parent's file. */
          set_line_error (error, loader,
                          own ? (long) element->xml_line : xmlGetLineNo (root),
                          FZ_RULESET_ERROR_INVALID,
                          _("element “%s” refers to “%s”, which is not another element of this rule set"),
                          element->id, what);
          return FALSE;
        }
    }

  return TRUE;
}

static FzLevel
level_from_string (const char *name)
{
  for (FzLevel level = FZ_LEVEL_TOWNSHIP; level <= FZ_LEVEL_DEPARTMENT; level++)
    if (g_str_equal (name, fz_level_to_string (level)))
      return level;

  return FZ_LEVEL_UNKNOWN;
}

static gboolean
has_element (gpointer    data,
             const char *id)
{
  return find_index (((FzRuleSet *) data)->elements, id) >= 0;
}

static FzRuleSet *
parse_ruleset (const Loader  *loader,
               xmlDoc        *doc,
               GError       **error)
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

  if (root == NULL || !node_is (root, "ruleset"))
    {
      set_node_error (error, loader, root, FZ_RULESET_ERROR_INVALID,
                      _("the document element must be <ruleset>"));
      return NULL;
    }

  if (!check_attributes (loader, root, root_attrs, error) ||
      (self->id = parse_id_attr (loader, root, "id", error)) == NULL)
    return NULL;

  version = get_attr (root, "version");
  if (version == NULL || !g_str_equal (version, FORMAT_VERSION))
    {
      set_node_error (error, loader, root, FZ_RULESET_ERROR_INVALID,
                      _("unsupported rule set format version “%s”: this program reads version %s"),
                      version ? version : "", FORMAT_VERSION);
      return NULL;
    }

  self->origin = g_strdup (loader->origin);
  self->extends = get_attr (root, "extends");

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        {
          if (!check_stray_text (loader, child, error))
            return NULL;
          continue;
        }

      if (node_is (child, "name"))
        {
          if (!parse_localized (loader, child, &self->name, &self->name_en, error))
            return NULL;
        }
      else if (node_is (child, "description"))
        {
          if (!parse_localized (loader, child, &self->description, &self->description_en, error))
            return NULL;
        }
      else if (node_is (child, "source"))
        {
          if (self->source != NULL)
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("<%s> is given twice"), "source");
              return NULL;
            }
          if (!check_attributes (loader, child, no_attrs, error) ||
              (self->source = get_text (loader, child, FALSE, error)) == NULL)
            return NULL;
        }
      else if (node_is (child, "deadline"))
        {
          g_autofree char *level_name = get_attr (child, "level");
          g_autofree char *kind = get_attr (child, "kind");
          /* kind="publication": when the report must be public (督察工作
           * 规定 第二十四条, 4月1日), kept apart from the filing dates. */
          gboolean publication = g_strcmp0 (kind, "publication") == 0;
          int month = publication ? 4 : 3, day = 1;
          int level = FZ_LEVEL_UNKNOWN;

          if (kind != NULL && !publication && !g_str_equal (kind, "filing"))
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("“%s” is not a valid %s: expected filing or publication"),
                              kind, "kind");
              return NULL;
            }
          if (level_name != NULL &&
              ((level = level_from_string (level_name)) == FZ_LEVEL_UNKNOWN))
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("“%s” is not a valid %s: expected township, county, city, province or department"),
                              level_name, "level");
              return NULL;
            }
          if (publication ? self->publication_month[level] != 0
                          : level == FZ_LEVEL_UNKNOWN ? deadline_node != NULL : self->level_deadline_month[level] != 0)
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("<%s> is given twice"), "deadline");
              return NULL;
            }
          if (!check_attributes (loader, child, deadline_attrs, error) ||
              !parse_int_attr (loader, child, "month", 1, 12, &month, error) ||
              !parse_int_attr (loader, child, "day", 1, 31, &day, error) ||
              !check_empty (loader, child, error))
            return NULL;
          /* 2000 is a leap year, so 29 February is accepted. */
          if (!g_date_valid_dmy (day, month, 2000))
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
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
      else if (node_is (child, "check"))
        {
          if (!parse_check (loader, self, child, error))
            return NULL;
        }
      else if (node_is (child, "scoring"))
        {
          if (self->scoring != NULL)
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("<%s> is given twice"), "scoring");
              return NULL;
            }
          self->scoring = _fz_score_table_new_for_ruleset (loader->origin, child, self->id, error);
          if (self->scoring == NULL)
            return NULL;
        }
      else if (node_is (child, "order"))
        {
          if (order_node != NULL)
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("<%s> is given twice"), "order");
              return NULL;
            }
          order_node = child;
          if (!check_attributes (loader, child, no_attrs, error) ||
              (order = get_text (loader, child, FALSE, error)) == NULL)
            return NULL;
        }
      else if (node_is (child, "remove"))
        {
          g_autofree char *id = NULL;

          if (!check_attributes (loader, child, remove_attrs, error) ||
              (id = parse_id_attr (loader, child, "element", error)) == NULL ||
              !check_empty (loader, child, error))
            return NULL;
          g_ptr_array_add (removes, child);
        }
      else if (node_is (child, "element"))
        {
          FzRuleElement *element = parse_element (loader, child, error);

          if (element == NULL)
            return NULL;
          if (find_index (self->own, element->id) >= 0)
            {
              set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                              _("duplicate element id “%s”"), element->id);
              rule_element_free (element);
              return NULL;
            }
          g_ptr_array_add (self->own, element);
        }
      else
        {
          set_node_error (error, loader, child, FZ_RULESET_ERROR_INVALID,
                          _("unknown element <%s> inside <%s>"),
                          (const char *) child->name, "ruleset");
          return NULL;
        }
    }

  if (self->name == NULL)
    {
      set_node_error (error, loader, root, FZ_RULESET_ERROR_INVALID,
                      _("the rule set has no Chinese <name>"));
      return NULL;
    }

  if (self->extends != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!is_valid_id (self->extends))
        {
          set_node_error (error, loader, root, FZ_RULESET_ERROR_INVALID,
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
          set_node_error (error, loader, root, FZ_RULESET_ERROR_INVALID,
                          _("rule sets extend each other in a loop: %s"), loop->str);
          g_string_free (loop, TRUE);
          return NULL;
        }
      if (loader->chain->len >= MAX_EXTENDS_DEPTH)
        {
          set_node_error (error, loader, root, FZ_RULESET_ERROR_INVALID,
                          _("rule sets extend each other more than %d deep"), MAX_EXTENDS_DEPTH);
          return NULL;
        }

      g_ptr_array_add (loader->chain, self->id);
      self->parent = load_by_name (self->extends, loader->folder, loader->chain, &local_error);
      g_ptr_array_remove_index (loader->chain, loader->chain->len - 1);
      if (self->parent == NULL)
        {
          set_node_error (error, loader, root,
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
      set_node_error (error, loader, g_ptr_array_index (removes, 0), FZ_RULESET_ERROR_INVALID,
                      _("<remove> is only allowed in a rule set that extends another"));
      return NULL;
    }

  for (guint i = 0; i < removes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (removes, i);
      g_autofree char *id = get_attr (node, "element");
      int k = find_index (self->elements, id);

      if (k < 0)
        {
          set_node_error (error, loader, node, FZ_RULESET_ERROR_INVALID,
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
      int k = find_index (self->elements, element->id);

      if (k >= 0)
        g_ptr_array_index (self->elements, k) = element;
      else
        g_ptr_array_add (self->elements, element);
    }

  if (order != NULL && !apply_order (loader, self, order_node, order, error))
    return NULL;

  if (self->elements->len == 0)
    {
      set_node_error (error, loader, root, FZ_RULESET_ERROR_INVALID,
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

static FzRuleSet *
new_from_data (const char  *xml,
               gsize        len,
               const char  *origin,
               const char  *folder,
               GPtrArray   *chain,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) own_chain = NULL;
  g_autofree char *default_folder = NULL;
  Loader loader = { origin, folder, chain };

  if (folder == NULL)
    loader.folder = default_folder = fz_ruleset_get_user_dir ();

  if (chain == NULL)
    loader.chain = own_chain = g_ptr_array_new ();

  if ((doc = parse_xml (xml, len, origin, error)) == NULL)
    return NULL;

  return parse_ruleset (&loader, doc, error);
}

FzRuleSet *
fz_ruleset_new_from_data (const char  *xml,
                          gsize        len,
                          const char  *origin,
                          GError     **error)
{
  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_data (xml, len, origin ? origin : "(rules)", NULL, NULL, error);
}

static FzRuleSet *
new_from_file (const char  *path,
               const char  *folder,
               GPtrArray   *chain,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, FZ_RULESET_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? FZ_RULESET_ERROR_NOT_FOUND : FZ_RULESET_ERROR_PARSE,
                   "%s", local_error->message);
      return NULL;
    }

  return new_from_data (data, len, path, folder, chain, error);
}

FzRuleSet *
fz_ruleset_new_from_file (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_file (path, NULL, NULL, error);
}

/* Built-in rule sets are parsed once and shared: they are immutable.  The
 * lock is recursive because guangdong loads national while holding it. */
static GRecMutex builtin_lock;
static FzRuleSet *builtin_cache[G_N_ELEMENTS (builtin_ids)];

static FzRuleSet *
load_builtin (guint       index,
              GPtrArray  *chain,
              GError    **error)
{
  FzRuleSet *set = NULL;

  g_rec_mutex_lock (&builtin_lock);

  if (builtin_cache[index] == NULL)
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, builtin_ids[index], ".xml", NULL);
      g_autofree char *origin = g_strconcat ("resource://", path, NULL);
      g_autoptr(GBytes) bytes = NULL;

      /* Going through fz_get_resource() also makes the linker keep the
       * resource data, which a static library would otherwise drop. */
      bytes = g_resource_lookup_data (fz_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes != NULL)
        builtin_cache[index] = new_from_data (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes),
                                              origin, "", chain, error);
    }

  if (builtin_cache[index] != NULL)
    set = g_object_ref (builtin_cache[index]);

  g_rec_mutex_unlock (&builtin_lock);

  return set;
}

/* The folder fz_ruleset_load() looks in.  A FzRuleSetStore owns the folder
 * the reviewer chose and passes it explicitly; this process-wide choice
 * remains only for the window's FzRulesMonitor until it is replaced. */
static GMutex user_dir_lock;
static char *user_dir_override;

char *
fz_ruleset_get_user_dir (void)
{
  char *dir = NULL;

  g_mutex_lock (&user_dir_lock);
  if (user_dir_override != NULL)
    dir = g_strdup (user_dir_override);
  g_mutex_unlock (&user_dir_lock);

  if (dir == NULL)
    dir = fz_ruleset_get_default_dir ();

  return dir;
}

char *
fz_ruleset_get_default_dir (void)
{
  return g_build_filename (g_get_user_config_dir (), "fazhi-review", "rules", NULL);
}

void
fz_ruleset_set_user_dir (const char *dir)
{
  g_mutex_lock (&user_dir_lock);
  g_clear_pointer (&user_dir_override, g_free);
  if (dir != NULL && *dir != '\0')
    user_dir_override = g_strdup (dir);
  g_mutex_unlock (&user_dir_lock);
}

/* Reads only the id of a rule set file, without validating the rest. */
static char *
peek_id (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  gsize len;
  char *id;

  if (!g_file_get_contents (path, &data, &len, NULL) ||
      (doc = parse_xml (data, len, path, NULL)) == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !node_is (root, "ruleset"))
    return NULL;

  id = get_attr (root, "id");
  if (!is_valid_id (id))
    g_clear_pointer (&id, g_free);

  return id;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Paths of the *.xml files in @dir_path, sorted by name. */
static GPtrArray *
list_user_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return paths;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") && name[0] != '.')
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));

  g_ptr_array_sort (paths, compare_paths);

  return paths;
}

static int
builtin_index (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    if (g_str_equal (id, builtin_ids[i]))
      return i;

  return -1;
}

static char *
find_user_file (const char *dir,
                const char *id)
{
  g_autofree char *file_name = g_strconcat (id, ".xml", NULL);
  g_autofree char *likely = g_build_filename (dir, file_name, NULL);
  g_autoptr(GPtrArray) paths = NULL;

  /* The file is usually named after its id; the id inside decides. */
  if (g_file_test (likely, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *found = peek_id (likely);

      if (g_strcmp0 (found, id) == 0)
        return g_steal_pointer (&likely);
    }

  paths = list_user_files (dir);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *found = NULL;

      if (g_str_equal (path, likely))
        continue;
      found = peek_id (path);
      if (g_strcmp0 (found, id) == 0)
        return g_strdup (path);
    }

  return NULL;
}

static gboolean
looks_like_path (const char *name)
{
  return strchr (name, '/') != NULL || strchr (name, G_DIR_SEPARATOR) != NULL ||
         g_str_has_suffix (name, ".xml");
}

static FzRuleSet *
load_by_name (const char  *name,
              const char  *folder,
              GPtrArray   *chain,
              GError     **error)
{
  g_autofree char *path = NULL;
  int builtin;

  if (looks_like_path (name))
    return new_from_file (name, folder, chain, error);

  if ((builtin = builtin_index (name)) >= 0)
    return load_builtin (builtin, chain, error);

  if (is_valid_id (name) && *folder != '\0' && (path = find_user_file (folder, name)) != NULL)
    return new_from_file (path, folder, chain, error);

  {
    g_auto(GStrv) available = fz_ruleset_list_in (folder);
    g_autofree char *list = g_strjoinv (", ", available);

    g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_NOT_FOUND,
                 _("There is no rule set “%s”. Available: %s. Your own rule sets go in %s."),
                 name, list, folder);
  }

  return NULL;
}

FzRuleSet *
fz_ruleset_load (const char  *name,
                 GError     **error)
{
  g_autofree char *folder = fz_ruleset_get_user_dir ();

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_by_name (name, folder, NULL, error);
}

FzRuleSet *
fz_ruleset_load_from (const char  *folder,
                      const char  *name,
                      GError     **error)
{
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_by_name (name, folder, NULL, error);
}

char **
fz_ruleset_list_available (void)
{
  g_autofree char *folder = fz_ruleset_get_user_dir ();

  return fz_ruleset_list_in (folder);
}

char **
fz_ruleset_list_in (const char *folder)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) paths = list_user_files (folder);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    g_strv_builder_add (builder, builtin_ids[i]);

  /* A user file may not shadow a built-in id; such a file is listed under
   * no name, just as fz_ruleset_load() never reaches it. */
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *id = peek_id (g_ptr_array_index (paths, i));

      if (id == NULL || builtin_index (id) >= 0 ||
          g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL))
        continue;
      g_strv_builder_add (builder, id);
      g_ptr_array_add (seen, g_steal_pointer (&id));
    }

  return g_strv_builder_end (builder);
}

const char *
fz_ruleset_get_id (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->id;
}

const char *
fz_ruleset_get_name (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->name;
}

const char *
fz_ruleset_get_display_name (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  if (self->name_en == NULL || fz_locale_is_chinese ())
    return self->name;
  return self->name_en;
}

const char *
fz_ruleset_get_description (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  if (self->description_en == NULL || fz_locale_is_chinese ())
    return self->description;
  return self->description_en;
}

const char *
fz_ruleset_get_source (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->source;
}

const char *
fz_ruleset_get_origin (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->origin;
}

const char *
fz_ruleset_get_extends (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->extends;
}

guint
fz_ruleset_get_n_elements (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), 0);

  return self->elements->len;
}

const FzRuleElement *
fz_ruleset_get_element (FzRuleSet *self,
                        guint      index)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);
  g_return_val_if_fail (index < self->elements->len, NULL);

  return g_ptr_array_index (self->elements, index);
}

const FzRuleElement *
fz_ruleset_find_element (FzRuleSet  *self,
                         const char *id)
{
  int k;

  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  k = find_index (self->elements, id);
  return k >= 0 ? g_ptr_array_index (self->elements, k) : NULL;
}

void
fz_ruleset_get_deadline (FzRuleSet *self,
                         guint     *month,
                         guint     *day)
{
  g_return_if_fail (FZ_IS_RULESET (self));

  if (month != NULL)
    *month = self->deadline_month;
  if (day != NULL)
    *day = self->deadline_day;
}

/* A deadline the set names for @level itself comes first, then its own
 * default, then what it inherits: a set's own <deadline> replaces the
 * inherited ones for every level it does not name. */
void
fz_ruleset_get_deadline_for_level (FzRuleSet *self,
                                   FzLevel    level,
                                   guint     *month,
                                   guint     *day)
{
  g_return_if_fail (FZ_IS_RULESET (self));

  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    {
      if (level > FZ_LEVEL_UNKNOWN && level <= FZ_LEVEL_DEPARTMENT && set->level_deadline_month[level] != 0)
        {
          *month = set->level_deadline_month[level];
          *day = set->level_deadline_day[level];
          return;
        }
      if (set->deadline_own)
        {
          *month = set->deadline_month;
          *day = set->deadline_day;
          return;
        }
    }

  /* Nobody named one: the default, inherited or built in. */
  *month = self->deadline_month;
  *day = self->deadline_day;
}

void
fz_ruleset_get_deadline_for (FzRuleSet      *self,
                             FzDeadlineKind  kind,
                             FzLevel         level,
                             guint          *month,
                             guint          *day)
{
  g_return_if_fail (FZ_IS_RULESET (self));
  g_return_if_fail (month != NULL && day != NULL);

  if (kind == FZ_DEADLINE_FILING)
    {
      fz_ruleset_get_deadline_for_level (self, level, month, day);
      return;
    }

  /* As for filing: the level's own date, then the set's plain one, then
   * up the chain of sets it extends. */
  if (level < FZ_LEVEL_UNKNOWN || level > FZ_LEVEL_DEPARTMENT)
    level = FZ_LEVEL_UNKNOWN;
  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    {
      if (set->publication_month[level] != 0)
        {
          *month = set->publication_month[level];
          *day = set->publication_day[level];
          return;
        }
      if (set->publication_month[FZ_LEVEL_UNKNOWN] != 0)
        {
          *month = set->publication_month[FZ_LEVEL_UNKNOWN];
          *day = set->publication_day[FZ_LEVEL_UNKNOWN];
          return;
        }
    }

  /* 督察工作规定 第二十四条: public by 4月1日. */
  *month = 4;
  *day = 1;
}

FzScoreTable *
fz_ruleset_get_score_table (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    if (set->scoring != NULL)
      return set->scoring;

  return NULL;
}

gboolean
fz_ruleset_get_check_enabled (FzRuleSet  *self,
                              const char *id)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), TRUE);

  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    {
      const FzRuleCheck *check = g_hash_table_lookup (set->checks, id);

      if (check != NULL && check->enabled >= 0)
        return check->enabled;
    }

  return TRUE;
}

double
fz_ruleset_get_check_param (FzRuleSet  *self,
                            const char *id,
                            const char *param)
{
  double value = 0, min, max;

  g_return_val_if_fail (FZ_IS_RULESET (self), 0);

  if (!fz_checks_get_param (id, param, &value, &min, &max))
    g_return_val_if_reached (0);

  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    {
      const FzRuleCheck *check = g_hash_table_lookup (set->checks, id);
      const double *v = check != NULL ? g_hash_table_lookup (check->params, param) : NULL;

      if (v != NULL)
        return *v;
    }

  return value;
}

/* The XML helpers above, for the scoring tables (fz-score-table.c): one
 * reader, so that a table's mistakes are reported as a rule set's are. */

xmlDoc *
_fz_rules_xml_parse (const char  *data,
                     gsize        len,
                     const char  *origin,
                     GError     **error)
{
  return parse_xml (data, len, origin, error);
}

void
_fz_rules_xml_error (GError     **error,
                     const char  *origin,
                     xmlNode     *node,
                     const char  *format,
                     ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_INVALID, "%s:%ld: %s",
               origin, node != NULL ? xmlGetLineNo (node) : 0L, detail);
}

gboolean
_fz_rules_xml_is (xmlNode    *node,
                  const char *name)
{
  return node_is (node, name);
}

char *
_fz_rules_xml_attr (xmlNode    *node,
                    const char *name)
{
  return get_attr (node, name);
}

gboolean
_fz_rules_xml_check_attributes (const char          *origin,
                                xmlNode             *node,
                                const char * const  *allowed,
                                GError             **error)
{
  Loader loader = { .origin = origin };

  return check_attributes (&loader, node, allowed, error);
}

char *
_fz_rules_xml_text (const char  *origin,
                    xmlNode     *node,
                    gboolean     may_be_empty,
                    GError     **error)
{
  Loader loader = { .origin = origin };

  return get_text (&loader, node, may_be_empty, error);
}

gboolean
_fz_rules_xml_check_empty (const char  *origin,
                           xmlNode     *node,
                           GError     **error)
{
  Loader loader = { .origin = origin };

  return check_empty (&loader, node, error);
}

gboolean
_fz_rules_xml_check_stray_text (const char  *origin,
                                xmlNode     *node,
                                GError     **error)
{
  Loader loader = { .origin = origin };

  return check_stray_text (&loader, node, error);
}

gboolean
_fz_rules_xml_parse_bool (const char  *origin,
                          xmlNode     *node,
                          const char  *name,
                          gboolean    *value,
                          GError     **error)
{
  Loader loader = { .origin = origin };

  return parse_bool_attr (&loader, node, name, value, error);
}

gboolean
_fz_rules_xml_parse_localized (const char  *origin,
                               xmlNode     *node,
                               char       **zh,
                               char       **en,
                               GError     **error)
{
  Loader loader = { .origin = origin };

  return parse_localized (&loader, node, zh, en, error);
}

char *
_fz_rules_xml_parse_id (const char  *origin,
                        xmlNode     *node,
                        const char  *name,
                        GError     **error)
{
  Loader loader = { .origin = origin };

  return parse_id_attr (&loader, node, name, error);
}

gboolean
_fz_rules_xml_is_valid_id (const char *id)
{
  return is_valid_id (id);
}
