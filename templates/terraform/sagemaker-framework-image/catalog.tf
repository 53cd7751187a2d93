locals {
  # The frameworks with a file in images/ (the SageMaker Python SDK's image_uri_config).
  frameworks = [
{% for key in catalog.images | sort %}
    {{ key | hcl }},
{% endfor %}
  ]

  # How an instance type is read, as the SDK reads it: its family (ml.FAMILY.size) is
  # "graviton" in these families, its own class where named below, else inf or trn by
  # its prefix, else gpu (g, p) or cpu. Class -> the processor the SDK takes from it.
  graviton_families = [
{% for family in catalog.image_rules.graviton_instance_families | sort %}
    {{ family | hcl }},
{% endfor %}
  ]
  instance_classes = {
{% for name, processor in instance_processors | aligned %}
    {{ name }} = {{ processor | hcl }}
{% endfor %}
  }

  # ML instance type -> its GPUs (the SDK's instance_gpu_info.json).
  instance_gpus = {
{% for name, count in catalog.gpu_counts.items() | sort | aligned %}
    {{ name }} = {{ count }}
{% endfor %}
  }
{% include "terraform/_dns_suffixes.tf" %}
}
