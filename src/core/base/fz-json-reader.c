/* fz-json-reader.c: the strict reader and the writers beside it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-json-reader.h"

void
_fz_json_reader_fail_member (FzJsonReader *r,
                             const char   *member)
{
  if (r->failed)
    return;

  r->failed = TRUE;
  r->member_fail (r->error, member, r->user_data);
}

static JsonNode *
member_node (JsonObject *o,
             const char *name)
{
  return o != NULL ? json_object_get_member (o, name) : NULL;
}

/* Member @name of @o when it is a @type node, and for a value one of
 * @value_type; else NULL, and the reader fails. */
static JsonNode *
typed_member (FzJsonReader *r,
              JsonObject   *o,
              const char   *name,
              JsonNodeType  type,
              GType         value_type)
{
  JsonNode *node = member_node (o, name);

  if (node == NULL || JSON_NODE_TYPE (node) != type ||
      (type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type))
    {
      _fz_json_reader_fail_member (r, name);
      return NULL;
    }

  return node;
}

const char *
_fz_json_reader_get_string (FzJsonReader *r,
                            JsonObject   *o,
                            const char   *name,
                            gboolean      nullable)
{
  JsonNode *node = member_node (o, name);

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && nullable)
    return NULL;
  node = typed_member (r, o, name, JSON_NODE_VALUE, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

GDateTime *
_fz_json_reader_get_time (FzJsonReader *r,
                          JsonObject   *o,
                          const char   *name,
                          gboolean      nullable)
{
  const char *s = _fz_json_reader_get_string (r, o, name, nullable);
  GDateTime *time;

  if (s == NULL)
    return NULL;
  if ((time = g_date_time_new_from_iso8601 (s, NULL)) == NULL)
    _fz_json_reader_fail_member (r, name);

  return time;
}

gint64
_fz_json_reader_get_int (FzJsonReader *r,
                         JsonObject   *o,
                         const char   *name,
                         gint64        max)
{
  JsonNode *node = typed_member (r, o, name, JSON_NODE_VALUE, G_TYPE_INT64);
  gint64 v;

  if (node == NULL)
    return 0;

  v = json_node_get_int (node);
  if (v < 0 || v > max)
    {
      _fz_json_reader_fail_member (r, name);
      return 0;
    }

  return v;
}

gboolean
_fz_json_reader_get_bool (FzJsonReader *r,
                          JsonObject   *o,
                          const char   *name)
{
  JsonNode *node = typed_member (r, o, name, JSON_NODE_VALUE, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : FALSE;
}

JsonArray *
_fz_json_reader_get_array (FzJsonReader *r,
                           JsonObject   *o,
                           const char   *name)
{
  JsonNode *node = typed_member (r, o, name, JSON_NODE_ARRAY, G_TYPE_INVALID);

  return node != NULL ? json_node_get_array (node) : NULL;
}

JsonObject *
_fz_json_reader_get_object (FzJsonReader *r,
                            JsonObject   *o,
                            const char   *name)
{
  JsonNode *node = typed_member (r, o, name, JSON_NODE_OBJECT, G_TYPE_INVALID);

  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonObject *
_fz_json_reader_get_element (FzJsonReader *r,
                             JsonArray    *array,
                             guint         i,
                             const char   *name)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _fz_json_reader_fail_member (r, name);
      return NULL;
    }

  return json_node_get_object (node);
}

void
_fz_json_set_string_or_null (JsonObject *o,
                             const char *name,
                             const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

void
_fz_json_set_int_or_null (JsonObject *o,
                          const char *name,
                          gint64      value)
{
  if (value >= 0)
    json_object_set_int_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

void
_fz_json_set_time_or_null (JsonObject *o,
                           const char *name,
                           GDateTime  *time)
{
  g_autofree char *text = time != NULL ? g_date_time_format_iso8601 (time) : NULL;

  _fz_json_set_string_or_null (o, name, text);
}

void
_fz_json_set_place_or_null (JsonObject *o,
                            const char *name,
                            guint       start,
                            guint       end)
{
  JsonObject *place;

  if (start == G_MAXUINT)
    {
      json_object_set_null_member (o, name);
      return;
    }
  place = json_object_new ();
  json_object_set_int_member (place, "start", start);
  json_object_set_int_member (place, "end", end);
  json_object_set_object_member (o, name, place);
}
