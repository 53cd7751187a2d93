
  # Region -> DNS suffix of its ECR registry hosts.
  dns_suffixes = {
{% for region, suffix in dns_suffixes | aligned %}
    {{ region }} = {{ suffix | hcl }}
{% endfor %}
  }
