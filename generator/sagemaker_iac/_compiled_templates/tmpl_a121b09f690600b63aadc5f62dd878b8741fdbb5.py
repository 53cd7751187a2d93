from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'terraform/sagemaker-training-job/main.tf'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pipeline = l_0_job_name = missing
    pass
    l_0_pipeline = False
    context.vars['pipeline'] = l_0_pipeline
    context.exported_vars.add('pipeline')
    l_0_job_name = 'var.job_name'
    context.vars['job_name'] = l_0_job_name
    context.exported_vars.add('job_name')
    template = environment.get_template('terraform/_training_spec.tf', 'terraform/sagemaker-training-job/main.tf')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'job_name': l_0_job_name, 'pipeline': l_0_pipeline}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\nresource "aws_sagemaker_training_job" "this" {\n  training_job_name                         = var.job_name\n  role_arn                                  = local.role_arn\n  hyper_parameters                          = var.hyperparameters\n  enable_network_isolation                  = var.enable_network_isolation\n  enable_inter_container_traffic_encryption = var.enable_inter_container_traffic_encryption\n  tags                                      = var.tags\n\n  algorithm_specification {\n    training_image      = module.spec.image_uri\n    training_input_mode = var.input_mode\n  }\n\n  dynamic "input_data_config" {\n    for_each = module.spec.request.InputDataConfig\n    content {\n      channel_name     = input_data_config.value.ChannelName\n      content_type     = lookup(input_data_config.value, "ContentType", null)\n      compression_type = lookup(input_data_config.value, "CompressionType", null)\n      input_mode       = lookup(input_data_config.value, "InputMode", null)\n\n      data_source {\n        s3_data_source {\n          s3_data_type              = input_data_config.value.DataSource.S3DataSource.S3DataType\n          s3_uri                    = input_data_config.value.DataSource.S3DataSource.S3Uri\n          s3_data_distribution_type = input_data_config.value.DataSource.S3DataSource.S3DataDistributionType\n        }\n      }\n    }\n  }\n\n  output_data_config {\n    s3_output_path = var.output_s3_path\n    kms_key_id     = var.kms_key_id\n  }\n\n  resource_config {\n    instance_type     = var.instance_type\n    instance_count    = var.instance_count\n    volume_size_in_gb = var.volume_size_in_gb\n    volume_kms_key_id = var.kms_key_id\n  }\n\n  stopping_condition {\n    max_runtime_in_seconds = var.max_runtime_in_seconds\n  }\n\n  dynamic "vpc_config" {\n    for_each = var.vpc_config == null ? [] : [var.vpc_config]\n    content {\n      subnets            = vpc_config.value.subnets\n      security_group_ids = vpc_config.value.security_group_ids\n    }\n  }\n\n  # IAM is eventually consistent: SageMaker refuses a role whose policy is not yet seen.\n  depends_on = [aws_iam_role_policy.this]\n\n  lifecycle {\n    # SageMaker fills in a built-in algorithm\'s default metric definitions; they are its\n    # own, so they are neither set here nor shown as drift.\n    ignore_changes = [algorithm_specification[0].metric_definitions]\n  }\n}\n'

blocks = {}
debug_info = '1=12&2=18'