output "request" {
  description = "CreateTrainingJob request as an object."
  value       = module.spec.request

  precondition {
    condition     = length(module.spec.errors) == 0
    error_message = join("\n", concat(["The training job does not match the sagemaker-iac catalog:"], module.spec.errors))
  }
}

output "request_json" {
  description = "CreateTrainingJob request as JSON."
  value       = module.spec.request_json
}

output "image_uri" {
  description = "Training image URI from the catalog."
  value       = module.spec.image_uri
}

output "training_job_arn" {
  description = "ARN of the training job (mode = job)."
  value       = one(aws_sagemaker_training_job.this[*].arn)
}

output "pipeline_arn" {
  description = "ARN of the pipeline (mode = pipeline)."
  value       = one(aws_sagemaker_pipeline.this[*].arn)
}

output "role_arn" {
  description = "Execution role used."
  value       = local.role_arn
}

output "model_data_url" {
  description = "Where SageMaker writes the model artifacts of a job run."
  value       = "${trimsuffix(var.output_s3_path, "/")}/${var.job_name}/output/model.tar.gz"
}
