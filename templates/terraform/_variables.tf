{% for v in variables %}
variable "{{ v.name }}" {
  description = {{ v.description | hcl }}
  type        = {{ v.type }}
{% if not v.required %}
  default     = {{ v.default | hcl_value }}
{% endif %}
{% if v.condition %}

  validation {
    condition     = {{ v.condition }}
    error_message = {{ v.error_message | hcl }}
  }
{% endif %}
}
{% if not loop.last %}

{% endif %}
{% endfor %}
