# The answers are precomputed per model (models/<model_id>.json, read only for the model
# asked for): each version as JSON text, with the image alias and the environment of each
# instance type the model supports, and the registries of the images it names.
locals {
  known = contains(local.models, var.model_id)
  # try(), not a conditional: the two objects' types differ, which a conditional refuses.
  data = try(jsondecode(file("${path.module}/models/${local.known ? var.model_id : "-"}.json")), {
    newest = "", versions = {}, groups = {}, registries = {}
  })
  version       = var.model_version == null ? local.data.newest : var.model_version
  release       = try(jsondecode(local.data.versions[local.version]), null)
  instance_type = var.instance_type != null ? var.instance_type : try(local.release.default_instance_type, "")
  supported     = try(contains(local.release.instance_types, local.instance_type), false)
  published     = try(contains(local.release.regions, var.region), false)
  # A region whose table differs from the model's own has it in region_images.
  image   = try(lookup(local.release.region_images, var.region, local.release.images)[local.release.aliases[local.instance_type]], "")
  account = try(local.data.registries[local.data.groups[local.image]][var.region], "")

  problem = (
    !local.known ? "unknown JumpStart model ${var.model_id}; sagemaker-iac jumpstart --list --search TEXT lists the ${length(local.models)} models" :
    local.release == null ? "JumpStart model ${var.model_id} has no version ${local.version} in the catalog; it has: ${join(", ", keys(local.data.versions))}" :
    !local.supported ? "JumpStart model ${var.model_id} ${local.version} does not support instance type ${local.instance_type}; it supports: ${join(", ", local.release.instance_types)}" :
    !local.published ? "JumpStart model ${var.model_id} ${local.version} is not published in ${var.region}; it is in: ${join(", ", local.release.regions)}" :
    local.image == "" || local.account == "" ? "JumpStart model ${var.model_id} ${local.version} has no image for ${local.instance_type} in ${var.region}" :
    ""
  )
  # Terraform 1.0 has no preconditions: file() on a missing path stops the plan with the
  # message on a line of its own; only the branch the condition selects reports it.
  registry_id = local.problem == "" ? local.account : var.fail_on_error ? file("\n\nERROR: ${local.problem}\n\n") : ""
  dns_suffix  = lookup(local.dns_suffixes, var.region, "")
  image_uri   = local.problem == "" ? "${local.registry_id}.dkr.ecr.${var.region}.${local.dns_suffix}/${local.image}" : ""

  environment   = local.problem == "" ? merge(local.release.environment, lookup(local.release.environment_overrides, local.instance_type, {})) : {}
  model_data    = local.problem == "" ? try(merge(local.release.model_data, { s3_uri = format(local.release.model_data.s3_uri, var.region) }), null) : null
  requires_eula = try(local.release.eula != "", false)
  eula_url      = local.problem == "" && local.requires_eula ? "https://${format(local.release.eula_bucket, var.region)}.s3.${var.region}.${local.dns_suffix}/${local.release.eula}" : null
}
