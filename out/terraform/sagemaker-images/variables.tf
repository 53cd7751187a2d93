variable "algorithm" {
  description = "Key of the SageMaker built-in algorithm in the catalog, such as kmeans or xgboost."
  type        = string

  validation {
    condition     = contains(["blazingtext", "factorization-machines", "forecasting-deepar", "image-classification", "image-classification-tensorflow", "ipinsights", "kmeans", "knn", "lda", "linear-learner", "ntm", "object-detection", "object-detection-tensorflow", "object2vec", "pca", "randomcutforest", "semantic-segmentation", "seq2seq", "xgboost"], var.algorithm)
    error_message = "The algorithm must be one of: blazingtext, factorization-machines, forecasting-deepar, image-classification, image-classification-tensorflow, ipinsights, kmeans, knn, lda, linear-learner, ntm, object-detection, object-detection-tensorflow, object2vec, pca, randomcutforest, semantic-segmentation, seq2seq, xgboost."
  }
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
  description = "Image tag to use; null selects the algorithm's default tag from the catalog."
  type        = string
  default     = null
}

variable "image_scope" {
  description = "Which image: training, inference (the hosting image, where the catalog keeps one), or inference_graviton (the Arm hosting image, where one is published)."
  type        = string
  default     = "training"

  validation {
    condition     = contains(["training", "inference", "inference_graviton"], var.image_scope)
    error_message = "The image_scope must be training, inference or inference_graviton."
  }
}

variable "instance_type" {
  description = "ML instance type the image runs on, or null. When given, an Arm (Graviton) type hosts the Arm image (as the SageMaker SDK picks it), the default tag is the first built for its processor, and a tag or an image that cannot run on it fails the plan."
  type        = string
  default     = null
}
