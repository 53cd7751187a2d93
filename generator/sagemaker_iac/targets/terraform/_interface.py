"""The inputs and outputs of each emitted Terraform module: one source for .tf and README."""

from __future__ import annotations

from typing import Any, NamedTuple

from ...catalog import Catalog
from .._answers import strategies as distribution_strategies
from .._constraints import (
    KMS_KEY_ARN,
    ROLE_ARN,
    S3_OBJECT,
    S3_URI,
    SERVERLESS_MEMORY,
    SNS_TOPIC_ARN,
    Constraint,
    region,
    sagemaker_name,
)
from .._jinja import hcl_list, hcl_string

# Terraform 1.0: validation may read only its own variable; its message is a literal sentence.


class Required:
    """The default of a variable that has none: the caller must set it."""


REQUIRED = Required()


class Variable(NamedTuple):
    name: str
    type: str
    description: str
    default: Any = REQUIRED  # a Python value, rendered as HCL (None: null)
    condition: str | None = None
    error_message: str | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


class Output(NamedTuple):
    name: str
    description: str
    value: str
    sensitive: bool = False
    # Fail the plan on this output when the spec module reports catalog errors.
    checks_spec: bool = False


def algorithm_variable(catalog: Catalog, validate: bool = True, optional: bool = False) -> Variable:
    """OPTIONAL: one image source among others (null when another gives the image)."""
    keys = sorted(catalog.algorithms)
    if optional:
        return Variable(
            "algorithm",
            "string",
            "Key of the SageMaker built-in algorithm in the catalog, such as kmeans or "
            "xgboost; null when framework or image_uri gives the image.",
            None,
            f"var.algorithm == null ? true : contains({hcl_list(keys)}, var.algorithm)",
            f"The algorithm must be one of: {', '.join(keys)}.",
        )
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
    rule = sagemaker_name(limit, what)
    return Variable(
        name,
        "string",
        description or f"{what} (1-{limit} letters, digits and hyphens).",
        # The length first: the pattern alone lets a-----...-b through past the limit.
        condition=f"length(var.{name}) <= {limit} && {matches(rule, f'var.{name}')}",
        error_message=f"The {name} must be {rule.says}.",
    )


def matches(rule: Constraint, value: str) -> str:
    """An HCL condition: VALUE matches the rule (false, not an error, for null)."""
    return f"can(regex({hcl_string(rule.pattern)}, {value}))"


def checked(variable: Variable, rule: Constraint, nullable: bool = False) -> Variable:
    """VARIABLE validated against a shared constraint (null allowed where it defaults so)."""
    value = f"var.{variable.name}"
    condition = matches(rule, value)
    return Variable(
        variable.name,
        variable.type,
        variable.description,
        variable.default,
        condition=f"{value} == null ? true : {condition}" if nullable else condition,
        error_message=f"The {variable.name} must be {rule.says}.",
    )


def role_variables(create_for: str) -> list[Variable]:
    return [
        Variable(
            "create_role",
            "bool",
            f"Create a least-privilege execution role for {create_for}.",
            False,
        ),
        Variable(
            "role_path",
            "string",
            "IAM path of the created role.",
            "/",
            # IAM's path: / alone, or printable ASCII between slashes, up to 512 characters.
            condition='can(regex("^/([!-~]{1,510}/)?$", var.role_path))',
            error_message="The role_path must be / or begin and end with /.",
        ),
        Variable(
            "role_permissions_boundary",
            "string",
            "ARN of the policy that is the created role's permissions boundary, or null.",
            None,
        ),
    ]


REGION = Variable(
    "region",
    "string",
    "AWS region whose registry serves the image, such as us-east-1.",
    condition=f"can(regex({hcl_string(region().pattern)}, var.region))",
    error_message=f"The region must be {region().says}.",
)
IMAGE_TAG = Variable(
    "image_tag",
    "string",
    "Image tag to use; null selects the algorithm's default tag from the catalog.",
    None,
)
TRAINING_IMAGE_TAG = Variable(
    "image_tag",
    "string",
    "Image tag to use; null selects the algorithm's first catalog tag built for the "
    "instance type's processor (-cpu-, -gpu-), else its first tag.",
    None,
)
IMAGE_SCOPE = Variable(
    "image_scope",
    "string",
    "Which image: training, inference (the hosting image, where the catalog keeps one), or "
    "inference_graviton (the Arm hosting image, where one is published).",
    "training",
    condition='contains(["training", "inference", "inference_graviton"], var.image_scope)',
    error_message="The image_scope must be training, inference or inference_graviton.",
)
IMAGE_INSTANCE_TYPE = Variable(
    "instance_type",
    "string",
    "ML instance type the image runs on, or null. When given, an Arm (Graviton) type hosts "
    "the Arm image (as the SageMaker SDK picks it), the default tag is the first built for "
    "its processor, and a tag or an image that cannot run on it fails the plan.",
    None,
)
TAGS = Variable("tags", "map(string)", "Tags for every resource created.", {})
VPC = Variable(
    "vpc_config",
    "object({ subnets = list(string), security_group_ids = list(string) })",
    "Subnets and security groups to run in; null runs outside a VPC.",
    None,
)
KMS_KEY = Variable(
    "kms_key_id",
    "string",
    "KMS key for the output and the training volume; null uses AWS-managed keys.",
    None,
)


