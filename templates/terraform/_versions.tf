terraform {
{% if version_note %}
  # {{ version_note }}
{% endif %}
  required_version = "{{ required_version }}"
{% if providers %}

  required_providers {
{% for floor in providers %}
{% if not loop.first %}

{% endif %}
    {{ floor.name }} = {
      source = "hashicorp/{{ floor.name }}"
      # {{ floor.version }} is {{ floor.reason }}.
      version = "{{ floor.constraint }}"
    }
{% endfor %}
  }
{% endif %}
}
