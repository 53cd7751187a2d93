output "endpoint_name" {
  description = "Name of the endpoint to invoke."
  value       = module.llm.endpoint_name
}

output "image_uri" {
  description = "The TGI image the endpoint runs (the catalog's, as `sagemaker-iac uri` gives it)."
  value       = module.llm.image_uri
}

output "role_arn" {
  description = "Execution role of the model."
  value       = module.llm.role_arn
}
