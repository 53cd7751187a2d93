variable "region" {
  description = "Region to train and host in."
  type        = string
  default     = "us-west-2"
}

variable "bucket" {
  description = "S3 bucket holding kmeans/train/ and receiving kmeans/output/."
  type        = string
}

variable "name" {
  description = "Name of the pipeline and the endpoint (the model and its configuration are named after it)."
  type        = string
  default     = "kmeans-example"
}

variable "kms_key_arn" {
  description = "KMS key for the training output and volume and the endpoint's volume."
  type        = string
}

variable "model_data_url" {
  description = "S3 URI of a pipeline run's model.tar.gz; null until the pipeline has run."
  type        = string
  default     = null
}
