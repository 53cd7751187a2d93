locals {
  # The frameworks with a file in images/ (the SageMaker Python SDK's image_uri_config).
  frameworks = [
{% for key in catalog.images | sort %}
    {{ key | hcl }},
{% endfor %}
  ]

  # Region -> DNS suffix of its ECR registry hosts.
  dns_suffixes = {
{% for region, suffix in dns_suffixes | aligned %}
    {{ region }} = {{ suffix | hcl }}
{% endfor %}
  }
}
