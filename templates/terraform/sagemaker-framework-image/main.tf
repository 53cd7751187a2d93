# The answers are precomputed per framework (images/<framework>.json, read only for the
# framework asked for): "scope|version|py_version|base|processor" -> "group|repository|
# tag|version", "" for an argument not given and "*" for one the image ignores. An
# instance type gives the processor; where the SDK answers otherwise for its class (see
# catalog.tf), "instances" holds that answer under the class, "" where it refuses.
locals {
  known = contains(local.frameworks, var.framework)
  # try(), not a conditional: the two objects' types differ, which a conditional refuses.
  data = try(jsondecode(file("${path.module}/images/${local.known ? var.framework : "-"}.json")), {
    images = {}, instances = {}, refused_classes = [], registries = {}, scopes = [], versions = [], py_versions = [], processors = [], distributions = {}
  })
  family    = var.instance_type == null ? "" : regex("^ml[._]([a-z0-9-]+)", var.instance_type)[0]
  class     = var.instance_type == null ? "" : contains(local.graviton_families, local.family) ? "graviton" : contains(keys(local.instance_classes), local.family) ? local.family : contains(["inf", "trn"], substr(local.family, 0, 3)) ? substr(local.family, 0, 3) : contains(["g", "p"], substr(local.family, 0, 1)) ? "gpu" : "cpu"
  processor = var.instance_type == null ? var.processor : local.instance_classes[local.class]

  given = [for v in [var.image_scope, var.framework_version, var.py_version, var.base_framework_version, local.processor] : v == null ? "" : v]
  tried = [
    join("|", local.given),
    join("|", [local.given[0], local.given[1], "*", local.given[3], local.given[4]]),
    join("|", [local.given[0], local.given[1], local.given[2], local.given[3], "*"]),
    join("|", [local.given[0], local.given[1], "*", local.given[3], "*"]),
  ]
  by_class = local.class == "" ? [] : [
    for k in [join("|", concat(slice(local.given, 0, 4), [local.class])), join("|", [local.given[0], local.given[1], "*", local.given[3], local.class])] :
    local.data.instances[k] if lookup(local.data.instances, k, null) != null
  ]
  by_processor = [for k in local.tried : local.data.images[k] if lookup(local.data.images, k, "") != ""]
  found = (
    var.instance_type != null && var.processor != null || contains(local.data.refused_classes, local.class) ? [] :
    length(local.by_class) > 0 ? compact(slice(local.by_class, 0, 1)) : local.by_processor
  )
  answer   = length(local.found) > 0 ? split("|", local.found[0]) : ["", "", "", ""]
  accounts = local.answer[0] != "" ? local.data.registries[local.answer[0]] : {}

  asked = join(", ", concat(
    [for i, name in ["image_scope", "framework_version", "py_version", "base_framework_version"] : "${name}=${local.given[i]}" if local.given[i] != ""],
    var.instance_type == null ? [] : ["instance_type=${var.instance_type}"],
    var.processor == null ? [] : ["processor=${var.processor}"],
  ))
  problem = (
    !local.known ? "unknown framework ${var.framework}; known: ${join(", ", local.frameworks)}" :
    var.instance_type != null && var.processor != null ? "give instance_type or processor, not both" :
    length(local.found) == 0 ? "no ${var.framework} image for ${local.asked == "" ? "no arguments" : local.asked}; scopes: ${join(", ", local.data.scopes)}; versions: ${join(", ", local.data.versions)}; Python versions: ${join(", ", local.data.py_versions)}; processors: ${join(", ", local.data.processors)}" :
    !contains(keys(local.accounts), var.region) ? "${var.framework} ${local.answer[3]} (${local.answer[1]}) is not published in region ${var.region}; available regions: ${join(", ", sort(keys(local.accounts)))}" :
    ""
  )
  # Terraform 1.0 has no preconditions: file() on a missing path stops the plan with the
  # message on a line of its own; only the branch the condition selects reports it.
  registry_id = local.problem == "" ? local.accounts[var.region] : var.fail_on_error ? file("\n\nERROR: ${local.problem}\n\n") : ""
  repository  = local.answer[1]
  tag         = local.answer[2]
  version     = local.answer[3]
  dns_suffix  = lookup(local.dns_suffixes, var.region, "")
  found_uri   = local.problem == "" ? "${local.registry_id}.dkr.ecr.${var.region}.${local.dns_suffix}/${local.repository}${local.tag == "" ? "" : ":${local.tag}"}" : ""

  # End of patch, from the per-framework file; dates compare as numbers (YYYYMMDD).
  end_of_patch = lookup(lookup(local.data, "end_of_patch", {}), "${local.repository}:${local.tag}", null)
  today        = var.fail_on_unpatched ? coalesce(var.today, formatdate("YYYY-MM-DD", timestamp())) : ""
  unpatched = (
    !var.fail_on_unpatched || local.end_of_patch == null ? "" :
    tonumber(replace(local.end_of_patch, "-", "")) < tonumber(replace(local.today, "-", "")) ? "${local.repository}:${local.tag} is past its end of patch, ${local.end_of_patch} (today is ${local.today}); choose a newer framework_version (sagemaker-iac lint --eol names the newest patched)" : ""
  )
  image_uri = local.unpatched == "" ? local.found_uri : file("\n\nERROR: ${local.unpatched}\n\n")

  gpu_count = var.instance_type == null ? null : lookup(local.instance_gpus, var.instance_type, null)

  # The distribution strategies the SDK accepts for the version asked for (as given, else
  # the one found) on the instance's processor: a strategy with no table takes any. A
  # framework checked as its base (Hugging Face) lists the bases it accepts.
  asked_version = var.framework_version == null ? local.version : var.framework_version
  checked_as    = lookup(local.data, "distributions_by", "version") == "base" ? local.given[3] : local.asked_version
  distributions = sort([
    for strategy, by in local.data.distributions : strategy
    if length(by) == 0 || contains(lookup(by, local.processor == null ? "" : local.processor, lookup(by, "*", [])), local.checked_as)
  ])
}