def _distribution_variables(catalog: Catalog) -> list[Variable]:
    strategies = distribution_strategies(catalog)
    return [
        Variable(
            "distribution",
            "string",
            "Distributed training strategy, as the SDK's distribution argument names it: "
            f"{', '.join(strategies)} (smdistributed_dataparallel is the SDK's smdistributed "
            "dataparallel); checked against the framework version and instance type; null "
            "for none.",
            None,
            f"var.distribution == null ? true : contains({hcl_list(strategies)}, var.distribution)",
            f"The distribution must be null or one of: {', '.join(strategies)}.",
        ),
        Variable(
            "mpi_processes_per_host",
            "number",
            "distribution mpi: processes per instance (the SDK's processes_per_host); null "
            "lets the container choose.",
            None,
            "var.mpi_processes_per_host == null ? true : "
            + _whole("mpi_processes_per_host", 1, 1024),
            "The mpi_processes_per_host must be a whole number from 1 to 1024.",
        ),
        Variable(
            "custom_mpi_options",
            "string",
            "distribution mpi or smdistributed_dataparallel: extra mpirun options.",
            "",
        ),
    ]


# A framework's training script, as the SDK's framework estimators pass it.
TRAINING_SCRIPT = [
    Variable(
        "entry_point",
        "string",
        "Script mode: the training script in source_dir, such as train.py (the SDK's "
        "sagemaker_program); required with framework, null with algorithm.",
        None,
    ),
    checked(
        Variable(
            "source_dir",
            "string",
            "Script mode: S3 URI of the packed code (sourcedir.tar.gz) holding entry_point "
            "(the SDK's sagemaker_submit_directory).",
            None,
        ),
        S3_OBJECT,
        nullable=True,
    ),
    Variable(
        "container_log_level",
        "number",
        "Script mode: the Python logging level in the container "
        "(sagemaker_container_log_level), 20 (INFO) as the SDK sets it.",
        20,
    ),
]

TRAINING_METRICS = [
    Variable(
        "metric_definitions",
        "list(object({ name = string, regex = string }))",
        "Metrics SageMaker reads from the job's logs: a name and a regular expression whose "
        "first group is the value.",
        [],
    ),
    Variable(
        "enable_sagemaker_metrics",
        "bool",
        "SageMaker's metrics time series; null sets it as the SDK does (on for PyTorch 1.3+, "
        "TensorFlow 1.15+ and Hugging Face, else unset).",
        None,
    ),
    checked(
        Variable(
            "checkpoint_s3_uri",
            "string",
            "S3 URI that SageMaker syncs the checkpoint folder with; null for none.",
            None,
        ),
        S3_URI,
        nullable=True,
    ),
    Variable(
        "checkpoint_local_path",
        "string",
        "Checkpoint folder in the container; null takes SageMaker's /opt/ml/checkpoints.",
        None,
    ),
]


