data "aws_partition" "current" {}
# `id` is the region's name on provider 5.x and 6.x alike (6.0 deprecates `name`).
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

# The image comes from one source: a built-in algorithm, a framework or a JumpStart model,
# from the catalog for the region and instance type (an Arm instance hosts the Arm image
# where there is one), or any image_uri. A catalog error stops the plan in the model's
# precondition below, with the catalog's message.
module "image" {
  source = "../sagemaker-images"
  count  = var.algorithm == null ? 0 : 1

  algorithm     = var.algorithm
  region        = data.aws_region.current.id
  image_tag     = var.image_tag
  image_scope   = "inference"
  instance_type = local.instance_type
  fail_on_error = false
}

module "framework_image" {
  source = "../sagemaker-framework-image"
  count  = var.framework == null ? 0 : 1

  framework         = var.framework
  region            = data.aws_region.current.id
  framework_version = var.framework_version
  py_version        = var.py_version
  image_scope       = "inference"
  instance_type     = local.instance_type
  fail_on_error     = false
}

# A JumpStart model brings its image, artefacts and environment for the instance type.
module "jumpstart" {
  source = "../sagemaker-jumpstart-spec"
  count  = var.jumpstart_model_id == null ? 0 : 1

  model_id      = var.jumpstart_model_id
  model_version = var.jumpstart_model_version
  region        = data.aws_region.current.id
  instance_type = var.instance_type
  fail_on_error = false
}

locals {
  role_arn = var.create_role ? aws_iam_role.this[0].arn : var.execution_role_arn
  sources  = [for name, value in { algorithm = var.algorithm, framework = var.framework, jumpstart_model_id = var.jumpstart_model_id, image_uri = var.image_uri } : name if value != null]
  # A JumpStart model's own default where no instance type is given.
  instance_type = var.instance_type != null ? var.instance_type : coalesce(one(module.jumpstart[*].default_instance_type), "ml.m5.large")
  image_uri = (
    var.image_uri != null ? var.image_uri :
    var.framework != null ? one(module.framework_image[*].image_uri) :
    var.jumpstart_model_id != null ? one(module.jumpstart[*].image_uri) :
    one(module.image[*].image_uri)
  )
  image_error = (
    var.algorithm != null ? one(module.image[*].error) :
    var.framework != null ? one(module.framework_image[*].error) :
    var.jumpstart_model_id != null ? one(module.jumpstart[*].error) : ""
  )
  jumpstart_data = one(module.jumpstart[*].model_data)
  # The artefacts read as they are: model_data_s3_prefix, or a JumpStart model's (an
  # accepted EULA goes with a gated model's).
  model_data_source = (
    var.model_data_s3_prefix != null ? { s3_uri = "${trimsuffix(var.model_data_s3_prefix, "/")}/", s3_data_type = "S3Prefix", compression_type = "None", accept_eula = false } :
    local.jumpstart_data != null ? merge(local.jumpstart_data, { accept_eula = one(module.jumpstart[*].requires_eula) && var.accept_eula }) : null
  )
  image = var.model_package_name == null ? local.image_uri : null
  # TGI shards the model over SM_NUM_GPUS: the instance type's GPUs, as the SDK's
  # model builder sets it. Script mode, as the SDK's framework models set it; the
  # caller's environment last.
  gpu_count = one(module.framework_image[*].gpu_count)
  environment = merge(
    var.jumpstart_model_id == null ? {} : one(module.jumpstart[*].environment),
    var.framework != "huggingface-llm" || local.gpu_count == null ? {} : { SM_NUM_GPUS = tostring(local.gpu_count) },
    var.entry_point == null ? {} : {
      SAGEMAKER_PROGRAM             = var.entry_point
      SAGEMAKER_SUBMIT_DIRECTORY    = var.source_dir == null ? "/opt/ml/model/code" : var.source_dir
      SAGEMAKER_CONTAINER_LOG_LEVEL = tostring(var.container_log_level)
      SAGEMAKER_REGION              = data.aws_region.current.id
    },
    var.environment,
  )

  # Serverless capacity is CPU x86 without a VPC or network isolation: instance_type
  # then only picks the image, and must pick a CPU x86 one.
  serverless = var.serverless_memory_size_in_mb != null
  family     = regex("^ml\\.([a-z0-9-]+)", local.instance_type)[0]
  serverless_refusal = !local.serverless ? "" : (
    contains(["g", "p"], substr(local.family, 0, 1)) || contains(["inf", "trn"], substr(local.family, 0, 3)) ? "runs on CPU capacity: instance_type ${local.instance_type} picks an accelerated image; give a CPU type such as ml.m5.large" :
    one(module.image[*].scope) == "inference_graviton" || one(module.framework_image[*].instance_class) == "graviton" ? "runs on x86 capacity: instance_type ${local.instance_type} picks an Arm (Graviton) image; give an x86 type such as ml.m5.large" :
    var.enable_network_isolation ? "cannot isolate the container's network: set enable_network_isolation = false" :
    var.vpc_config != null ? "cannot run in a VPC: leave vpc_config null" :
    local.image_repository_arn == null ? "pulls only from ECR: image_uri ${var.image_uri} is in another registry" : ""
  )
  # The endpoint configuration is replaced before the old one is deleted, and so is the
  # model it names: its name changes with everything that replaces it. The inputs added
  # since 0.1.0 join only when set, so a model made before keeps its name.
  model_identity = sha256(jsonencode(concat([
    local.image, var.model_data_url, var.model_package_name, local.role_arn,
    var.enable_network_isolation, var.vpc_config,
    ], var.model_data_s3_prefix == null && length(local.environment) == 0 ? [] : [
    jsonencode([var.model_data_s3_prefix, local.environment]),
    ], local.jumpstart_data == null ? [] : [
    jsonencode(local.model_data_source),
  ])))
}

