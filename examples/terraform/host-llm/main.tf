# Hosts a Hugging Face model with the TGI (text generation inference) container from the
# sagemaker-iac catalog, reading its uncompressed weights from S3, behind an encrypted
# endpoint that can scale on invocations.
provider "aws" {
  region = var.region
}

module "llm" {
  source = "../../../out/terraform/sagemaker-model"

  framework         = "huggingface-llm"
  framework_version = var.tgi_version
  instance_type     = var.instance_type
  name              = var.name

  model_data_s3_prefix = var.weights_s3_prefix
  # The weights, where SageMaker places them; SM_NUM_GPUS comes from the instance type.
  environment = { HF_MODEL_ID = "/opt/ml/model" }

  create_role                   = true
  create_endpoint_configuration = true
  create_endpoint               = true
  kms_key_arn                   = var.kms_key_arn

  autoscaling_max_capacity       = var.max_instances
  autoscaling_target_invocations = 10
}
