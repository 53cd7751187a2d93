terraform {
{% if version_note %}
  # {{ version_note }}
{% endif %}
  required_version = "{{ required_version }}"
{% for name, version in providers %}

  required_providers {
    {{ name }} = {
      source = "hashicorp/{{ name }}"
      # {{ provider_note }}
      version = "{{ version }}"
    }
  }
{% endfor %}
}
