locals {
  algorithm = local.catalog_algorithms[var.algorithm]

  # The instance type, when given, picks the image the way the SageMaker SDK does: an Arm
  # (Graviton) instance hosts the Arm image, and a tag must suit its processor.
  family     = var.instance_type == null ? "" : try(regex("^ml\\.([a-z]+)[0-9]", var.instance_type)[0], "")
  generation = var.instance_type == null ? "" : try(regex("^ml\\.([a-z]+[0-9]+[a-z]*)\\.", var.instance_type)[0], "")
  processor  = lookup(local.catalog_instance_families, local.family, "")
  arm64      = contains(local.catalog_arm64_families, local.generation)
  scope      = var.image_scope == "inference" && local.arm64 ? "inference_graviton" : var.image_scope

  image = local.scope == "inference_graviton" ? {
    repository = local.algorithm.graviton_repository
    group      = local.algorithm.graviton_registry_group
    tags       = local.algorithm.graviton_tags
    } : local.scope == "inference" ? {
    repository = local.algorithm.inference_repository
    group      = local.algorithm.inference_registry_group
    tags       = local.algorithm.inference_tags
    } : {
    repository = local.algorithm.repository
    group      = local.algorithm.registry_group
    tags       = local.algorithm.tags
  }
  repository        = local.image.repository
  accounts          = try(local.catalog_registry_groups[local.image.group], {})
  available_regions = sort(keys(local.accounts))

  # A tag unsuited to the instance's processor: one the catalog builds for other
  # processors only, or one named for the other processor (-cpu-, -gpu-).
  unsuited = local.processor == "" ? [] : [
    for t in local.image.tags : t
    if !contains(lookup(local.algorithm.processors_by_tag, t, [local.processor]), local.processor) || !contains(["", local.processor], try(regex("-(cpu|gpu)(-|$)", t)[0], ""))
  ]
  suited   = [for t in local.image.tags : t if !contains(local.unsuited, t)]
  with_arm = [for k, a in local.catalog_algorithms : k if length(a.graviton_tags) > 0]

  # Terraform 1.0's && evaluates both sides, so each test that needs a non-null value
  # sits in the branch of a conditional that ensures it.
  tag_problem = var.image_tag == null ? (
    length(local.suited) > 0 ? "" : "no image tag of SageMaker algorithm ${var.algorithm} suits instance type ${var.instance_type} (${upper(local.processor)}); its tags: ${join(", ", local.image.tags)}"
    ) : !contains(local.image.tags, var.image_tag) ? "image tag ${var.image_tag} is not published for SageMaker algorithm ${var.algorithm}; available tags: ${join(", ", local.image.tags)}" : (
    contains(local.unsuited, var.image_tag) ? "image tag ${var.image_tag} of SageMaker algorithm ${var.algorithm} is not built for ${upper(local.processor)}, and instance type ${var.instance_type} is ${upper(local.processor)}; tags that suit it: ${join(", ", local.suited)}" : ""
  )
  problem = (
    local.arm64 && var.image_scope == "training" ? "instance type ${var.instance_type} is Arm (Graviton); SageMaker trains on x86_64 instances only" :
    length(local.image.tags) == 0 ? "instance type ${var.instance_type} is Arm (Graviton) and SageMaker algorithm ${var.algorithm} has no Arm inference image; algorithms with one: ${join(", ", local.with_arm)}" :
    !contains(local.available_regions, var.region) ? "SageMaker algorithm ${var.algorithm} is not published in region ${var.region}; available regions: ${join(", ", local.available_regions)}" :
    local.tag_problem
  )

  # Terraform 1.0 has no preconditions: file() on a missing path is the usual way to
  # stop a plan with a message (on a line of its own). Only the branch the condition
  # selects reports errors, so one mistake makes one error.
  registry_id = local.problem == "" ? local.accounts[var.region] : var.fail_on_error ? file("\n\nERROR: ${local.problem}\n\n") : ""
  tag         = var.image_tag != null ? var.image_tag : try(local.suited[0], "")

  dns_suffix    = try(local.catalog_partitions[local.catalog_regions[var.region]], "")
  registry_path = "${local.registry_id}.dkr.ecr.${var.region}.${local.dns_suffix}"
  image_uri     = "${local.registry_path}/${local.repository}:${local.tag}"
  end_of_patch  = lookup(local.algorithm.end_of_patch, "${local.repository}:${local.tag}", null)
}
