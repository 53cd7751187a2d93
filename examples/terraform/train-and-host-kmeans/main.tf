# Trains k-means on CSV data in S3 with a SageMaker pipeline, then hosts the trained model
# behind an encrypted endpoint. Two steps, because a pipeline run, not `apply`, trains:
#   1. terraform apply                      (creates the pipeline and its role)
#   2. run the pipeline, read its model artifacts' S3 URI (see the README), then
#      terraform apply -var model_data_url=s3://.../output/model.tar.gz
#      (creates the model, the endpoint configuration and the endpoint)
provider "aws" {
  region = var.region
}

module "training" {
  source = "../../../out/terraform/sagemaker-training-pipeline"

  algorithm       = "kmeans"
  pipeline_name   = var.name
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
  count  = var.model_data_url == null ? 0 : 1

  algorithm                     = "kmeans"
  name                          = var.name
  model_data_url                = var.model_data_url
  model_data_kms_key_arn        = var.kms_key_arn
  create_role                   = true
  create_endpoint_configuration = true
  create_endpoint               = true
  kms_key_arn                   = var.kms_key_arn
}
