{% for o in outputs %}
output "{{ o.name }}" {
  description = {{ o.description | hcl }}
  value       = {{ o.value }}
{% if o.sensitive %}
  sensitive   = true
{% endif %}
{% for condition, message in o.preconditions %}

  precondition {
    condition     = {{ condition }}
    error_message = {{ message }}
  }
{% endfor %}
}
{% if not loop.last %}

{% endif %}
{% endfor %}
