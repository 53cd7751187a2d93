{% for o in outputs %}
output "{{ o.name }}" {
  description = {{ o.description | hcl }}
  value       = {{ o.value }}
{% if o.sensitive %}
  sensitive   = true
{% endif %}
{% if o.checks_spec %}

  precondition {
    condition     = length(module.spec.errors) == 0
    error_message = join("\n", concat(["The training job does not match the sagemaker-iac catalog:"], module.spec.errors))
  }
{% endif %}
}
{% if not loop.last %}

{% endif %}
{% endfor %}
