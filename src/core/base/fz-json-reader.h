/* fz-json-reader.h: reading the project's own JSON files strictly, and
 * the small helpers that write them
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Sets the error for a member that is missing or of the wrong type; each
 * file kind words it (and picks its error domain) itself. */
typedef void (*FzJsonMemberFailFunc) (GError     **error,
                                      const char  *member,
                                      gpointer     user_data);

/* The first failure is kept and the rest ignored, so a reader can read a
 * whole object and check once at the end.  Any member of the wrong type
 * fails the file: guessing could silently drop part of a reviewer's work. */
typedef struct
{
  GError              **error;
  gboolean              failed;
  FzJsonMemberFailFunc  member_fail;
  gpointer              user_data;
} FzJsonReader;

void        _fz_json_reader_fail_member  (FzJsonReader *r,
                                          const char   *member);
/* A string member; a missing or null one is NULL, and a failure unless
 * @nullable. */
const char *_fz_json_reader_get_string   (FzJsonReader *r,
                                          JsonObject   *o,
                                          const char   *name,
                                          gboolean      nullable);
/* A whole number from 0 to @max. */
gint64      _fz_json_reader_get_int      (FzJsonReader *r,
                                          JsonObject   *o,
                                          const char   *name,
                                          gint64        max);
/* An ISO 8601 time, as _fz_json_reader_get_string reads a string; a
 * string that is no time fails too.  Returns a new reference. */
GDateTime  *_fz_json_reader_get_time     (FzJsonReader *r,
                                          JsonObject   *o,
                                          const char   *name,
                                          gboolean      nullable);
gboolean    _fz_json_reader_get_bool     (FzJsonReader *r,
                                          JsonObject   *o,
                                          const char   *name);
JsonArray  *_fz_json_reader_get_array    (FzJsonReader *r,
                                          JsonObject   *o,
                                          const char   *name);
JsonObject *_fz_json_reader_get_object   (FzJsonReader *r,
                                          JsonObject   *o,
                                          const char   *name);
/* Element @i of @array, which must be an object; @name is the array's. */
JsonObject *_fz_json_reader_get_element  (FzJsonReader *r,
                                          JsonArray    *array,
                                          guint         i,
                                          const char   *name);

/* Writing.  A member without a value is written as null rather than left
 * out, so that a reader finds every member the format names. */

/* @value, or null when it is NULL. */
void        _fz_json_set_string_or_null  (JsonObject   *o,
                                          const char   *name,
                                          const char   *value);
/* @value when it is 0 or more (an index, a page, a year), else null. */
void        _fz_json_set_int_or_null     (JsonObject   *o,
                                          const char   *name,
                                          gint64        value);
/* @time in ISO 8601, or null when it is NULL. */
void        _fz_json_set_time_or_null    (JsonObject   *o,
                                          const char   *name,
                                          GDateTime    *time);
/* {"start": @start, "end": @end}, characters of a text; null when @start is
 * G_MAXUINT, the models' "no place". */
void        _fz_json_set_place_or_null   (JsonObject   *o,
                                          const char   *name,
                                          guint         start,
                                          guint         end);

G_END_DECLS
