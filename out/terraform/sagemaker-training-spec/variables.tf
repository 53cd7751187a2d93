variable "algorithm" {
  description = "Key of the SageMaker built-in algorithm in the catalog, such as kmeans."
  type        = string
}

variable "region" {
  description = "AWS region whose registry serves the image, such as us-east-1."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", var.region))
    error_message = "The region must be an AWS region name such as us-east-1."
  }
}

variable "image_tag" {
  description = "Image tag to use; null selects the algorithm's first catalog tag built for the instance type's processor (-cpu-, -gpu-), else its first tag."
  type        = string
  default     = null
}

variable "job_name" {
  description = "training job name (1-63 letters, digits and hyphens)."
  type        = string

  validation {
    condition     = length(var.job_name) <= 63 && can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", var.job_name))
    error_message = "The job_name must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit (SageMaker's limit for a training job name)."
  }
}

variable "role_arn" {
  description = "IAM role that SageMaker assumes for the job."
  type        = string

  validation {
    condition     = var.role_arn == null ? true : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.role_arn))
    error_message = "The role_arn must be an IAM role ARN, arn:aws:iam::ACCOUNT:role/NAME."
  }
}

variable "hyperparameters" {
  description = "Algorithm hyperparameters; the catalog's required ones must be present."
  type        = map(string)
  default     = {}
}

variable "channels" {
  description = "Input channels by name: s3_uri (required), content_type, input_mode, distribution (FullyReplicated or ShardedByS3Key), compression (None or Gzip), s3_data_type (default S3Prefix)."
  type        = map(map(string))
}

variable "input_mode" {
  description = "Default training input mode: File, Pipe or FastFile."
  type        = string
  default     = "File"
}

variable "instance_type" {
  description = "ML instance type, such as ml.m5.xlarge."
  type        = string
}

variable "instance_count" {
  description = "Number of training instances."
  type        = number
  default     = 1

  validation {
    condition     = var.instance_count >= 1
    error_message = "The instance_count must be at least 1."
  }
}

variable "volume_size_in_gb" {
  description = "Storage volume per instance, in GB."
  type        = number
  default     = 30
}

variable "max_runtime_in_seconds" {
  description = "Stop the job after this many seconds."
  type        = number
  default     = 86400
}

variable "output_s3_path" {
  description = "S3 URI under which the model artifacts are written."
  type        = string

  validation {
    condition     = can(regex("^s3://[^/\"\\\\]+(/[^\"\\\\]*)?$", var.output_s3_path))
    error_message = "The output_s3_path must be an s3://bucket/prefix URI without quotes or backslashes."
  }
}

variable "kms_key_id" {
  description = "KMS key for the output and the training volume; null uses AWS-managed keys."
  type        = string
  default     = null
}

variable "vpc_config" {
  description = "Subnets and security groups to run in; null runs outside a VPC."
  type        = object({ subnets = list(string), security_group_ids = list(string) })
  default     = null
}

variable "enable_network_isolation" {
  description = "Run the container without network access."
  type        = bool
  default     = true
}

variable "enable_inter_container_traffic_encryption" {
  description = "Encrypt traffic between training instances."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource created."
  type        = map(string)
  default     = {}
}

variable "step_name" {
  description = "Name of the Training step in the pipeline definition."
  type        = string
  default     = "Train"
}
