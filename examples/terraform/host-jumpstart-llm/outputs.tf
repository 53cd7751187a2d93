output "endpoint_name" {
  description = "Name of the endpoint to invoke."
  value       = module.llm.endpoint_name
}

output "image_uri" {
  description = "The image the endpoint runs (the catalog's, as `sagemaker-iac jumpstart` gives it)."
  value       = module.llm.image_uri
}

output "model_name" {
  description = "Name of the SageMaker model."
  value       = module.llm.model_name
}

output "role_arn" {
  description = "Execution role of the model."
  value       = module.llm.role_arn
}
