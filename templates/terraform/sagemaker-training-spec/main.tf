{% import "terraform/sagemaker-training-spec/_rules.tf" as expressions with context %}
# Every rule below is a Terraform 1.0 expression over the catalog data in catalog.tf.
# HCL evaluates both branches of a conditional but reports only the chosen one's
# errors, so a branch may touch local.algorithm only when local.known is true.
locals {
  known     = contains(keys(local.catalog_algorithms), var.algorithm)
  algorithm = local.known ? local.catalog_algorithms[var.algorithm] : null
  regions   = local.known ? sort(keys(local.catalog_registry_groups[local.algorithm.registry_group])) : []
  published = contains(local.regions, var.region)
  # Tags not built for the instance's processor: the catalog's processors for the tag, or
  # its -cpu-/-gpu- name, say so. Without an explicit tag: the first that suits, else the first.
  unsuited_tags = local.known && local.processor != "" ? [
    for t in local.algorithm.tags : t
    if !contains(lookup(local.algorithm.processors_by_tag, t, [local.processor]), local.processor) || !contains(["", local.processor], try(regex("-(cpu|gpu)(-|$)", t)[0], ""))
  ] : []
  suited_tags = local.known ? [for t in local.algorithm.tags : t if !contains(local.unsuited_tags, t)] : []
  tag         = var.image_tag != null ? var.image_tag : local.known ? concat(local.suited_tags, local.algorithm.tags)[0] : ""

  channel_names    = sort(keys(var.channels))
  allowed_channels = local.known ? concat(local.algorithm.required_channels, local.algorithm.optional_channels) : []
  input_modes      = distinct(concat([var.input_mode], [for c in values(var.channels) : lookup(c, "input_mode", var.input_mode)]))
  family           = try(regex("^ml\\.([a-z]+)[0-9]", var.instance_type)[0], "")
  generation       = try(regex("^ml\\.([a-z]+[0-9]+[a-z]*)\\.", var.instance_type)[0], "")
  processor        = lookup(local.catalog_instance_families, local.family, "")
  arm64            = contains(local.catalog_arm64_families, local.generation)

  errors = concat(
{% for rule in rules %}
    # {{ rule.summary }}
    {{ expressions[rule.key]() }},
{% endfor %}
  )

  registry_id = local.known && local.published ? local.catalog_registry_groups[local.algorithm.registry_group][var.region] : ""
  repository  = local.known ? local.algorithm.repository : ""
  dns_suffix  = local.published ? local.catalog_partitions[local.catalog_regions[var.region]] : ""
  image_uri   = "${local.registry_id}.dkr.ecr.${var.region}.${local.dns_suffix}/${local.repository}:${local.tag}"

  # The CreateTrainingJob request; unset optional members are left out, as the API wants.
  channels = [for c in local.channel_names : { for k, v in {
    ChannelName = c
    DataSource = { S3DataSource = {
      S3DataType             = lookup(var.channels[c], "s3_data_type", "S3Prefix")
      S3Uri                  = lookup(var.channels[c], "s3_uri", "")
      S3DataDistributionType = lookup(var.channels[c], "distribution", "FullyReplicated")
    } }
    ContentType     = lookup(var.channels[c], "content_type", null)
    CompressionType = lookup(var.channels[c], "compression", null)
    InputMode       = lookup(var.channels[c], "input_mode", null)
  } : k => v if v != null }]

  request = { for k, v in {
    TrainingJobName = var.job_name
    RoleArn         = var.role_arn
    AlgorithmSpecification = {
      TrainingImage     = local.image_uri
      TrainingInputMode = var.input_mode
    }
    HyperParameters  = var.hyperparameters
    InputDataConfig  = local.channels
    OutputDataConfig = { for k, v in { S3OutputPath = var.output_s3_path, KmsKeyId = var.kms_key_id } : k => v if v != null }
    ResourceConfig = { for k, v in {
      InstanceType   = var.instance_type
      InstanceCount  = var.instance_count
      VolumeSizeInGB = var.volume_size_in_gb
      VolumeKmsKeyId = var.kms_key_id
    } : k => v if v != null }
    StoppingCondition                     = { MaxRuntimeInSeconds = var.max_runtime_in_seconds }
    VpcConfig                             = var.vpc_config == null ? null : { Subnets = var.vpc_config.subnets, SecurityGroupIds = var.vpc_config.security_group_ids }
    EnableNetworkIsolation                = var.enable_network_isolation
    EnableInterContainerTrafficEncryption = var.enable_inter_container_traffic_encryption
    Tags                                  = length(var.tags) == 0 ? null : [for k in sort(keys(var.tags)) : { Key = k, Value = var.tags[k] }]
  } : k => v if v != null }

  # A pipeline names its own jobs and tags them itself.
  step_arguments = { for k, v in local.request : k => v if !contains(["TrainingJobName", "Tags"], k) }
  pipeline_definition = jsonencode({
    Version    = "2020-12-01"
    Metadata   = {}
    Parameters = []
    Steps      = [{ Name = var.step_name, Type = "Training", Arguments = local.step_arguments }]
  })
}
