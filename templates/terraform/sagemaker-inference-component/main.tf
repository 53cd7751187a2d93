# The model, its image from one source and its role, as sagemaker-model makes them; the
# endpoint below hosts it only through the inference component.
module "model" {
  source = "../sagemaker-model"

  algorithm                 = var.algorithm
  image_tag                 = var.image_tag
  framework                 = var.framework
  framework_version         = var.framework_version
  py_version                = var.py_version
  image_uri                 = var.image_uri
  entry_point               = var.entry_point
  source_dir                = var.source_dir
  container_log_level       = var.container_log_level
  environment               = local.environment
  name                      = var.name
  model_data_url            = var.model_data_url
  model_data_s3_prefix      = var.model_data_s3_prefix
  model_package_name        = var.model_package_name
  execution_role_arn        = var.execution_role_arn
  create_role               = var.create_role
  role_path                 = var.role_path
  role_permissions_boundary = var.role_permissions_boundary
  model_data_kms_key_arn    = var.model_data_kms_key_arn
  vpc_config                = var.vpc_config
  enable_network_isolation  = var.enable_network_isolation
  instance_type             = var.instance_type
  tags                      = var.tags
}

locals {
  # TGI shards each copy over the accelerators the copy is given, not the instance's.
  environment = merge(
    var.framework == "huggingface-llm" && var.accelerator_devices != null ? { SM_NUM_GPUS = tostring(var.accelerator_devices) } : {},
    var.environment,
  )
  family      = regex("^ml\\.([a-z0-9-]+)", var.instance_type)[0]
  accelerated = contains(["g", "p"], substr(local.family, 0, 1)) || contains(["inf", "trn"], substr(local.family, 0, 3))
  gpu_count   = module.model.gpu_count
}

# Instances without a model: the components placed on them say what runs. SageMaker
# places them with the configuration's role.
resource "aws_sagemaker_endpoint_configuration" "this" {
  name_prefix        = "${substr(var.name, 0, 36)}-"
  execution_role_arn = module.model.role_arn
  kms_key_arn        = var.kms_key_arn
  tags               = var.tags

  production_variants {
    variant_name           = "AllTraffic"
    instance_type          = var.instance_type
    initial_instance_count = var.initial_instance_count

    routing_config {
      routing_strategy = "LEAST_OUTSTANDING_REQUESTS"
    }
  }

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = var.accelerator_devices == null || local.accelerated
      error_message = "The accelerator_devices need an accelerated instance type (ml.g*, ml.p*, ml.inf*, ml.trn*): ${var.instance_type} has none; leave accelerator_devices null."
    }
    precondition {
      condition     = var.accelerator_devices == null || local.gpu_count == null ? true : var.accelerator_devices <= local.gpu_count
      error_message = "Each copy asks for ${coalesce(var.accelerator_devices, 0)} accelerators, more than the ${coalesce(local.gpu_count, 0)} GPUs of ${var.instance_type}."
    }
  }
}

resource "aws_sagemaker_endpoint" "this" {
  name                 = var.name
  endpoint_config_name = aws_sagemaker_endpoint_configuration.this.name
  tags                 = var.tags
}

resource "awscc_sagemaker_inference_component" "this" {
  inference_component_name = var.component_name == null ? "${substr(var.name, 0, 53)}-component" : var.component_name
  endpoint_name            = aws_sagemaker_endpoint.this.name
  variant_name             = "AllTraffic"

  specification = {
    model_name = module.model.model_name
    compute_resource_requirements = {
      min_memory_required_in_mb              = var.min_memory_in_mb
      number_of_accelerator_devices_required = var.accelerator_devices
      number_of_cpu_cores_required           = var.cpu_cores
    }
  }

  runtime_config = {
    copy_count = var.copy_count
  }

  tags = [for key, value in var.tags : { key = key, value = value }]
}
