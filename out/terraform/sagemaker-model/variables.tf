variable "algorithm" {
  description = "Key of the SageMaker built-in algorithm in the catalog, such as kmeans or xgboost."
  type        = string

  validation {
    condition     = contains(["blazingtext", "factorization-machines", "forecasting-deepar", "image-classification", "image-classification-tensorflow", "ipinsights", "kmeans", "knn", "lda", "linear-learner", "ntm", "object-detection", "object-detection-tensorflow", "object2vec", "pca", "randomcutforest", "semantic-segmentation", "seq2seq", "xgboost"], var.algorithm)
    error_message = "The algorithm must be one of: blazingtext, factorization-machines, forecasting-deepar, image-classification, image-classification-tensorflow, ipinsights, kmeans, knn, lda, linear-learner, ntm, object-detection, object-detection-tensorflow, object2vec, pca, randomcutforest, semantic-segmentation, seq2seq, xgboost."
  }
}

variable "image_tag" {
  description = "Image tag to use; null selects the algorithm's default tag from the catalog."
  type        = string
  default     = null
}

variable "name" {
  description = "Name of the endpoint (1-63 letters, digits and hyphens), and the prefix of the model's and the endpoint configuration's names."
  type        = string

  validation {
    condition     = length(var.name) <= 63 && can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", var.name))
    error_message = "The name must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit (SageMaker's limit for an endpoint name)."
  }
}

variable "model_data_url" {
  description = "S3 URI of the model artifacts (model.tar.gz); null with model_package_name."
  type        = string
  default     = null

  validation {
    condition     = var.model_data_url == null ? true : can(regex("^s3://[^/\"\\\\]+/[^\"\\\\]+$", var.model_data_url))
    error_message = "The model_data_url must be an s3://bucket/key URI of an object, such as model.tar.gz."
  }
}

variable "model_package_name" {
  description = "Model package to host instead of the algorithm's image and model_data_url."
  type        = string
  default     = null
}

variable "execution_role_arn" {
  description = "IAM role the model runs as; null with create_role = true."
  type        = string
  default     = null

  validation {
    condition     = var.execution_role_arn == null ? true : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.execution_role_arn))
    error_message = "The execution_role_arn must be an IAM role ARN, arn:aws:iam::ACCOUNT:role/NAME."
  }
}

variable "create_role" {
  description = "Create a least-privilege execution role for the model."
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

variable "model_data_kms_key_arn" {
  description = "KMS key that encrypts the model artifacts; the created role may decrypt with it."
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

variable "create_endpoint_configuration" {
  description = "Create an endpoint configuration for the model."
  type        = bool
  default     = false
}

variable "create_endpoint" {
  description = "Create an endpoint (needs create_endpoint_configuration)."
  type        = bool
  default     = false
}

variable "instance_type" {
  description = "Instance type of the endpoint's variant. An Arm (Graviton) type hosts the algorithm's Arm image, and fails the plan where the catalog has none."
  type        = string
  default     = "ml.m5.large"
}

variable "initial_instance_count" {
  description = "Instances behind the endpoint."
  type        = number
  default     = 1
}

variable "kms_key_arn" {
  description = "KMS key for the endpoint's storage volume; required with an endpoint configuration."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for every resource created."
  type        = map(string)
  default     = {}
}
