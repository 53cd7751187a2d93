"""The inputs and outputs of each emitted Terraform module: one source for .tf and README."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Catalog
from .render import hcl_list, hcl_string

REGION_PATTERN = "^[a-z]{2}(-[a-z]+)+-[0-9]+$"
S3_PATTERN = "^s3://[^/]+"
# Terraform 1.0: validation may read only its own variable; its message is a literal sentence.


@dataclass(frozen=True)
class Variable:
    name: str
    type: str
    description: str
    default: str | None = None  # an HCL expression; None means the input is required
    condition: str | None = None
    error_message: str | None = None


@dataclass(frozen=True)
class Output:
    name: str
    description: str
    value: str
    sensitive: bool = False
    preconditions: list[tuple[str, str]] = field(default_factory=list)


def algorithm_variable(catalog: Catalog, validate: bool = True) -> Variable:
    keys = sorted(catalog.algorithms)
    if not validate:  # the spec module reports it with the value named, among its errors
        return Variable(
            "algorithm",
            "string",
            "Key of the SageMaker built-in algorithm in the catalog, such as kmeans.",
        )
    return Variable(
        "algorithm",
        "string",
        "Key of the SageMaker built-in algorithm in the catalog, such as kmeans or xgboost.",
        condition=f"contains({hcl_list(keys)}, var.algorithm)",
        error_message=f"The algorithm must be one of: {', '.join(keys)}.",
    )


def name_variable(name: str, what: str, limit: int = 63, description: str = "") -> Variable:
    """A SageMaker resource name: letters, digits and hyphens, as CreateX validates it."""
    pattern = f"^[a-zA-Z0-9](-*[a-zA-Z0-9]){{0,{limit - 1}}}$"
    return Variable(
        name,
        "string",
        description or f"{what} (1-{limit} letters, digits and hyphens).",
        condition=f"length(var.{name}) <= {limit} && can(regex({hcl_string(pattern)}, var.{name}))",
        error_message=f"The {name} must be 1-{limit} characters (SageMaker's limit for "
        f"{'an' if what[0] in 'aeiou' else 'a'} {what}): "
        "letters, digits and hyphens, starting and ending with a letter or digit.",
    )


def role_variables(create_for: str) -> list[Variable]:
    return [
        Variable(
            "create_role",
            "bool",
            f"Create a least-privilege execution role for {create_for}.",
            "false",
        ),
        Variable(
            "role_path",
            "string",
            "IAM path of the created role.",
            '"/"',
            # IAM's path: / alone, or printable ASCII between slashes, up to 512 characters.
            condition='can(regex("^/([!-~]{1,510}/)?$", var.role_path))',
            error_message="The role_path must be / or begin and end with /.",
        ),
        Variable(
            "role_permissions_boundary",
            "string",
            "ARN of the policy that is the created role's permissions boundary, or null.",
            "null",
        ),
    ]


REGION = Variable(
    "region",
    "string",
    "AWS region whose registry serves the image, such as us-east-1.",
    condition=f"can(regex({hcl_string(REGION_PATTERN)}, var.region))",
    error_message="The region must be an AWS region name such as us-east-1.",
)
IMAGE_TAG = Variable(
    "image_tag",
    "string",
    "Image tag to use; null selects the algorithm's default tag from the catalog.",
    "null",
)
TRAINING_IMAGE_TAG = Variable(
    "image_tag",
    "string",
    "Image tag to use; null selects the algorithm's first catalog tag built for the "
    "instance type's processor (-cpu-, -gpu-), else its first tag.",
    "null",
)
IMAGE_SCOPE = Variable(
    "image_scope",
    "string",
    "Which image: training, inference (the hosting image, where the catalog keeps one), or "
    "inference_graviton (the Arm hosting image, where one is published).",
    '"training"',
    condition='contains(["training", "inference", "inference_graviton"], var.image_scope)',
    error_message="The image_scope must be training, inference or inference_graviton.",
)
IMAGE_INSTANCE_TYPE = Variable(
    "instance_type",
    "string",
    "ML instance type the image runs on, or null. When given, an Arm (Graviton) type hosts "
    "the Arm image (as the SageMaker SDK picks it), the default tag is the first built for "
    "its processor, and a tag or an image that cannot run on it fails the plan.",
    "null",
)
TAGS = Variable("tags", "map(string)", "Tags for every resource created.", "{}")
VPC = Variable(
    "vpc_config",
    "object({ subnets = list(string), security_group_ids = list(string) })",
    "Subnets and security groups to run in; null runs outside a VPC.",
    "null",
)
KMS_KEY = Variable(
    "kms_key_id",
    "string",
    "KMS key for the output and the training volume; null uses AWS-managed keys.",
    "null",
)


def _job_inputs(catalog: Catalog, validate_algorithm: bool) -> list[Variable]:
    return [
        algorithm_variable(catalog, validate_algorithm),
        TRAINING_IMAGE_TAG,
        name_variable("job_name", "training job name"),
        Variable(
            "hyperparameters",
            "map(string)",
            "Algorithm hyperparameters; the catalog's required ones must be present.",
            "{}",
        ),
        Variable(
            "channels",
            "map(map(string))",
            "Input channels by name: s3_uri (required), content_type, input_mode, "
            "distribution (FullyReplicated or ShardedByS3Key), compression (None or Gzip), "
            "s3_data_type (default S3Prefix).",
        ),
        Variable(
            "input_mode", "string", "Default training input mode: File, Pipe or FastFile.", '"File"'
        ),
        Variable("instance_type", "string", "ML instance type, such as ml.m5.xlarge."),
        Variable(
            "instance_count",
            "number",
            "Number of training instances.",
            "1",
            condition="var.instance_count >= 1",
            error_message="The instance_count must be at least 1.",
        ),
        Variable("volume_size_in_gb", "number", "Storage volume per instance, in GB.", "30"),
        Variable(
            "max_runtime_in_seconds", "number", "Stop the job after this many seconds.", "86400"
        ),
        Variable(
            "output_s3_path",
            "string",
            "S3 URI under which the model artifacts are written.",
            condition=f"can(regex({hcl_string(S3_PATTERN)}, var.output_s3_path))",
            error_message="The output_s3_path must be an s3:// URI.",
        ),
        KMS_KEY,
        VPC,
        Variable(
            "enable_network_isolation", "bool", "Run the container without network access.", "true"
        ),
        Variable(
            "enable_inter_container_traffic_encryption",
            "bool",
            "Encrypt traffic between training instances.",
            "true",
        ),
        TAGS,
    ]


def spec_variables(catalog: Catalog) -> list[Variable]:
    inputs = _job_inputs(catalog, validate_algorithm=False)
    return [
        inputs[0],
        REGION,
        *inputs[1:3],
        Variable("role_arn", "string", "IAM role that SageMaker assumes for the job."),
        *inputs[3:],
        Variable(
            "step_name",
            "string",
            "Name of the Training step in the pipeline definition.",
            '"Train"',
        ),
    ]


def training_job_variables(catalog: Catalog) -> list[Variable]:
    return [
        *_job_inputs(catalog, validate_algorithm=True),
        Variable(
            "role_arn",
            "string",
            "IAM role that SageMaker assumes; null with create_role = true.",
            "null",
        ),
        *role_variables("this job"),
    ]


def training_pipeline_variables(catalog: Catalog) -> list[Variable]:
    inputs = [v for v in _job_inputs(catalog, validate_algorithm=True) if v.name != "job_name"]
    return [
        name_variable(
            "pipeline_name",
            "pipeline name",
            limit=256,
            description="Pipeline name (1-256 letters, digits and hyphens); each run's "
            "training job is named by SageMaker.",
        ),
        *inputs,
        Variable(
            "step_name",
            "string",
            "Name of the Training step in the pipeline definition.",
            '"Train"',
        ),
        Variable(
            "role_arn",
            "string",
            "IAM role that the pipeline and its training jobs assume; null with "
            "create_role = true.",
            "null",
        ),
        *role_variables("this pipeline and its jobs"),
    ]


def model_variables(catalog: Catalog) -> list[Variable]:
    return [
        algorithm_variable(catalog),
        IMAGE_TAG,
        name_variable(
            "name",
            "endpoint name",
            description="Name of the endpoint (1-63 letters, digits and hyphens), and the "
            "prefix of the model's and the endpoint configuration's names.",
        ),
        Variable(
            "model_data_url",
            "string",
            "S3 URI of the model artifacts (model.tar.gz); null with model_package_name.",
            "null",
        ),
        Variable(
            "model_package_name",
            "string",
            "Model package to host instead of the algorithm's image and model_data_url.",
            "null",
        ),
        Variable(
            "execution_role_arn",
            "string",
            "IAM role the model runs as; null with create_role = true.",
            "null",
        ),
        *role_variables("the model"),
        Variable(
            "model_data_kms_key_arn",
            "string",
            "KMS key that encrypts the model artifacts; the created role may decrypt with it.",
            "null",
        ),
        VPC,
        Variable(
            "enable_network_isolation", "bool", "Run the container without network access.", "true"
        ),
        Variable(
            "create_endpoint_configuration",
            "bool",
            "Create an endpoint configuration for the model.",
            "false",
        ),
        Variable(
            "create_endpoint",
            "bool",
            "Create an endpoint (needs create_endpoint_configuration).",
            "false",
        ),
        Variable(
            "instance_type",
            "string",
            "Instance type of the endpoint's variant. An Arm (Graviton) type hosts the "
            "algorithm's Arm image, and fails the plan where the catalog has none.",
            '"ml.m5.large"',
        ),
        Variable("initial_instance_count", "number", "Instances behind the endpoint.", "1"),
        Variable(
            "kms_key_arn",
            "string",
            "KMS key for the endpoint's storage volume; required with an endpoint configuration.",
            "null",
        ),
        TAGS,
    ]


SPEC_OUTPUTS = [
    Output(
        "errors",
        "Every way the inputs break the catalog's rules; empty when valid.",
        "local.errors",
    ),
    Output("valid", "True when errors is empty.", "length(local.errors) == 0"),
    Output("image_uri", "Training image URI from the catalog.", "local.image_uri"),
    Output("request", "CreateTrainingJob request as an object.", "local.request"),
    Output(
        "request_json",
        "CreateTrainingJob request as JSON, for "
        "`aws sagemaker create-training-job --cli-input-json` or Step Functions.",
        "jsonencode(local.request)",
    ),
    Output(
        "pipeline_definition",
        "SageMaker pipeline definition (JSON) with one Training step.",
        "local.pipeline_definition",
    ),
    Output("registry_id", "Account ID of the registry that hosts the image.", "local.registry_id"),
    Output("repository", "ECR repository of the image.", "local.repository"),
]

_VALID = (
    "length(module.spec.errors) == 0",
    'join("\\n", concat(["The training job does not match the sagemaker-iac catalog:"], '
    "module.spec.errors))",
)

TRAINING_JOB_OUTPUTS = [
    Output(
        "request",
        "CreateTrainingJob request as an object.",
        "module.spec.request",
        preconditions=[_VALID],
    ),
    Output("request_json", "CreateTrainingJob request as JSON.", "module.spec.request_json"),
    Output("image_uri", "Training image URI from the catalog.", "module.spec.image_uri"),
    Output("training_job_arn", "ARN of the training job.", "aws_sagemaker_training_job.this.arn"),
    Output(
        "training_job_name",
        "Name of the training job.",
        "aws_sagemaker_training_job.this.training_job_name",
    ),
    Output("role_arn", "Execution role used.", "local.role_arn"),
    Output(
        "model_data_url",
        "Where the job writes its model artifacts (once it completes: apply does not wait).",
        '"${trimsuffix(var.output_s3_path, "/")}/'
        '${aws_sagemaker_training_job.this.training_job_name}/output/model.tar.gz"',
    ),
]

TRAINING_PIPELINE_OUTPUTS = [
    Output(
        "pipeline_definition",
        "The pipeline definition (JSON) with its one Training step.",
        "module.spec.pipeline_definition",
        preconditions=[_VALID],
    ),
    Output("image_uri", "Training image URI from the catalog.", "module.spec.image_uri"),
    Output("pipeline_arn", "ARN of the pipeline.", "aws_sagemaker_pipeline.this.arn"),
    Output("pipeline_name", "Name of the pipeline.", "aws_sagemaker_pipeline.this.pipeline_name"),
    Output("role_arn", "Execution role used.", "local.role_arn"),
    Output(
        "model_data_url_pattern",
        "Where a run writes its model artifacts: JOB is the run's training job name, which "
        "SageMaker chooses (see the README).",
        '"${trimsuffix(var.output_s3_path, "/")}/JOB/output/model.tar.gz"',
    ),
]

MODEL_OUTPUTS = [
    Output("image_uri", "Inference image URI from the catalog.", "module.image.image_uri"),
    Output("model_name", "Name of the model.", "aws_sagemaker_model.this.name"),
    Output(
        "image_scope",
        "inference, or inference_graviton where instance_type is Arm (Graviton).",
        "module.image.scope",
    ),
    Output(
        "endpoint_configuration_name",
        "Name of the endpoint configuration, if created.",
        "one(aws_sagemaker_endpoint_configuration.this[*].name)",
    ),
    Output("model_arn", "ARN of the model.", "aws_sagemaker_model.this.arn"),
    Output(
        "endpoint_configuration_arn",
        "ARN of the endpoint configuration, if created.",
        "one(aws_sagemaker_endpoint_configuration.this[*].arn)",
    ),
    Output(
        "endpoint_name",
        "Name of the endpoint, if created.",
        "one(aws_sagemaker_endpoint.this[*].name)",
    ),
    Output("role_arn", "Execution role used.", "local.role_arn"),
]


@dataclass(frozen=True)
class Rule:
    """One catalog check of the spec module: a Terraform 1.0 list of error messages."""

    summary: str
    expression: str


# Each expression yields the messages for one rule (empty when it holds). local.algorithm
# is null for an unknown algorithm, so every use of it sits in a branch that
# local.known selects: HCL reports errors of the selected branch only.
SPEC_RULES = [
    Rule(
        "The algorithm is in the catalog.",
        'local.known ? [] : ["unknown algorithm ${var.algorithm}; known: '
        '${join(", ", sort(keys(local.catalog_algorithms)))}"]',
    ),
    Rule(
        "The algorithm is published in the region.",
        'local.known && !local.published ? ["algorithm ${var.algorithm} is not published in '
        'region ${var.region}; available regions: ${join(", ", local.regions)}"] : []',
    ),
    Rule(
        "The image tag is one the algorithm publishes.",
        'local.known ? contains(local.algorithm.tags, local.tag) ? [] : ["image tag ${local.tag} '
        "is not published for ${var.algorithm}; available tags: "
        '${join(", ", local.algorithm.tags)}"] : []',
    ),
    Rule(
        "The job's and every channel's input mode is one the algorithm supports.",
        'local.known ? [for m in local.input_modes : "input mode ${m} is not supported by '
        '${var.algorithm}; supported: ${join(", ", local.algorithm.input_modes)}" '
        "if !contains(local.algorithm.input_modes, m)] : []",
    ),
    Rule(
        "Every required channel is given.",
        'local.known ? [for c in local.algorithm.required_channels : "missing required channel '
        '${c} for ${var.algorithm}; required: ${join(", ", local.algorithm.required_channels)}" '
        "if !contains(local.channel_names, c)] : []",
    ),
    Rule(
        "Every channel is one the algorithm reads.",
        'local.known ? [for c in local.channel_names : "unknown channel ${c} for '
        '${var.algorithm}; allowed: ${join(", ", local.allowed_channels)}" '
        "if !contains(local.allowed_channels, c)] : []",
    ),
    Rule(
        "Every channel's content type, when given, is one the algorithm accepts.",
        'local.known ? [for c in local.channel_names : "channel ${c}: content type '
        "${var.channels[c].content_type} is not accepted by ${var.algorithm}; accepted: "
        '${join(", ", local.algorithm.content_types)}" if !contains(concat(["-"], '
        'local.algorithm.content_types), lookup(var.channels[c], "content_type", "-"))] : []',
    ),
    Rule(
        "Every channel has an s3:// URI.",
        '[for c in local.channel_names : "channel ${c}: s3_uri must be an s3:// URI" '
        f'if !can(regex({hcl_string(S3_PATTERN)}, lookup(var.channels[c], "s3_uri", "")))]',
    ),
    Rule(
        "The instance type is of a family the catalog knows (CPU or GPU).",
        'local.processor != "" ? [] : ["instance type ${var.instance_type} is not of a known '
        "family (ml.<family><generation>.<size> with family "
        '${join(", ", sort(keys(local.catalog_instance_families)))})"]',
    ),
    Rule(
        "The instance type's processor (CPU or GPU) is one the algorithm trains on.",
        'local.known && local.processor != "" ? contains(local.algorithm.processors, '
        'local.processor) ? [] : ["instance type ${var.instance_type} is '
        "${upper(local.processor)}; ${var.algorithm} trains on: "
        '${upper(join(", ", local.algorithm.processors))}"] : []',
    ),
    Rule(
        "More than one instance only for a parallelizable algorithm.",
        "local.known && var.instance_count > 1 ? local.algorithm.parallelizable ? [] : "
        '["instance_count ${var.instance_count}: ${var.algorithm} is not parallelizable; '
        'use 1"] : []',
    ),
    Rule(
        "More than one instance only where the algorithm is not single-instance on that processor.",
        'local.known && var.instance_count > 1 && local.processor != "" ? '
        "contains(local.algorithm.single_instance, local.processor) ? "
        '["instance_count ${var.instance_count}: ${var.algorithm} trains on a single '
        '${upper(local.processor)} instance; use 1"] : [] : []',
    ),
    Rule(
        "The image tag is built for the instance type's processor (the catalog's processors "
        "for the tag, or its -cpu-/-gpu- name).",
        'contains(local.unsuited_tags, local.tag) ? ["image tag ${local.tag} is not built for '
        "${upper(local.processor)}; instance type ${var.instance_type} is "
        '${upper(local.processor)}; tags that suit it: ${join(", ", local.suited_tags)}"] : []',
    ),
    Rule(
        "The instance type is not Arm (Graviton): SageMaker trains on x86_64 instances only.",
        'local.arm64 ? ["instance type ${var.instance_type} is Arm (Graviton); SageMaker trains '
        'on x86_64 instances only"] : []',
    ),
    Rule(
        "Every hyperparameter the algorithm requires is set.",
        'local.known ? [for h in local.algorithm.required_hyperparameters : "missing required '
        'hyperparameter ${h} for ${var.algorithm}" '
        "if !contains(keys(var.hyperparameters), h)] : []",
    ),
]
