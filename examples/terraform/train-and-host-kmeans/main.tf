# Trains k-means on CSV data in S3, then hosts the model behind an encrypted endpoint.
provider "aws" {
  region = var.region
}

module "training" {
  source = "../../../out/terraform/sagemaker-training-job"

  algorithm       = "kmeans"
  job_name        = var.job_name
  create_role     = true
  instance_type   = "ml.m5.xlarge"
  output_s3_path  = "s3://${var.bucket}/kmeans/output"
  kms_key_id      = var.kms_key_arn
  hyperparameters = { k = "10", feature_dim = "784" }
  channels = {
    train = { s3_uri = "s3://${var.bucket}/kmeans/train/", content_type = "text/csv" }
  }
}

module "model" {
  source = "../../../out/terraform/sagemaker-model"

  algorithm                     = "kmeans"
  name                          = "${var.job_name}-model"
  model_data_url                = module.training.model_data_url
  create_role                   = true
  create_endpoint_configuration = true
  create_endpoint               = true
  kms_key_arn                   = var.kms_key_arn
}
