{% set pipeline = true %}{% set job_name = "local.job_name" %}
{% include "terraform/_training_spec.tf" %}

locals {
  # The spec names a job; a pipeline names each run's job itself, so any valid name will do.
  job_name = replace(substr(var.pipeline_name, 0, 63), "/-+$/", "")
}

# A pipeline whose one Training step carries the catalog-checked request; each run
# (StartPipelineExecution) trains once.
resource "aws_sagemaker_pipeline" "this" {
  pipeline_name         = var.pipeline_name
  pipeline_display_name = var.pipeline_name
  role_arn              = local.role_arn
  pipeline_definition   = module.spec.pipeline_definition
  tags                  = var.tags

  # IAM is eventually consistent: SageMaker refuses a role whose policy is not yet seen.
  depends_on = [aws_iam_role_policy.this]
}
