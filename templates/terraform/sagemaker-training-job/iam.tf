{% set pipeline = false %}{% set role_name = "var.job_name" %}{% set policy_name = "sagemaker-training" %}
{% include "terraform/_training_iam.tf" %}
