"""The CloudFormation target: Mappings, the image and model templates, training pipelines."""
