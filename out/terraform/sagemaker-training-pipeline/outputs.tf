output "pipeline_definition" {
  description = "The pipeline definition (JSON) with its one Training step."
  value       = module.spec.pipeline_definition

  precondition {
    condition     = length(module.spec.errors) == 0
    error_message = join("\n", concat(["The training job does not match the sagemaker-iac catalog:"], module.spec.errors))
  }
}

output "image_uri" {
  description = "Training image URI from the catalog."
  value       = module.spec.image_uri
}

output "pipeline_arn" {
  description = "ARN of the pipeline."
  value       = aws_sagemaker_pipeline.this.arn
}

output "pipeline_name" {
  description = "Name of the pipeline."
  value       = aws_sagemaker_pipeline.this.pipeline_name
}

output "role_arn" {
  description = "Execution role used."
  value       = local.role_arn
}

output "model_data_url_pattern" {
  description = "Where a run writes its model artifacts: JOB is the run's training job name, which SageMaker chooses (see the README)."
  value       = "${trimsuffix(var.output_s3_path, "/")}/JOB/output/model.tar.gz"
}
