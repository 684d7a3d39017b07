/* fz-review-saver.c: keeps a review on disk as it changes
 *
 * A finished act — a decision, an override and its reason, an annotation
 * saved or deleted, a problem kind put in or left out of the memo — is
 * written at once, before the call that made it returns: a crash a moment
 * later must not lose it.  Only typing in a text field waits: saving on
 * every keystroke would write the file hundreds of times a minute, so the
 * saver writes a short moment after the first unsaved keystroke, and
 * nothing typed more than a second ago is ever lost.  Every save replaces
 * the file atomically.  A failed save is retried on the next change and
 * shown through the "error" property.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review-saver"

#include "config.h"

#include "fz-review-saver.h"

struct _FzReviewSaver
{
  GObject       parent_instance;

  FzReview     *review;
  GMainContext *context;
  GSource      *timeout;
  GError       *error;
  guint64       saved_serial;
  gulong        typing_id;
  gulong        action_id;
};

G_DEFINE_FINAL_TYPE (FzReviewSaver, fz_review_saver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REVIEW,
  PROP_DIRTY,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fz_review_saver_is_dirty (FzReviewSaver *self)
{
  return fz_review_get_serial (self->review) != self->saved_serial;
}

static void
set_error (FzReviewSaver *self,
           GError        *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
save_now (FzReviewSaver  *self,
          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  guint64 serial = fz_review_get_serial (self->review);
  gboolean was_dirty = fz_review_saver_is_dirty (self);

  if (!fz_review_save (self->review, &local_error))
    {
      g_debug ("%s", local_error->message);
      set_error (self, local_error);
      if (error != NULL)
        *error = g_steal_pointer (&local_error);
      return FALSE;
    }

  self->saved_serial = serial;
  set_error (self, NULL);
  if (was_dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);

  return TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  FzReviewSaver *self = user_data;

  g_clear_pointer (&self->timeout, g_source_unref);
  save_now (self, NULL);

  return G_SOURCE_REMOVE;
}

/* A finished act: on disk before the act's caller goes on. */
static void
on_review_acted (FzReviewSaver *self)
{
  if (self->timeout != NULL)
    {
      g_source_destroy (self->timeout);
      g_clear_pointer (&self->timeout, g_source_unref);
    }
  save_now (self, NULL);
}

/* Typing: written a moment later, with whatever else is typed by then. */
static void
on_review_typed (FzReviewSaver *self)
{
  gboolean notify = fz_review_get_serial (self->review) == self->saved_serial + 1;

  if (self->timeout != NULL)
    return;

  self->timeout = g_timeout_source_new (FZ_REVIEW_SAVER_DELAY_MS);
  g_source_set_callback (self->timeout, on_timeout, self, NULL);
  g_source_set_static_name (self->timeout, "[fazhi] review autosave");
  g_source_attach (self->timeout, self->context);

  if (notify)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
fz_review_saver_dispose (GObject *object)
{
  FzReviewSaver *self = (FzReviewSaver *)object;

  /* Whatever is pending is written now rather than lost. */
  if (self->timeout != NULL)
    {
      g_source_destroy (self->timeout);
      g_clear_pointer (&self->timeout, g_source_unref);
      if (self->review != NULL && fz_review_saver_is_dirty (self))
        save_now (self, NULL);
    }
  if (self->review != NULL)
    {
      g_clear_signal_handler (&self->typing_id, self->review);
      g_clear_signal_handler (&self->action_id, self->review);
    }
  g_clear_object (&self->review);

  G_OBJECT_CLASS (fz_review_saver_parent_class)->dispose (object);
}

static void
fz_review_saver_finalize (GObject *object)
{
  FzReviewSaver *self = (FzReviewSaver *)object;

  g_clear_error (&self->error);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (fz_review_saver_parent_class)->finalize (object);
}

static void
fz_review_saver_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzReviewSaver *self = FZ_REVIEW_SAVER (object);

  switch (prop_id)
    {
    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, fz_review_saver_get_dirty (self));
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_review_saver_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FzReviewSaver *self = FZ_REVIEW_SAVER (object);

  switch (prop_id)
    {
    case PROP_REVIEW:
      self->review = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_review_saver_constructed (GObject *object)
{
  FzReviewSaver *self = (FzReviewSaver *)object;

  G_OBJECT_CLASS (fz_review_saver_parent_class)->constructed (object);

  g_assert (FZ_IS_REVIEW (self->review));

  self->saved_serial = fz_review_get_serial (self->review);
  self->typing_id = g_signal_connect_swapped (self->review, "changed::text",
                                              G_CALLBACK (on_review_typed), self);
  self->action_id = g_signal_connect_swapped (self->review, "changed::action",
                                              G_CALLBACK (on_review_acted), self);
}

static void
fz_review_saver_class_init (FzReviewSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fz_review_saver_constructed;
  object_class->dispose = fz_review_saver_dispose;
  object_class->finalize = fz_review_saver_finalize;
  object_class->get_property = fz_review_saver_get_property;
  object_class->set_property = fz_review_saver_set_property;

  properties[PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL, FZ_TYPE_REVIEW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_review_saver_init (FzReviewSaver *self)
{
  self->context = g_main_context_ref_thread_default ();
}

FzReviewSaver *
fz_review_saver_new (FzReview *review)
{
  g_return_val_if_fail (FZ_IS_REVIEW (review), NULL);

  return g_object_new (FZ_TYPE_REVIEW_SAVER, "review", review, NULL);
}

FzReview *
fz_review_saver_get_review (FzReviewSaver *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW_SAVER (self), NULL);
  return self->review;
}

gboolean
fz_review_saver_get_dirty (FzReviewSaver *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW_SAVER (self), FALSE);
  return self->review != NULL && fz_review_saver_is_dirty (self);
}

const GError *
fz_review_saver_get_error (FzReviewSaver *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW_SAVER (self), NULL);
  return self->error;
}

gboolean
fz_review_saver_flush (FzReviewSaver  *self,
                       GError        **error)
{
  g_return_val_if_fail (FZ_IS_REVIEW_SAVER (self), FALSE);

  if (self->timeout != NULL)
    {
      g_source_destroy (self->timeout);
      g_clear_pointer (&self->timeout, g_source_unref);
    }
  if (!fz_review_saver_is_dirty (self))
    return TRUE;

  return save_now (self, error);
}
