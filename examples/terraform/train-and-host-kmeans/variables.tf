variable "region" {
  description = "Region to train and host in."
  type        = string
  default     = "us-west-2"
}

variable "bucket" {
  description = "S3 bucket holding kmeans/train/ and receiving kmeans/output/."
  type        = string
}

variable "job_name" {
  description = "Training job name; the model and endpoint are named after it."
  type        = string
  default     = "kmeans-example"
}

variable "kms_key_arn" {
  description = "KMS key for the training output and volume and the endpoint's volume."
  type        = string
}
