output "pipeline_name" {
  description = "Pipeline to run: aws sagemaker start-pipeline-execution --pipeline-name NAME."
  value       = module.training.pipeline_name
}

output "model_data_url_pattern" {
  description = "Where a pipeline run writes the model; JOB is the run's training job name."
  value       = module.training.model_data_url_pattern
}

output "endpoint_name" {
  description = "Endpoint that serves the trained model, once model_data_url is set."
  value       = one(module.model[*].endpoint_name)
}
