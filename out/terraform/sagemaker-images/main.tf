locals {
  algorithm = local.catalog_algorithms[var.algorithm]
  # The training image, or the hosting one where the catalog keeps it apart.
  inference         = var.image_scope == "inference"
  repository        = local.inference ? local.algorithm.inference_repository : local.algorithm.repository
  tags              = local.inference ? local.algorithm.inference_tags : local.algorithm.tags
  accounts          = local.catalog_registry_groups[local.inference ? local.algorithm.inference_registry_group : local.algorithm.registry_group]
  available_regions = sort(keys(local.accounts))

  # Terraform 1.0 has no preconditions: file() on a missing path is the usual way to
  # stop a plan with a message. Only the branch the condition selects reports errors.
  registry_id = contains(local.available_regions, var.region) ? local.accounts[var.region] : file(
    "ERROR: SageMaker algorithm ${var.algorithm} is not published in region ${var.region}; available regions: ${join(", ", local.available_regions)}"
  )
  tag = var.image_tag == null ? local.tags[0] : contains(local.tags, var.image_tag) ? var.image_tag : file(
    "ERROR: image tag ${var.image_tag} is not published for SageMaker algorithm ${var.algorithm}; available tags: ${join(", ", local.tags)}"
  )

  dns_suffix    = local.catalog_partitions[local.catalog_regions[var.region]]
  registry_path = "${local.registry_id}.dkr.ecr.${var.region}.${local.dns_suffix}"
  image_uri     = "${local.registry_path}/${local.repository}:${local.tag}"
}