def _job_inputs(catalog: Catalog, validate_algorithm: bool) -> list[Variable]:
    algorithm = (
        algorithm_variable(catalog, optional=True)
        if validate_algorithm
        else Variable(
            "algorithm",
            "string",
            "Key of the SageMaker built-in algorithm in the catalog, such as kmeans; null "
            "when framework or image_uri gives the image.",
            None,
        )
    )
    return [
        algorithm,
        TRAINING_IMAGE_TAG,
        *IMAGE_SOURCES,
        Variable(
            "base_framework_version",
            "string",
            "framework huggingface: the framework under it, such as pytorch2.1.0 (the SDK's "
            "pytorch_version or tensorflow_version with its name).",
            None,
        ),
        *TRAINING_SCRIPT,
        *_distribution_variables(catalog),
        name_variable("job_name", "training job name"),
        Variable(
            "hyperparameters",
            "any",
            "Hyperparameters, a map: an algorithm's as strings (its required ones must be "
            "present); in script mode JSON-encoded as the SDK encodes them, so give numbers "
            "as numbers.",
            {},
            "can(keys(var.hyperparameters))",
            "The hyperparameters must be a map.",
        ),
        Variable(
            "channels",
            "map(map(string))",
            "Input channels by name: s3_uri (required), content_type, input_mode, "
            "distribution (FullyReplicated or ShardedByS3Key), compression (None or Gzip), "
            "s3_data_type (default S3Prefix).",
        ),
        Variable(
            "input_mode", "string", "Default training input mode: File, Pipe or FastFile.", "File"
        ),
        Variable("instance_type", "string", "ML instance type, such as ml.m5.xlarge."),
        Variable(
            "instance_count",
            "number",
            "Number of training instances.",
            1,
            condition="var.instance_count >= 1",
            error_message="The instance_count must be at least 1.",
        ),
        Variable("volume_size_in_gb", "number", "Storage volume per instance, in GB.", 30),
        Variable(
            "max_runtime_in_seconds", "number", "Stop the job after this many seconds.", 86400
        ),
        checked(
            Variable(
                "output_s3_path", "string", "S3 URI under which the model artifacts are written."
            ),
            S3_URI,
        ),
        KMS_KEY,
        VPC,
        Variable(
            "enable_network_isolation", "bool", "Run the container without network access.", True
        ),
        Variable(
            "enable_inter_container_traffic_encryption",
            "bool",
            "Encrypt traffic between training instances.",
            True,
        ),
        *TRAINING_METRICS,
        TAGS,
    ]


def spec_variables(catalog: Catalog) -> list[Variable]:
    inputs = _job_inputs(catalog, validate_algorithm=False)
    at = next(i for i, v in enumerate(inputs) if v.name == "job_name") + 1
    return [
        inputs[0],
        REGION,
        *inputs[1:at],
        # Null passes here: the job and pipeline modules pass null until they create a role.
        checked(
            Variable("role_arn", "string", "IAM role that SageMaker assumes for the job."),
            ROLE_ARN,
            nullable=True,
        ),
        *inputs[at:],
        Variable(
            "step_name",
            "string",
            "Name of the Training step in the pipeline definition.",
            "Train",
        ),
    ]


def training_job_variables(catalog: Catalog) -> list[Variable]:
    return [
        *_job_inputs(catalog, validate_algorithm=True),
        checked(
            Variable(
                "role_arn",
                "string",
                "IAM role that SageMaker assumes; null with create_role = true.",
                None,
            ),
            ROLE_ARN,
            nullable=True,
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
            "Train",
        ),
        checked(
            Variable(
                "role_arn",
                "string",
                "IAM role that the pipeline and its training jobs assume; null with "
                "create_role = true.",
                None,
            ),
            ROLE_ARN,
            nullable=True,
        ),
        *role_variables("this pipeline and its jobs"),
    ]


# The image sources besides a built-in algorithm: a framework image from the catalog
# (as sagemaker-framework-image and `uri` answer, for the instance type) or any image.
IMAGE_SOURCES = [
    Variable(
        "framework",
        "string",
        "SageMaker Python SDK framework whose image to use (its image_uri_config name), such "
        "as pytorch, huggingface-llm or djl-lmi; null when algorithm or image_uri gives it.",
        None,
    ),
    Variable(
        "framework_version",
        "string",
        "Version or alias of the framework; null takes the SDK's default.",
        None,
    ),
    Variable(
        "py_version",
        "string",
        "Python version of the framework image, such as py310; null where it has one or none.",
        None,
    ),
    Variable(
        "image_uri",
        "string",
        "Any other image (a custom or private one); null when algorithm or framework gives it.",
        None,
        'var.image_uri == null ? true : can(regex("^[^\\\\s]+$", var.image_uri))',
        "The image_uri must be an image reference without spaces.",
    ),
]


# A framework model's script and the container's environment, as the SDK's Model sets it.
CONTAINER = [
    Variable(
        "entry_point",
        "string",
        "Framework model: the inference script, such as inference.py (the SDK's "
        "SAGEMAKER_PROGRAM); null for a container that needs none.",
        None,
    ),
    checked(
        Variable(
            "source_dir",
            "string",
            "Framework model: S3 URI of the packed code (sourcedir.tar.gz) holding entry_point; "
            "null where the model archive holds it under code/, as the SDK repacks it.",
            None,
        ),
        S3_OBJECT,
        nullable=True,
    ),
    Variable(
        "container_log_level",
        "number",
        "Framework model: the Python logging level in the container (SAGEMAKER_CONTAINER_LOG_"
        "LEVEL), 20 (INFO) as the SDK sets it.",
        20,
    ),
    Variable(
        "environment",
        "map(string)",
        "Container environment, such as a serving container's own options (HF_MODEL_ID, "
        "OPTION_*); set over what entry_point sets and, for huggingface-llm (TGI), over "
        "SM_NUM_GPUS, the instance type's GPUs from the SDK's table.",
        {},
    ),
]


