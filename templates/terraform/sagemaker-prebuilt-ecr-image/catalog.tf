locals {
  # The repositories with a file in repositories/: every image the catalog answers.
  repositories = [
{% for name in repositories %}
    {{ name | hcl }},
{% endfor %}
  ]

  # Region -> DNS suffix of its ECR registry hosts.
  dns_suffixes = {
{% for region, suffix in dns_suffixes | aligned %}
    {{ region }} = {{ suffix | hcl }}
{% endfor %}
  }
}
