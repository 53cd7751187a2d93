# SageMaker built-in algorithm -> region -> image URI (default tag).
# Copy this file into a root module and read local.sagemaker_image_uris["kmeans"]["us-west-2"].

locals {
  sagemaker_image_uris = {
{% for key, regions in uris.items() %}
    {{ key | hcl }} = {
{% for region, uri in regions.items() | aligned %}
      {{ region }} = {{ uri | hcl }}
{% endfor %}
    }
{% endfor %}
  }
}