resource "aws_sagemaker_model" "this" {
  name                     = "${substr(var.name, 0, 54)}-${substr(local.model_identity, 0, 8)}"
  execution_role_arn       = local.role_arn
  enable_network_isolation = var.enable_network_isolation
  tags                     = var.tags

  primary_container {
    image              = local.image
    model_data_url     = var.model_package_name == null ? var.model_data_url : null
    model_package_name = var.model_package_name
    environment        = length(local.environment) == 0 ? null : local.environment

    dynamic "model_data_source" {
      for_each = local.model_data_source == null ? [] : [local.model_data_source]
      content {
        s3_data_source {
          s3_uri           = model_data_source.value.s3_uri
          s3_data_type     = model_data_source.value.s3_data_type
          compression_type = model_data_source.value.compression_type

          dynamic "model_access_config" {
            for_each = model_data_source.value.accept_eula ? [true] : []
            content {
              accept_eula = model_access_config.value
            }
          }
        }
      }
    }
  }

  dynamic "vpc_config" {
    for_each = var.vpc_config == null ? [] : [var.vpc_config]
    content {
      subnets            = vpc_config.value.subnets
      security_group_ids = vpc_config.value.security_group_ids
    }
  }

  # IAM is eventually consistent: SageMaker refuses a role whose policy is not yet seen.
  depends_on = [aws_iam_role_policy.this]

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = var.model_package_name == null ? length(local.sources) == 1 : var.framework == null && var.image_uri == null && var.jumpstart_model_id == null
      error_message = "Set exactly one image source: algorithm, framework, jumpstart_model_id or image_uri (given: ${length(local.sources) == 0 ? "none" : join(", ", local.sources)}); with model_package_name, neither framework, jumpstart_model_id nor image_uri."
    }
    precondition {
      condition     = var.entry_point == null ? var.source_dir == null : var.algorithm == null && var.model_package_name == null
      error_message = "entry_point runs a script in a framework or custom image: a built-in algorithm or a model package takes none, and source_dir needs entry_point."
    }
    precondition {
      condition     = var.image_uri == null || local.ecr_repository == null ? true : local.ecr_repository[1] == local.region
      error_message = "image_uri ${coalesce(var.image_uri, "-")} is in another region: SageMaker pulls an ECR image from the model's own region, ${local.region}."
    }
    precondition {
      condition     = var.model_package_name != null || local.image_error == ""
      error_message = "The model does not match the sagemaker-iac catalog: ${local.image_error}."
    }
    precondition {
      condition     = length([for v in [var.model_data_url, var.model_data_s3_prefix, var.model_package_name] : v if v != null]) == (var.jumpstart_model_id == null ? 1 : 0)
      error_message = "Set exactly one of model_data_url, model_data_s3_prefix and model_package_name; none with jumpstart_model_id, whose model brings its own artefacts."
    }
    precondition {
      condition     = var.jumpstart_model_id == null ? true : !one(module.jumpstart[*].requires_eula) || var.accept_eula
      error_message = "JumpStart model ${coalesce(var.jumpstart_model_id, "-")} requires accepting its end-user license agreement (EULA), ${coalesce(one(module.jumpstart[*].eula_url), "-")}: read it, then set accept_eula = true."
    }
    precondition {
      condition     = var.create_role || var.execution_role_arn != null
      error_message = "Set execution_role_arn, or create_role = true."
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "this" {
  count = var.create_endpoint_configuration ? 1 : 0

  # A new configuration for every change, so the endpoint moves to it before the old goes.
  name_prefix = "${substr(var.name, 0, 36)}-"
  kms_key_arn = var.kms_key_arn
  tags        = var.tags

  production_variants {
    variant_name           = "AllTraffic"
    model_name             = aws_sagemaker_model.this.name
    initial_instance_count = local.serverless ? null : var.initial_instance_count
    instance_type          = local.serverless ? null : local.instance_type

    dynamic "serverless_config" {
      for_each = local.serverless ? [var.serverless_memory_size_in_mb] : []
      content {
        memory_size_in_mb       = serverless_config.value
        max_concurrency         = var.serverless_max_concurrency
        provisioned_concurrency = var.serverless_provisioned_concurrency
      }
    }
  }

  dynamic "async_inference_config" {
    for_each = var.async_output_s3_path == null ? [] : [var.async_output_s3_path]
    content {
      output_config {
        s3_output_path  = async_inference_config.value
        s3_failure_path = var.async_failure_s3_path
        kms_key_id      = var.async_kms_key_arn

        dynamic "notification_config" {
          for_each = var.async_success_topic_arn == null && var.async_error_topic_arn == null ? [] : [1]
          content {
            success_topic = var.async_success_topic_arn
            error_topic   = var.async_error_topic_arn
          }
        }
      }

      dynamic "client_config" {
        for_each = var.async_max_concurrent_invocations_per_instance == null ? [] : [var.async_max_concurrent_invocations_per_instance]
        content {
          max_concurrent_invocations_per_instance = client_config.value
        }
      }
    }
  }

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = var.kms_key_arn != null
      error_message = "An endpoint configuration needs kms_key_arn to encrypt its storage volume."
    }
    precondition {
      condition     = !(local.serverless && var.async_output_s3_path != null)
      error_message = "An endpoint is serverless (serverless_memory_size_in_mb) or asynchronous (async_output_s3_path), not both."
    }
    precondition {
      condition     = local.serverless_refusal == ""
      error_message = "A serverless endpoint ${local.serverless_refusal}."
    }
    precondition {
      condition     = var.serverless_provisioned_concurrency == null ? true : var.serverless_provisioned_concurrency <= var.serverless_max_concurrency
      error_message = "The serverless_provisioned_concurrency (${coalesce(var.serverless_provisioned_concurrency, 0)}) must be at most serverless_max_concurrency (${var.serverless_max_concurrency})."
    }
  }
}

