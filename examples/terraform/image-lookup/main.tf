# Looks up two image URIs with the generated, provider-free images module.
module "kmeans_image" {
  source = "../../../out/terraform/sagemaker-images"

  algorithm = "kmeans"
  region    = var.region
}

module "xgboost_image" {
  source = "../../../out/terraform/sagemaker-images"

  algorithm = "xgboost"
  region    = var.region
  image_tag = "0.90-2-cpu-py3"
}
