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

const char *
_fz_json_reader_get_string (FzJsonReader *r,
                            JsonObject   *o,
                            const char   *name,
                            gboolean      nullable)
{
  JsonNode *node = member_node (o, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!nullable)
        _fz_json_reader_fail_member (r, name);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _fz_json_reader_fail_member (r, name);
      return NULL;
    }

  return json_node_get_string (node);
}

gint64
_fz_json_reader_get_int (FzJsonReader *r,
                         JsonObject   *o,
                         const char   *name,
                         gint64        max)
{
  JsonNode *node = member_node (o, name);
  gint64 v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      _fz_json_reader_fail_member (r, name);
      return 0;
    }

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
  JsonNode *node = member_node (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      _fz_json_reader_fail_member (r, name);
      return FALSE;
    }

  return json_node_get_boolean (node);
}

JsonArray *
_fz_json_reader_get_array (FzJsonReader *r,
                           JsonObject   *o,
                           const char   *name)
{
  JsonNode *node = member_node (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      _fz_json_reader_fail_member (r, name);
      return NULL;
    }

  return json_node_get_array (node);
}

JsonObject *
_fz_json_reader_get_object (FzJsonReader *r,
                            JsonObject   *o,
                            const char   *name)
{
  JsonNode *node = member_node (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _fz_json_reader_fail_member (r, name);
      return NULL;
    }

  return json_node_get_object (node);
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
