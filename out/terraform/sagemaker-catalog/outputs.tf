output "partitions" {
  description = "Partition -> DNS suffix of its ECR registry hosts."
  value       = local.catalog_partitions
}

output "regions" {
  description = "Region -> partition."
  value       = local.catalog_regions
}

output "registry_groups" {
  description = "Registry group -> region -> account ID of the registry."
  value       = local.catalog_registry_groups
}

output "instance_families" {
  description = "ML instance family (ml.<family><generation>.<size>) -> processor."
  value       = local.catalog_instance_families
}

output "arm64_families" {
  description = "Instance families (family and generation) whose processors are Arm."
  value       = local.catalog_arm64_families
}

output "algorithms" {
  description = "Algorithm -> images (repository, registry group, tags) and training facts."
  value       = local.catalog_algorithms
}
