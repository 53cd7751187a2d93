{% set pipeline = true %}{% set role_name = "var.pipeline_name" %}{% set policy_name = "sagemaker-training-pipeline" %}
{% include "terraform/_training_iam.tf" %}
