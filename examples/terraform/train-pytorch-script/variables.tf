variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the pipeline, and the folder under the bucket for its data."
  type        = string
  default     = "pytorch-script"
}

variable "bucket" {
  description = "S3 bucket holding <name>/train/ (the data) and receiving <name>/output/ and <name>/checkpoints/."
  type        = string
}

variable "source_dir" {
  description = "S3 URI of the packed training code (sourcedir.tar.gz) holding entry_point."
  type        = string
}

variable "entry_point" {
  description = "The training script in source_dir."
  type        = string
  default     = "train.py"
}

variable "pytorch_version" {
  description = "PyTorch version of the training image; null takes the SDK's default."
  type        = string
  default     = "2.3.0"
}

variable "py_version" {
  description = "Python version of the training image."
  type        = string
  default     = "py311"
}

variable "instance_type" {
  description = "Training instance type: a GPU type picks the GPU image."
  type        = string
  default     = "ml.g5.2xlarge"
}

variable "instance_count" {
  description = "Training instances; more than one trains with torch_distributed."
  type        = number
  default     = 1
}

variable "hyperparameters" {
  description = "The script's hyperparameters (JSON-encoded as the SDK encodes them)."
  type        = any
  default     = { epochs = 10, lr = 0.001 }
}
