# Trains a PyTorch script in script mode with the training image from the sagemaker-iac
# catalog: a SageMaker pipeline with one Training step, distributed over the instances
# with torch_distributed where there is more than one.
provider "aws" {
  region = var.region
}

module "training" {
  source = "../../../out/terraform/sagemaker-training-pipeline"

  framework         = "pytorch"
  framework_version = var.pytorch_version
  py_version        = var.py_version
  entry_point       = var.entry_point
  source_dir        = var.source_dir
  distribution      = var.instance_count > 1 ? "torch_distributed" : null

  pipeline_name  = var.name
  create_role    = true
  instance_type  = var.instance_type
  instance_count = var.instance_count
  output_s3_path = "s3://${var.bucket}/${var.name}/output"
  channels = {
    train = { s3_uri = "s3://${var.bucket}/${var.name}/train/" }
  }
  hyperparameters   = var.hyperparameters
  checkpoint_s3_uri = "s3://${var.bucket}/${var.name}/checkpoints"
  metric_definitions = [
    { name = "train:loss", regex = "train_loss=([0-9.]+)" },
  ]
}
