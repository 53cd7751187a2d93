# Sources:
{% for source in sources %}
#   {{ source.key }}: {{ source.title }} ({{ source.document }}, {{ source.date }})
{% endfor %}

locals {
  # Partition -> DNS suffix of its ECR registry hosts.
  catalog_partitions = {
{% for key, value in catalog.partitions.items() | sort | aligned %}
    {{ key }} = {{ value.dns_suffix | hcl }}
{% endfor %}
  }

  # Region -> partition.
  catalog_regions = {
{% for key, value in catalog.regions.items() | sort | aligned %}
    {{ key }} = {{ value | hcl }}
{% endfor %}
  }

  # Registry group -> region -> account ID. An algorithm is published exactly where its group has an entry.
  catalog_registry_groups = {
{% for group in catalog.registry_groups.values() | sort(attribute="key") %}
    {{ group.key | hcl }} = {
{% for key, value in group.accounts.items() | sort | aligned %}
      {{ key }} = {{ value | hcl }}
{% endfor %}
    }
{% endfor %}
  }

  # ML instance family (ml.<family><generation>.<size>) -> processor.
  catalog_instance_families = {
{% for key, value in catalog.instance_families.items() | sort | aligned %}
    {{ key }} = {{ value | hcl }}
{% endfor %}
  }

  # Instance families (family and generation) whose processors are Arm (AWS Graviton).
  catalog_arm64_families = {{ catalog.arm64_families | hcl_list }}

{% if distributions is not none %}
  # Distribution strategies the SageMaker Python SDK offers (for some framework).
  catalog_distributions = {{ distributions | hcl_list }}

{% endif %}
  # Algorithm -> image and training facts; the first tag is the default.
  catalog_algorithms = {
{% for a in catalog.algorithms.values() | sort(attribute="key") %}
    {{ a.key | hcl }} = {
{% for key, value in algorithm_fields(a) | aligned(quote=false) %}
      {{ key }} = {{ value }}
{% endfor %}
    }
{% endfor %}
  }
}
