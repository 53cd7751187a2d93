output "image_uri" {
  description = "Full ECR image URI for the algorithm in the region."
  value       = local.image_uri
}

output "registry_id" {
  description = "AWS account ID of the registry that hosts the image."
  value       = local.registry_id
}

output "registry_path" {
  description = "Registry host name, without repository or tag."
  value       = local.registry_path
}

output "repository" {
  description = "ECR repository name of the image."
  value       = local.repository
}

output "tag" {
  description = "Image tag used in image_uri."
  value       = local.tag
}

output "scope" {
  description = "Image scope used: image_scope, or inference_graviton for an Arm instance_type's inference image."
  value       = local.scope
}

output "available_regions" {
  description = "Sorted regions where the algorithm is published."
  value       = local.available_regions
}
