variable "algorithm" {
  description = "Key of the SageMaker built-in algorithm in the catalog, such as kmeans or xgboost."
  type        = string

  validation {
    condition     = contains(["blazingtext", "factorization-machines", "forecasting-deepar", "image-classification", "image-classification-tensorflow", "ipinsights", "kmeans", "knn", "lda", "linear-learner", "ntm", "object-detection", "object-detection-tensorflow", "object2vec", "pca", "randomcutforest", "semantic-segmentation", "seq2seq", "xgboost"], var.algorithm)
    error_message = "The algorithm must be one of: blazingtext, factorization-machines, forecasting-deepar, image-classification, image-classification-tensorflow, ipinsights, kmeans, knn, lda, linear-learner, ntm, object-detection, object-detection-tensorflow, object2vec, pca, randomcutforest, semantic-segmentation, seq2seq, xgboost."
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

variable "role_arn" {
  description = "IAM role that SageMaker assumes; null with create_role = true."
  type        = string
  default     = null

  validation {
    condition     = var.role_arn == null ? true : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.role_arn))
    error_message = "The role_arn must be an IAM role ARN, arn:aws:iam::ACCOUNT:role/NAME."
  }
}

variable "create_role" {
  description = "Create a least-privilege execution role for this job."
  type        = bool
  default     = false
}

variable "role_path" {
  description = "IAM path of the created role."
  type        = string
  default     = "/"

  validation {
    condition     = can(regex("^/([!-~]{1,510}/)?$", var.role_path))
    error_message = "The role_path must be / or begin and end with /."
  }
}

variable "role_permissions_boundary" {
  description = "ARN of the policy that is the created role's permissions boundary, or null."
  type        = string
  default     = null
}
