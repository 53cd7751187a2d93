variable "region" {
  description = "Region whose registries serve the images."
  type        = string
  default     = "us-west-2"
}
