output "kmeans_image_uri" {
  description = "k-means image URI (default tag)."
  value       = module.kmeans_image.image_uri
}

output "xgboost_image_uri" {
  description = "XGBoost 0.90-2 image URI."
  value       = module.xgboost_image.image_uri
}
