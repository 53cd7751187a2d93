# {{ generated_by }}
# The catalog's tables come from the data-only module beside this one, so out/ holds
# them once; main.tf reads them by these names.
module "catalog" {
  source = "../sagemaker-catalog"
}

locals {
{% for name, value in catalog_locals | aligned(quote=false) %}
  {{ name }} = {{ value }}
{% endfor %}
}
