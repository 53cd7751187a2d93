output "training_request" {
  description = "The CreateTrainingJob request the job was created from."
  value       = module.training.request_json
}

output "endpoint_name" {
  description = "Endpoint that serves the trained model."
  value       = module.model.endpoint_name
}
