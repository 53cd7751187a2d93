data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

# Fails the plan when the algorithm is not published in this region.
module "image" {
  source = "../sagemaker-images"

  algorithm   = var.algorithm
  region      = data.aws_region.current.region
  image_tag   = var.image_tag
  image_scope = "inference"
}

locals {
  role_arn = var.create_role ? aws_iam_role.this[0].arn : var.execution_role_arn
}

resource "aws_sagemaker_model" "this" {
  name                     = var.name
  execution_role_arn       = local.role_arn
  enable_network_isolation = var.enable_network_isolation
  tags                     = var.tags

  primary_container {
    image              = var.model_package_name == null ? module.image.image_uri : null
    model_data_url     = var.model_package_name == null ? var.model_data_url : null
    model_package_name = var.model_package_name
  }

  dynamic "vpc_config" {
    for_each = var.vpc_config == null ? [] : [var.vpc_config]
    content {
      subnets            = vpc_config.value.subnets
      security_group_ids = vpc_config.value.security_group_ids
    }
  }

  lifecycle {
    precondition {
      condition     = (var.model_package_name == null) != (var.model_data_url == null)
      error_message = "Set exactly one of model_data_url and model_package_name."
    }
    precondition {
      condition     = var.create_role || var.execution_role_arn != null
      error_message = "Set execution_role_arn, or create_role = true."
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "this" {
  count = var.create_endpoint_configuration ? 1 : 0

  name        = var.name
  kms_key_arn = var.kms_key_arn
  tags        = var.tags

  production_variants {
    variant_name           = "AllTraffic"
    model_name             = aws_sagemaker_model.this.name
    initial_instance_count = var.initial_instance_count
    instance_type          = var.instance_type
  }

  lifecycle {
    precondition {
      condition     = var.kms_key_arn != null
      error_message = "An endpoint configuration needs kms_key_arn to encrypt its storage volume."
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
