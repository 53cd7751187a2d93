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
  description = "ARN of the training job."
  value       = aws_sagemaker_training_job.this.arn
}

output "training_job_name" {
  description = "Name of the training job."
  value       = aws_sagemaker_training_job.this.training_job_name
}

output "role_arn" {
  description = "Execution role used."
  value       = local.role_arn
}

output "model_data_url" {
  description = "Where the job writes its model artifacts (once it completes: apply does not wait)."
  value       = "${trimsuffix(var.output_s3_path, "/")}/${aws_sagemaker_training_job.this.training_job_name}/output/model.tar.gz"
}
