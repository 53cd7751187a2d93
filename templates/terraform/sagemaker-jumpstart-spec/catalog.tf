locals {
  # The JumpStart models with a file in models/ (sagemaker-iac import jumpstart).
  models = [
{% for name in models %}
    {{ name | hcl }},
{% endfor %}
  ]
{% include "terraform/_dns_suffixes.tf" %}
}