def _hosted_model(catalog: Catalog) -> list[Variable]:
    """The model's inputs, which the inference component module passes on unchanged."""
    return [
        algorithm_variable(catalog, optional=True),
        IMAGE_TAG,
        *IMAGE_SOURCES,
        *CONTAINER,
        name_variable(
            "name",
            "endpoint name",
            description="Name of the endpoint (1-63 letters, digits and hyphens), and the "
            "prefix of the model's and the endpoint configuration's names.",
        ),
        checked(
            Variable(
                "model_data_url",
                "string",
                "S3 URI of the model artifacts (model.tar.gz); null with model_data_s3_prefix "
                "or model_package_name.",
                None,
            ),
            S3_OBJECT,
            nullable=True,
        ),
        checked(
            Variable(
                "model_data_s3_prefix",
                "string",
                "S3 prefix of uncompressed model files (an LLM's weights, read as they are: "
                "S3Prefix, no compression), instead of model_data_url.",
                None,
            ),
            S3_URI,
            nullable=True,
        ),
        Variable(
            "model_package_name",
            "string",
            "Model package to host instead of the algorithm's image and model_data_url.",
            None,
        ),
        checked(
            Variable(
                "execution_role_arn",
                "string",
                "IAM role the model runs as; null with create_role = true.",
                None,
            ),
            ROLE_ARN,
            nullable=True,
        ),
        *role_variables("the model"),
        Variable(
            "model_data_kms_key_arn",
            "string",
            "KMS key that encrypts the model artifacts; the created role may decrypt with it.",
            None,
        ),
        VPC,
        Variable(
            "enable_network_isolation", "bool", "Run the container without network access.", True
        ),
    ]


# A JumpStart model as the image source: the catalog gives its image, artefacts and
# environment for the region and instance type.
JUMPSTART_SOURCE = [
    Variable(
        "jumpstart_model_id",
        "string",
        "JumpStart model to host, such as meta-textgeneration-llama-3-1-8b-instruct "
        "(sagemaker-iac jumpstart --list); its image, artefacts and environment come from "
        "the catalog. null when another source gives the image.",
        None,
    ),
    Variable(
        "jumpstart_model_version",
        "string",
        "Version of the JumpStart model; null takes the newest the catalog has.",
        None,
    ),
    Variable(
        "accept_eula",
        "bool",
        "Accept the JumpStart model's end-user license agreement (its model_access_config); "
        "a model that has one fails the plan without it.",
        False,
    ),
]


def model_variables(catalog: Catalog) -> list[Variable]:
    return [
        *_hosted_model(catalog),
        *JUMPSTART_SOURCE,
        Variable(
            "create_endpoint_configuration",
            "bool",
            "Create an endpoint configuration for the model.",
            False,
        ),
        Variable(
            "create_endpoint",
            "bool",
            "Create an endpoint (needs create_endpoint_configuration).",
            False,
        ),
        Variable(
            "instance_type",
            "string",
            "Instance type of the endpoint's variant; null takes a JumpStart model's default, "
            "else ml.m5.large. An Arm (Graviton) type hosts the algorithm's Arm image, and "
            "fails the plan where the catalog has none.",
            None,
        ),
        Variable("initial_instance_count", "number", "Instances behind the endpoint.", 1),
        Variable(
            "kms_key_arn",
            "string",
            "KMS key for the endpoint's storage volume; required with an endpoint configuration.",
            None,
        ),
        *ENDPOINT_KINDS,
        *AUTOSCALING,
        TAGS,
    ]


def _whole(name: str, low: int, high: int) -> str:
    value = f"var.{name}"
    return f"floor({value}) == {value} && {value} >= {low} && {value} <= {high}"