resource "aws_sagemaker_endpoint" "this" {
  count = var.create_endpoint ? 1 : 0

  name                 = var.name
  endpoint_config_name = one(aws_sagemaker_endpoint_configuration.this[*].name)
  tags                 = var.tags

  lifecycle {
    precondition {
      condition     = var.create_endpoint_configuration
      error_message = "create_endpoint needs create_endpoint_configuration = true."
    }
  }
}

# Target tracking on invocations per instance, as SageMaker's autoscaling guide sets it up.
resource "aws_appautoscaling_target" "this" {
  count = var.autoscaling_max_capacity == null ? 0 : 1

  service_namespace  = "sagemaker"
  resource_id        = "endpoint/${var.name}/variant/AllTraffic"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = var.autoscaling_min_capacity
  max_capacity       = var.autoscaling_max_capacity

  depends_on = [aws_sagemaker_endpoint.this]

  lifecycle {
    precondition {
      condition     = var.create_endpoint && !local.serverless
      error_message = "Autoscaling scales a real-time endpoint's instances: it needs create_endpoint = true and no serverless_memory_size_in_mb."
    }
    precondition {
      condition     = var.autoscaling_min_capacity <= var.autoscaling_max_capacity
      error_message = "The autoscaling_min_capacity (${var.autoscaling_min_capacity}) must be at most autoscaling_max_capacity (${var.autoscaling_max_capacity})."
    }
    precondition {
      condition     = var.autoscaling_target_invocations != null
      error_message = "Autoscaling needs autoscaling_target_invocations, the invocations per instance per minute to hold."
    }
  }
}

resource "aws_appautoscaling_policy" "this" {
  count = var.autoscaling_max_capacity == null ? 0 : 1

  name               = "${var.name}-invocations"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  resource_id        = aws_appautoscaling_target.this[0].resource_id
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_target_invocations
    scale_in_cooldown  = var.autoscaling_scale_in_cooldown
    scale_out_cooldown = var.autoscaling_scale_out_cooldown

    predefined_metric_specification {
      predefined_metric_type = "SageMakerVariantInvocationsPerInstance"
    }
  }
}
