variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the endpoint, and the prefix of the model's and its configuration's."
  type        = string
  default     = "llm"
}

variable "weights_s3_prefix" {
  description = "S3 prefix of the model's uncompressed files (config.json, *.safetensors, tokenizer), as Hugging Face publishes them."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the endpoint's storage volume."
  type        = string
}

variable "tgi_version" {
  description = "Version of the Hugging Face TGI container (the SDK's huggingface-llm versions); null takes the SDK's default."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "GPU instance type of the endpoint."
  type        = string
  default     = "ml.g5.2xlarge"
}

variable "max_instances" {
  description = "Scale the endpoint up to this many instances on invocations; null keeps one."
  type        = number
  default     = null
}