# What each copy of an inference component needs, as CreateInferenceComponent bounds it.
COMPONENT = [
    Variable(
        "component_name",
        "string",
        "Name of the inference component; null names it after the endpoint, NAME-component.",
        None,
        "var.component_name == null ? true : length(var.component_name) <= 63 && "
        + matches(sagemaker_name(63, "inference component name"), "var.component_name"),
        "The component_name must be " + sagemaker_name(63, "inference component name").says + ".",
    ),
    Variable(
        "copy_count",
        "number",
        "Copies of the model the endpoint runs, placed on its instances.",
        1,
        _whole("copy_count", 1, 10000),
        "The copy_count must be a whole number from 1 to 10000.",
    ),
    Variable(
        "accelerator_devices",
        "number",
        "Accelerators (GPUs, Neuron cores) each copy needs; null for none. For huggingface-llm "
        "(TGI) it is SM_NUM_GPUS too, as each copy shards over what it is given.",
        None,
        "var.accelerator_devices == null ? true : var.accelerator_devices > 0",
        "The accelerator_devices must be greater than 0, or null for none.",
    ),
    Variable(
        "cpu_cores",
        "number",
        "CPU cores each copy needs; null leaves it to SageMaker.",
        None,
        "var.cpu_cores == null ? true : var.cpu_cores > 0",
        "The cpu_cores must be greater than 0, or null.",
    ),
    Variable(
        "min_memory_in_mb",
        "number",
        "Memory each copy needs, in MB.",
        1024,
        _whole("min_memory_in_mb", 128, 1048576),
        "The min_memory_in_mb must be a whole number from 128 to 1048576.",
    ),
]


def inference_component_variables(catalog: Catalog) -> list[Variable]:
    return [
        *_hosted_model(catalog),
        Variable(
            "instance_type",
            "string",
            "Instance type of the endpoint's instances, which the components share; it picks "
            "the image too, as in sagemaker-model.",
        ),
        Variable("initial_instance_count", "number", "Instances behind the endpoint.", 1),
        Variable("kms_key_arn", "string", "KMS key for the endpoint's storage volume."),
        *COMPONENT,
        TAGS,
    ]


# Application Auto Scaling of a real-time endpoint's variant, on its invocations.
AUTOSCALING = [
    Variable(
        "autoscaling_max_capacity",
        "number",
        "Real-time endpoint: scale its variant up to this many instances on invocations per "
        "instance; null keeps initial_instance_count.",
        None,
        "var.autoscaling_max_capacity == null ? true : "
        + _whole("autoscaling_max_capacity", 1, 10000),
        "The autoscaling_max_capacity must be a whole number from 1 to 10000.",
    ),
    Variable(
        "autoscaling_min_capacity",
        "number",
        "Real-time endpoint: the fewest instances scaling leaves (1 to autoscaling_max_capacity).",
        1,
        _whole("autoscaling_min_capacity", 1, 10000),
        "The autoscaling_min_capacity must be a whole number from 1 to 10000.",
    ),
    Variable(
        "autoscaling_target_invocations",
        "number",
        "Invocations per instance per minute the target-tracking policy holds the variant at; "
        "required with autoscaling_max_capacity.",
        None,
        "var.autoscaling_target_invocations == null ? true : "
        "var.autoscaling_target_invocations > 0",
        "The autoscaling_target_invocations must be greater than 0.",
    ),
    Variable(
        "autoscaling_scale_in_cooldown",
        "number",
        "Seconds after a scale-in before the next one.",
        300,
        _whole("autoscaling_scale_in_cooldown", 0, 86400),
        "The autoscaling_scale_in_cooldown must be a whole number of seconds from 0 to 86400.",
    ),
    Variable(
        "autoscaling_scale_out_cooldown",
        "number",
        "Seconds after a scale-out before the next one.",
        60,
        _whole("autoscaling_scale_out_cooldown", 0, 86400),
        "The autoscaling_scale_out_cooldown must be a whole number of seconds from 0 to 86400.",
    ),
]


