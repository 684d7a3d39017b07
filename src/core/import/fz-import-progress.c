/* fz-import-progress.c: how far reading a report has come
 *
 * Reading a .docx takes a moment; converting a large .doc through
 * LibreOffice can take half a minute.  The importer, on its worker
 * thread, says which stage it is in and for how long; the object hands
 * that to the thread that made it, through its main context, coalescing
 * updates, so a window shows a live "Converting… 12 s" without locking.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <math.h>

#include "fz-i18n.h"
#include "fz-import-private.h"
#include "fz-import-progress.h"

struct _FzImportProgress
{
  GObject       parent_instance;

  GMainContext *context;
  GMutex        mutex;
  /* Written by the importer under the mutex, read by the owner. */
  FzImportStage stage;
  double        elapsed;
  double        limit;
  /* What the owner's thread last notified. */
  FzImportStage shown_stage;
  double        shown_elapsed;
  double        shown_limit;
  gboolean      pending;
};

enum
{
  PROP_0,
  PROP_STAGE,
  PROP_ELAPSED,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FzImportProgress, fz_import_progress, G_TYPE_OBJECT)

static void
fz_import_progress_finalize (GObject *object)
{
  FzImportProgress *self = FZ_IMPORT_PROGRESS (object);

  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (fz_import_progress_parent_class)->finalize (object);
}

static void
fz_import_progress_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FzImportProgress *self = FZ_IMPORT_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_int (value, fz_import_progress_get_stage (self));
      break;
    case PROP_ELAPSED:
      g_value_set_double (value, fz_import_progress_get_elapsed (self));
      break;
    case PROP_LIMIT:
      g_value_set_double (value, fz_import_progress_get_limit (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_import_progress_class_init (FzImportProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_import_progress_finalize;
  object_class->get_property = fz_import_progress_get_property;

  /* An FzImportStage. */
  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL,
                      FZ_IMPORT_STAGE_READING, FZ_IMPORT_STAGE_EXTRACTING, FZ_IMPORT_STAGE_READING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELAPSED] =
    g_param_spec_double ("elapsed", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIMIT] =
    g_param_spec_double ("limit", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_import_progress_init (FzImportProgress *self)
{
  g_mutex_init (&self->mutex);
  self->context = g_main_context_ref_thread_default ();
}

FzImportProgress *
fz_import_progress_new (void)
{
  return g_object_new (FZ_TYPE_IMPORT_PROGRESS, NULL);
}

FzImportStage
fz_import_progress_get_stage (FzImportProgress *self)
{
  g_return_val_if_fail (FZ_IS_IMPORT_PROGRESS (self), FZ_IMPORT_STAGE_READING);

  return self->shown_stage;
}

double
fz_import_progress_get_elapsed (FzImportProgress *self)
{
  g_return_val_if_fail (FZ_IS_IMPORT_PROGRESS (self), 0);

  return self->shown_elapsed;
}

double
fz_import_progress_get_limit (FzImportProgress *self)
{
  g_return_val_if_fail (FZ_IS_IMPORT_PROGRESS (self), 0);

  return self->shown_limit;
}

char *
fz_import_progress_dup_description (FzImportProgress *self)
{
  int seconds;

  g_return_val_if_fail (FZ_IS_IMPORT_PROGRESS (self), NULL);

  seconds = (int) floor (self->shown_elapsed);
  switch (self->shown_stage)
    {
    case FZ_IMPORT_STAGE_CONVERTING:
      if (self->shown_limit > 0)
        return g_strdup_printf (_("Converting with LibreOffice… %d s (stopped after %d s)"),
                                seconds, (int) ceil (self->shown_limit));
      return g_strdup_printf (_("Converting with LibreOffice… %d s"), seconds);
    case FZ_IMPORT_STAGE_EXTRACTING:
      return g_strdup (_("Reading the text…"));
    case FZ_IMPORT_STAGE_READING:
    default:
      return g_strdup (_("Reading the file…"));
    }
}

/* In the owner's thread: what changed since the last notification. */
static gboolean
notify_changes (gpointer data)
{
  FzImportProgress *self = data;
  FzImportStage stage;
  double elapsed, limit;
  gboolean stage_changed, elapsed_changed, limit_changed;

  g_mutex_lock (&self->mutex);
  stage = self->stage;
  elapsed = self->elapsed;
  limit = self->limit;
  self->pending = FALSE;
  g_mutex_unlock (&self->mutex);

  stage_changed = stage != self->shown_stage;
  elapsed_changed = elapsed != self->shown_elapsed;
  limit_changed = limit != self->shown_limit;
  self->shown_stage = stage;
  self->shown_elapsed = elapsed;
  self->shown_limit = limit;

  g_object_freeze_notify (G_OBJECT (self));
  if (stage_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  if (elapsed_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);
  if (limit_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

void
_fz_import_progress_update (FzImportProgress *self,
                            FzImportStage     stage,
                            double            elapsed,
                            double            limit)
{
  gboolean schedule;

  if (self == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->stage = stage;
  self->elapsed = MAX (0, elapsed);
  self->limit = MAX (0, limit);
  schedule = !self->pending;
  self->pending = TRUE;
  g_mutex_unlock (&self->mutex);

  /* One notification at a time, however often the importer reports. */
  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, notify_changes, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[fazhi] import progress");
      g_source_attach (source, self->context);
    }
}
