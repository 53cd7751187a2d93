terraform {
{% if version_note %}
  # {{ version_note }}
{% endif %}
  required_version = "{{ required_version }}"
{% for floor in providers %}

  required_providers {
    {{ floor.name }} = {
      source = "hashicorp/{{ floor.name }}"
      # {{ floor.version }} is {{ floor.reason }}.
      version = "{{ floor.constraint }}"
    }
  }
{% endfor %}
}