# Serverless and asynchronous endpoints (a real-time one when all are null), with the
# ranges CreateEndpointConfig accepts.
ENDPOINT_KINDS = [
    Variable(
        "serverless_memory_size_in_mb",
        "number",
        "Serverless endpoint: its memory in MB (1024-6144, in steps of 1024); null hosts the "
        "model on instance_type.",
        None,
        "var.serverless_memory_size_in_mb == null ? true : contains("
        f"[{', '.join(map(str, SERVERLESS_MEMORY))}], var.serverless_memory_size_in_mb)",
        "The serverless_memory_size_in_mb must be one of: "
        f"{', '.join(map(str, SERVERLESS_MEMORY))}.",
    ),
    Variable(
        "serverless_max_concurrency",
        "number",
        "Serverless endpoint: the most invocations it serves at once (1-200).",
        5,
        _whole("serverless_max_concurrency", 1, 200),
        "The serverless_max_concurrency must be a whole number from 1 to 200.",
    ),
    Variable(
        "serverless_provisioned_concurrency",
        "number",
        "Serverless endpoint: invocations kept warm (1 to serverless_max_concurrency); null "
        "for none.",
        None,
        "var.serverless_provisioned_concurrency == null ? true : "
        + _whole("serverless_provisioned_concurrency", 1, 200),
        "The serverless_provisioned_concurrency must be a whole number from 1 to 200.",
    ),
    checked(
        Variable(
            "async_output_s3_path",
            "string",
            "Asynchronous endpoint: the S3 URI its responses are written under; null for a "
            "real-time or serverless endpoint.",
            None,
        ),
        S3_URI,
        nullable=True,
    ),
    checked(
        Variable(
            "async_failure_s3_path",
            "string",
            "Asynchronous endpoint: the S3 URI its failures are written under; null for none.",
            None,
        ),
        S3_URI,
        nullable=True,
    ),
    checked(
        Variable(
            "async_success_topic_arn",
            "string",
            "Asynchronous endpoint: SNS topic told of each response; null for none.",
            None,
        ),
        SNS_TOPIC_ARN,
        nullable=True,
    ),
    checked(
        Variable(
            "async_error_topic_arn",
            "string",
            "Asynchronous endpoint: SNS topic told of each failure; null for none.",
            None,
        ),
        SNS_TOPIC_ARN,
        nullable=True,
    ),
    checked(
        Variable(
            "async_kms_key_arn",
            "string",
            "Asynchronous endpoint: KMS key that encrypts its responses; null for S3's own.",
            None,
        ),
        KMS_KEY_ARN,
        nullable=True,
    ),
    Variable(
        "async_max_concurrent_invocations_per_instance",
        "number",
        "Asynchronous endpoint: requests each instance works on at once (1-1000); null lets "
        "SageMaker choose.",
        None,
        "var.async_max_concurrent_invocations_per_instance == null ? true : "
        + _whole("async_max_concurrent_invocations_per_instance", 1, 1000),
        "The async_max_concurrent_invocations_per_instance must be a whole number from 1 to 1000.",
    ),
]


FAIL_ON_ERROR = Variable(
    "fail_on_error",
    "bool",
    "Stop the plan when the inputs break the catalog (Terraform 1.0 has no preconditions, "
    'so the message arrives inside an "Invalid value for path parameter" error). A '
    "caller on Terraform 1.2+ sets false and raises the error output in a precondition.",
    True,
)

END_OF_PATCH = Output(
    "end_of_patch",
    "The image's end-of-patch date (YYYY-MM-DD) from the AWS Deep Learning Containers' data "
    "(sagemaker-iac import dlc); null where the catalog has no date for its tag.",
    "local.end_of_patch",
)

IMAGES_OUTPUTS = [
    Output("image_uri", "Full ECR image URI for the algorithm in the region.", "local.image_uri"),
    Output(
        "error",
        "Why the inputs break the catalog, naming what is available; empty when they do not.",
        "local.problem",
    ),
    Output(
        "registry_id", "AWS account ID of the registry that hosts the image.", "local.registry_id"
    ),
    Output(
        "registry_path", "Registry host name, without repository or tag.", "local.registry_path"
    ),
    Output("repository", "ECR repository name of the image.", "local.repository"),
    Output("tag", "Image tag used in image_uri.", "local.tag"),
    Output(
        "scope",
        "Image scope used: image_scope, or inference_graviton for an Arm instance_type's "
        "inference image.",
        "local.scope",
    ),
    Output(
        "available_regions",
        "Sorted regions where the algorithm is published.",
        "local.available_regions",
    ),
    END_OF_PATCH,
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
    Output(
        "registry_id",
        "Account ID of the ECR registry that hosts the image; empty for another registry.",
        "local.registry_id",
    ),
    Output(
        "repository", "ECR repository of the image; empty for another registry.", "local.repository"
    ),
    Output(
        "ecr_repository",
        "The image's ECR repository as [account, region, name]; null for another registry.",
        "local.ecr_repository",
    ),
]

