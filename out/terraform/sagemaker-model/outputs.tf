output "image_uri" {
  description = "Inference image URI from the catalog."
  value       = module.image.image_uri
}

output "model_name" {
  description = "Name of the model."
  value       = aws_sagemaker_model.this.name
}

output "image_scope" {
  description = "inference, or inference_graviton where instance_type is Arm (Graviton)."
  value       = module.image.scope
}

output "endpoint_configuration_name" {
  description = "Name of the endpoint configuration, if created."
  value       = one(aws_sagemaker_endpoint_configuration.this[*].name)
}

output "model_arn" {
  description = "ARN of the model."
  value       = aws_sagemaker_model.this.arn
}

output "endpoint_configuration_arn" {
  description = "ARN of the endpoint configuration, if created."
  value       = one(aws_sagemaker_endpoint_configuration.this[*].arn)
}

output "endpoint_name" {
  description = "Name of the endpoint, if created."
  value       = one(aws_sagemaker_endpoint.this[*].name)
}

output "role_arn" {
  description = "Execution role used."
  value       = local.role_arn
}
