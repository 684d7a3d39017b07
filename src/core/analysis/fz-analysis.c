/* fz-analysis.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-analysis"

#include "config.h"

#include "fz-analysis.h"
#include "fz-checks.h"

struct _FzAnalysis
{
  GObject     parent_instance;

  FzDocument *document;
  FzRuleSet  *rules;
  FzMetadata *metadata;
  GPtrArray  *sections;
  GPtrArray  *figures;
  GPtrArray  *elements;
  GPtrArray  *findings;
  GPtrArray  *coverage;
};

G_DEFINE_FINAL_TYPE (FzAnalysis, fz_analysis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_RULESET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_analysis_constructed (GObject *object)
{
  FzAnalysis *self = (FzAnalysis *)object;

  G_OBJECT_CLASS (fz_analysis_parent_class)->constructed (object);

  g_assert (self->document != NULL);
  g_assert (self->rules != NULL);

  /* Order matters: every later pass reads the outline, the checks read the
   * metadata, and the checker marks the sections it used. */
  self->sections = fz_outline_build (self->document);
  self->metadata = fz_metadata_extract (self->document, self->sections);
  self->figures = fz_figures_extract (self->document, self->sections);
  self->elements = fz_checker_run (self->rules, self->document, self->sections, self->metadata);
  self->findings = fz_checks_run_full (self->document, self->sections, self->metadata,
                                       self->figures, self->rules, &self->coverage);
}

static void
fz_analysis_finalize (GObject *object)
{
  FzAnalysis *self = (FzAnalysis *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->metadata, fz_metadata_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->coverage, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_analysis_parent_class)->finalize (object);
}

static void
fz_analysis_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FzAnalysis *self = FZ_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_RULESET:
      g_value_set_object (value, self->rules);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_analysis_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FzAnalysis *self = FZ_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_RULESET:
      self->rules = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_analysis_class_init (FzAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fz_analysis_constructed;
  object_class->finalize = fz_analysis_finalize;
  object_class->get_property = fz_analysis_get_property;
  object_class->set_property = fz_analysis_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         FZ_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RULESET] =
    g_param_spec_object ("ruleset", NULL, NULL,
                         FZ_TYPE_RULESET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_analysis_init (FzAnalysis *self)
{
}

/**
 * fz_analysis_new:
 *
 * Returns: (transfer full): the analysis of @document under @rules
 */
FzAnalysis *
fz_analysis_new (FzDocument *document,
                 FzRuleSet  *rules)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FZ_IS_RULESET (rules), NULL);

  return g_object_new (FZ_TYPE_ANALYSIS,
                       "document", document,
                       "ruleset", rules,
                       NULL);
}

FzDocument *
fz_analysis_get_document (FzAnalysis *self)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);
  return self->document;
}

FzRuleSet *
fz_analysis_get_ruleset (FzAnalysis *self)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);
  return self->rules;
}

const FzMetadata *
fz_analysis_get_metadata (FzAnalysis *self)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);
  return self->metadata;
}

GPtrArray *
fz_analysis_get_sections (FzAnalysis *self)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);
  return self->sections;
}

GPtrArray *
fz_analysis_get_figures (FzAnalysis *self)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);
  return self->figures;
}

GPtrArray *
fz_analysis_get_elements (FzAnalysis *self)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);
  return self->elements;
}

GPtrArray *
fz_analysis_get_findings (FzAnalysis *self)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);
  return self->findings;
}

const FzElementResult *
fz_analysis_find_element (FzAnalysis *self,
                          const char *id)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);

  for (guint i = 0; i < self->elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (self->elements, i);

      if (g_strcmp0 (r->id, id) == 0)
        return r;
    }

  return NULL;
}

/**
 * fz_analysis_get_coverage:
 *
 * The task areas of the 纲要 and how far the report covers each, in the
 * outline's order; empty when the outline_coverage check is switched off
 * or the outline does not apply to the report year.
 *
 * Returns: (transfer none) (element-type FzCoverageArea): the areas
 */
GPtrArray *
fz_analysis_get_coverage (FzAnalysis *self)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (self), NULL);
  return self->coverage;
}
