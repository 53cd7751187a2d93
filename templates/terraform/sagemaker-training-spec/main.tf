{% import "terraform/sagemaker-training-spec/_rules.tf" as expressions with context %}
# The image comes from one source: a built-in algorithm (the catalog's rules below), a
# framework (the image sagemaker-framework-image answers for the instance type), or any
# image_uri. A framework's lookup error joins the errors below.
module "framework_image" {
  source = "../sagemaker-framework-image"
  count  = var.framework == null ? 0 : 1

  framework              = var.framework
  region                 = var.region
  framework_version      = var.framework_version
  py_version             = var.py_version
  base_framework_version = var.base_framework_version
  image_scope            = "training"
  instance_type          = var.instance_type
  fail_on_error          = false
}

# Every rule below is a Terraform 1.0 expression over the catalog data in catalog.tf.
# HCL evaluates both branches of a conditional but reports only the chosen one's
# errors, so a branch may touch local.algorithm only when local.known is true.
locals {
  sources   = [for name, value in { algorithm = var.algorithm, framework = var.framework, image_uri = var.image_uri } : name if value != null]
  known     = var.algorithm == null ? false : contains(keys(local.catalog_algorithms), var.algorithm)
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

  framework       = one(module.framework_image[*])
  framework_error = local.framework == null ? "" : local.framework.error
  # The strategies the SDK accepts here: the framework's for its version and instance;
  # with image_uri, as the SDK does, any (it knows no version to check).
  distributions = local.framework != null ? local.framework.distributions : var.image_uri != null ? local.catalog_distributions : []
  trainium      = can(regex("^ml[._]trn", var.instance_type))
  # The SDK turns SageMaker's metrics time series on for these frameworks (PyTorch from
  # 1.3, TensorFlow from 1.15): version as major * 1000 + minor.
  framework_version = local.framework == null ? "" : local.framework.framework_version
  version_number    = try(tonumber(split(".", local.framework_version)[0]) * 1000 + tonumber(split(".", local.framework_version)[1]), 0)
  sdk_metrics       = var.framework == "huggingface" || var.framework == "pytorch" && local.version_number >= 1003 || var.framework == "tensorflow" && local.version_number >= 1015
  metrics           = var.enable_sagemaker_metrics != null ? var.enable_sagemaker_metrics : local.sdk_metrics ? true : null

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

  algorithm_registry_id = local.known && local.published ? local.catalog_registry_groups[local.algorithm.registry_group][var.region] : ""
  dns_suffix            = local.published ? local.catalog_partitions[local.catalog_regions[var.region]] : ""
  image_uri = (
    var.image_uri != null ? var.image_uri :
    local.framework != null ? local.framework.image_uri :
    "${local.algorithm_registry_id}.dkr.ecr.${var.region}.${local.dns_suffix}/${local.known ? local.algorithm.repository : ""}:${local.tag}"
  )
  # The image's ECR repository as [account, region, name]; null for another registry.
  image_uri_repository = var.image_uri == null ? null : try(regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.[^/]+/([^:@]+)", var.image_uri), null)
  ecr_repository = (
    var.algorithm != null ? [local.algorithm_registry_id, var.region, local.known ? local.algorithm.repository : ""] :
    local.framework != null ? [local.framework.registry_id, var.region, local.framework.repository] :
    local.image_uri_repository
  )
  # Where image_uri names a built-in algorithm's repository: the catalog's accounts for it.
  catalog_accounts = local.image_uri_repository == null ? [] : distinct([
    for a in values(local.catalog_algorithms) : lookup(local.catalog_registry_groups[a.registry_group], var.region, "")
    if a.repository == local.image_uri_repository[2] && contains(keys(local.catalog_registry_groups[a.registry_group]), var.region)
  ])

  registry_id = local.ecr_repository == null ? "" : local.ecr_repository[0]
  repository  = local.ecr_repository == null ? "" : local.ecr_repository[2]

  # Script mode, as the SDK's framework estimators set it: every hyperparameter
  # JSON-encoded, the script's own settings and the distribution's added last. A job
  # without network access cannot fetch its code: it arrives as the input channel "code".
  script_mode   = var.entry_point != null
  code_isolated = local.script_mode && var.enable_network_isolation && var.source_dir != null
  code_channel = local.code_isolated ? [{
    ChannelName = "code"
    DataSource  = { S3DataSource = { S3DataType = "S3Prefix", S3Uri = var.source_dir, S3DataDistributionType = "FullyReplicated" } }
  }] : []
  submit_directory = local.code_isolated ? "/opt/ml/input/data/code/${basename(var.source_dir)}" : var.source_dir
  script_hyperparameters = { for k, v in {
    sagemaker_program                                     = var.entry_point == null ? null : jsonencode(var.entry_point)
    sagemaker_submit_directory                            = var.source_dir == null ? null : jsonencode(local.submit_directory)
    sagemaker_container_log_level                         = jsonencode(var.container_log_level)
    sagemaker_job_name                                    = jsonencode(var.job_name)
    sagemaker_region                                      = jsonencode(var.region)
{% for setting in distribution_settings %}
    {{ setting.name.ljust(53) }} = {% for strategy in setting.strategies %}var.distribution == {{ strategy | hcl }}{{ " || " if not loop.last }}{% endfor %}{{ " && var.%s != null" % setting.input if setting.optional }} ? {{ "jsonencode(var.%s)" % setting.input if setting.input else '"true"' }} : null
{% endfor %}
  } : k => v if v != null }
  hyperparameters = local.script_mode ? merge({ for k, v in var.hyperparameters : k => jsonencode(v) }, local.script_hyperparameters) : { for k, v in var.hyperparameters : k => tostring(v) }

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
    AlgorithmSpecification = { for k, v in {
      TrainingImage                    = local.image_uri
      TrainingInputMode                = var.input_mode
      MetricDefinitions                = length(var.metric_definitions) == 0 ? null : [for m in var.metric_definitions : { Name = m.name, Regex = m.regex }]
      EnableSageMakerMetricsTimeSeries = local.metrics
    } : k => v if v != null }
    HyperParameters  = local.hyperparameters
    InputDataConfig  = concat(local.channels, local.code_channel)
    OutputDataConfig = { for k, v in { S3OutputPath = var.output_s3_path, KmsKeyId = var.kms_key_id } : k => v if v != null }
    ResourceConfig = { for k, v in {
      InstanceType   = var.instance_type
      InstanceCount  = var.instance_count
      VolumeSizeInGB = var.volume_size_in_gb
      VolumeKmsKeyId = var.kms_key_id
    } : k => v if v != null }
    StoppingCondition                     = { MaxRuntimeInSeconds = var.max_runtime_in_seconds }
    CheckpointConfig                      = var.checkpoint_s3_uri == null ? null : { for k, v in { S3Uri = var.checkpoint_s3_uri, LocalPath = var.checkpoint_local_path } : k => v if v != null }
    VpcConfig                             = var.vpc_config == null ? null : { Subnets = var.vpc_config.subnets, SecurityGroupIds = var.vpc_config.security_group_ids }
    EnableNetworkIsolation                = var.enable_network_isolation
    EnableInterContainerTrafficEncryption = var.enable_inter_container_traffic_encryption
    Tags                                  = length(var.tags) == 0 ? null : [for k in sort(keys(var.tags)) : { Key = k, Value = var.tags[k] }]
  } : k => v if v != null }

  # A pipeline names its own jobs (and the SDK leaves the job's name out of a step's
  # hyperparameters) and tags them itself.
  step_arguments = { for k, v in merge(local.request, {
    HyperParameters = { for name, value in local.hyperparameters : name => value if name != "sagemaker_job_name" }
  }) : k => v if !contains(["TrainingJobName", "Tags"], k) }
  pipeline_definition = jsonencode({
    Version    = "2020-12-01"
    Metadata   = {}
    Parameters = []
    Steps      = [{ Name = var.step_name, Type = "Training", Arguments = local.step_arguments }]
  })
}