TRAINING_JOB_OUTPUTS = [
    Output(
        "request",
        "CreateTrainingJob request as an object.",
        "module.spec.request",
        checks_spec=True,
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
        checks_spec=True,
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
    Output(
        "image_uri",
        "Inference image URI: the catalog's for algorithm or framework, else image_uri.",
        "local.image_uri",
    ),
    Output("model_name", "Name of the model.", "aws_sagemaker_model.this.name"),
    Output(
        "image_scope",
        "For an algorithm: inference, or inference_graviton where instance_type is Arm "
        "(Graviton); null for the other sources.",
        "one(module.image[*].scope)",
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
    Output(
        "autoscaling_policy_arn",
        "ARN of the target-tracking scaling policy, if autoscaling is on.",
        "one(aws_appautoscaling_policy.this[*].arn)",
    ),
    Output(
        "gpu_count",
        "For a framework: GPUs of instance_type, from the SDK's instance_gpu_info.json; null "
        "for the other sources or a type it does not list.",
        "local.gpu_count",
    ),
]


INFERENCE_COMPONENT_OUTPUTS = [
    Output(
        "image_uri",
        "Inference image URI: the catalog's for algorithm or framework, else image_uri.",
        "module.model.image_uri",
    ),
    Output("model_name", "Name of the model the component serves.", "module.model.model_name"),
    Output(
        "endpoint_name",
        "The endpoint to invoke, naming the component (InferenceComponentName).",
        "aws_sagemaker_endpoint.this.name",
    ),
    Output(
        "endpoint_configuration_name",
        "Name of the endpoint configuration.",
        "aws_sagemaker_endpoint_configuration.this.name",
    ),
    Output(
        "inference_component_name",
        "Name of the inference component.",
        "awscc_sagemaker_inference_component.this.inference_component_name",
    ),
    Output(
        "inference_component_arn",
        "ARN of the inference component.",
        "awscc_sagemaker_inference_component.this.inference_component_arn",
    ),
    Output("role_arn", "Execution role of the model and the endpoint.", "module.model.role_arn"),
]


# The framework image module: image_uris.retrieve's arguments, a processor for its instance.
FRAMEWORK_VARIABLES = [
    Variable(
        "framework",
        "string",
        "SageMaker Python SDK framework (its image_uri_config name), such as pytorch, "
        "huggingface, djl-lmi or xgboost.",
    ),
    REGION,
    Variable(
        "framework_version",
        "string",
        "Framework version or alias (image_uris.retrieve's version); null takes the SDK's default.",
        None,
    ),
    Variable(
        "image_scope",
        "string",
        "training, inference, inference_graviton, eia, processing, ... (the framework's "
        "scopes); null where the SDK needs none.",
        None,
    ),
    Variable(
        "py_version",
        "string",
        "Python version, such as py310; null where the image has one or none.",
        None,
    ),
    Variable(
        "instance_type",
        "string",
        "Instance type the image runs on, such as ml.g5.xlarge: read as image_uris.retrieve "
        "reads it (the processor; Graviton, Neuron, p4d and p2 images and refusals). Give it "
        "or processor, not both.",
        None,
        'var.instance_type == null || can(regex("^ml[._][a-z0-9-]+", var.instance_type))',
        "The instance_type must be a SageMaker ML instance type, such as ml.g5.xlarge.",
    ),
    Variable(
        "processor",
        "string",
        "cpu, gpu, inf, trn, ... (what the SDK reads from an instance type), where no "
        "instance_type is given; null where the image is built for one.",
        None,
    ),
    Variable(
        "base_framework_version",
        "string",
        "Hugging Face images: the framework under them, such as pytorch2.1.0.",
        None,
    ),
    FAIL_ON_ERROR,
    Variable(
        "fail_on_unpatched",
        "bool",
        "Stop when the image is past its end of patch (end_of_patch before today). Without "
        "today, the date is known only when Terraform applies, so the error comes then.",
        False,
    ),
    Variable(
        "today",
        "string",
        "The day (YYYY-MM-DD) fail_on_unpatched judges by; on Terraform 1.5+ "
        'formatdate("YYYY-MM-DD", plantimestamp()) makes it fail at plan. null: the time '
        "of apply (timestamp()).",
        None,
        'var.today == null || can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", var.today))',
        "The today variable must be a date, YYYY-MM-DD.",
    ),
]
FRAMEWORK_OUTPUTS = [
    Output(
        "image_uri", "Full ECR image URI, as image_uris.retrieve returns it.", "local.image_uri"
    ),
    Output(
        "error",
        "Why the inputs name no published image, listing what is available; empty otherwise.",
        "local.problem",
    ),
    Output(
        "registry_id", "AWS account ID of the registry that hosts the image.", "local.registry_id"
    ),
    Output("repository", "ECR repository name of the image.", "local.repository"),
    Output("tag", "Image tag used in image_uri (empty for an untagged image).", "local.tag"),
    Output(
        "framework_version",
        "The version the image is of: framework_version, its alias target, or the SDK's default.",
        "local.version",
    ),
    Output(
        "available_regions",
        "Regions where this image is published.",
        "sort(keys(local.accounts))",
    ),
    Output(
        "instance_class",
        "How instance_type was read: cpu, gpu, graviton, inf, inf2, trn, p4d or p2; empty "
        "without one.",
        "local.class",
    ),
    Output(
        "gpu_count",
        "GPUs of instance_type, as the SDK's instance_gpu_info.json gives them; null for a "
        "type it does not list.",
        "local.gpu_count",
    ),
    Output(
        "distributions",
        "The training distribution strategies the SageMaker Python SDK accepts for this "
        "framework version on the instance's processor (mpi, parameter_server, "
        "smdistributed_dataparallel, torch_distributed), sorted.",
        "local.distributions",
    ),
    END_OF_PATCH,
]


# The inputs and outputs of the provider's aws_sagemaker_prebuilt_ecr_image data source,
# for a drop-in replacement; region has no provider to default to.
JUMPSTART_VARIABLES = [
    Variable(
        "model_id",
        "string",
        "JumpStart model id, such as meta-textgeneration-llama-3-1-8b-instruct "
        "(sagemaker-iac jumpstart --list lists them).",
    ),
    Variable(
        "model_version",
        "string",
        "Model version; null takes the newest the catalog has.",
        None,
    ),
    REGION,
    Variable(
        "instance_type",
        "string",
        "Instance type to host on; null takes the model's default. It picks the image and "
        "the environment.",
        None,
    ),
    FAIL_ON_ERROR,
]
JUMPSTART_OUTPUTS = [
    Output(
        "image_uri", "Inference image URI for the instance type in the region.", "local.image_uri"
    ),
    Output("registry_id", "AWS account ID of the image's registry.", "local.registry_id"),
    Output(
        "model_data",
        "The model artefacts: s3_uri, s3_data_type (S3Prefix for a folder, S3Object for a "
        ".tar.gz) and compression_type (None or Gzip); null where the model has none.",
        "local.model_data",
    ),
    Output(
        "environment",
        "Container environment: the model's, then its instance family's and type's overrides.",
        "local.environment",
    ),
    Output(
        "requires_eula",
        "Whether deploying the model means accepting its EULA (model_access_config's accept_eula).",
        "local.requires_eula",
    ),
    Output("eula_url", "Where the model's EULA is; null where it has none.", "local.eula_url"),
    Output("model_id", "The model_id given.", "var.model_id"),
    Output("version", "The model version answered.", "local.version"),
    Output("region", "The region given.", "var.region"),
    Output(
        "instance_type",
        "The instance type answered (the model's default where none was given).",
        "local.instance_type",
    ),
    Output(
        "default_instance_type",
        "The model's default instance type.",
        "try(local.release.default_instance_type, null)",
    ),
    Output(
        "instance_types",
        "The instance types the model supports.",
        "try(local.release.instance_types, [])",
    ),
    Output(
        "regions", "The regions where the model is published.", "try(local.release.regions, [])"
    ),
    Output(
        "error",
        "Why the inputs name no deployable model, listing what there is; empty otherwise.",
        "local.problem",
    ),
]

PREBUILT_VARIABLES = [
    Variable(
        "repository_name",
        "string",
        "ECR repository of the image, such as kmeans, sagemaker-xgboost or pytorch-training "
        "(any the catalog knows; the data source's names among them).",
    ),
    Variable(
        "image_tag",
        "string",
        "Image tag; it must be one the catalog publishes in the repository. The data "
        "source's default, \"1\", is the built-in algorithms' tag.",
        "1",
    ),
    Variable(
        "region",
        "string",
        "Region of the registry; where the data source took the provider's, pass "
        "data.aws_region.current.name (sagemaker-iac migrate does).",
    ),
    Variable(
        "dns_suffix",
        "string",
        "DNS suffix of the registry host; null takes the region's partition's.",
        None,
    ),
    FAIL_ON_ERROR,
]
PREBUILT_OUTPUTS = [
    Output(
        "registry_id", "AWS account ID of the registry that hosts the image.", "local.registry_id"
    ),
    Output(
        "registry_path",
        "Image path: REGISTRY_ID.dkr.ecr.REGION.DNS_SUFFIX/REPOSITORY:TAG, as the data "
        "source builds it.",
        "local.registry_path",
    ),
    Output("id", "The registry ID, as the data source's id.", "local.registry_id"),
    Output("repository_name", "The repository_name given.", "var.repository_name"),
    Output("image_tag", "The image tag used.", "var.image_tag"),
    Output("region", "The region given.", "var.region"),
    Output("dns_suffix", "The DNS suffix used.", "local.dns_suffix"),
    Output(
        "error",
        "Why the inputs name no published image, listing what is available; empty otherwise.",
        "local.problem",
    ),
]
