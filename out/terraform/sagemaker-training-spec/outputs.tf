output "errors" {
  description = "Every way the inputs break the catalog's rules; empty when valid."
  value       = local.errors
}

output "valid" {
  description = "True when errors is empty."
  value       = length(local.errors) == 0
}

output "image_uri" {
  description = "Training image URI from the catalog."
  value       = local.image_uri
}

output "request" {
  description = "CreateTrainingJob request as an object."
  value       = local.request
}

output "request_json" {
  description = "CreateTrainingJob request as JSON, for `aws sagemaker create-training-job --cli-input-json` or Step Functions."
  value       = jsonencode(local.request)
}

output "pipeline_definition" {
  description = "SageMaker pipeline definition (JSON) with one Training step."
  value       = local.pipeline_definition
}

output "registry_id" {
  description = "Account ID of the registry that hosts the image."
  value       = local.registry_id
}

output "repository" {
  description = "ECR repository of the image."
  value       = local.repository
}
