locals {
  # The repositories with a file in repositories/: every image the catalog answers.
  repositories = [
{% for name in repositories %}
    {{ name | hcl }},
{% endfor %}
  ]
{% include "terraform/_dns_suffixes.tf" %}
}
