variable "region" {
  description = "AWS region to deploy to; the model must be published there."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name of the endpoint, and the prefix of the model's and its configuration's."
  type        = string
  default     = "llama"
}

variable "model_id" {
  description = "JumpStart model to host (sagemaker-iac jumpstart --list --search TEXT)."
  type        = string
  default     = "meta-textgeneration-llama-3-1-8b-instruct"
}

variable "model_version" {
  description = "Version of the model; null takes the newest the catalog has."
  type        = string
  default     = null
}

variable "accept_eula" {
  description = "Accept the model's end-user license agreement: read it first (the plan of a gated model names where it is)."
  type        = bool
  default     = false
}

variable "instance_type" {
  description = "Instance type of the endpoint; null takes the model's default. It must be one the model supports."
  type        = string
  default     = null
}

variable "kms_key_arn" {
  description = "KMS key that encrypts the endpoint's storage volume."
  type        = string
}

variable "max_instances" {
  description = "Scale the endpoint up to this many instances on invocations; null keeps one."
  type        = number
  default     = 2
}
