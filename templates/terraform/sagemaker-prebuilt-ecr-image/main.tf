locals {
  known = contains(local.repositories, var.repository_name)
  # Only the repository asked for is read; try(), not a conditional: the types differ.
  data = try(jsondecode(file("${path.module}/repositories/${local.known ? var.repository_name : "-"}.json")), {
    registries = {}, tags = {}
  })
  group    = lookup(local.data.tags, var.image_tag, "")
  accounts = local.group == "" ? {} : local.data.registries[local.group]
  tags     = sort(keys(local.data.tags))

  problem = (
    !local.known ? "repository ${var.repository_name} is not one the catalog knows; known: ${join(", ", local.repositories)}" :
    local.group == "" ? "image tag ${var.image_tag} is not published in ${var.repository_name}; published: ${join(", ", slice(local.tags, 0, min(length(local.tags), 40)))}${length(local.tags) > 40 ? ", ..." : ""}" :
    !contains(keys(local.accounts), var.region) ? "${var.repository_name}:${var.image_tag} is not published in region ${var.region}; available regions: ${join(", ", sort(keys(local.accounts)))}" :
    ""
  )
  # Terraform 1.0 has no preconditions: file() on a missing path stops the plan with the
  # message on a line of its own.
  registry_id   = local.problem == "" ? local.accounts[var.region] : var.fail_on_error ? file("\n\nERROR: ${local.problem}\n\n") : ""
  dns_suffix    = var.dns_suffix != null ? var.dns_suffix : lookup(local.dns_suffixes, var.region, "")
  registry_path = "${local.registry_id}.dkr.ecr.${var.region}.${local.dns_suffix}/${var.repository_name}:${var.image_tag}"
}
