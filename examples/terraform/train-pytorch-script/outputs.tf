output "pipeline_name" {
  description = "Name of the pipeline; start a run with `aws sagemaker start-pipeline-execution`."
  value       = module.training.pipeline_name
}

output "image_uri" {
  description = "The training image (the catalog's, as `sagemaker-iac uri pytorch` gives it)."
  value       = module.training.image_uri
}

output "model_data_url_pattern" {
  description = "Where a run writes its model: JOB is the run's training job name."
  value       = module.training.model_data_url_pattern
}
