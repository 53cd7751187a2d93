# Quick start: `make generate`, then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# checkov pins many dependencies of its own (boto3 among them), so it lives in a
# tool environment of its own instead of loosening the test environment.
CHECKOV_VENV := .venv-checkov
CHECKOV_SPEC := checkov>=3.3.30,<3.4
# The SDK whose every image URI the tests compare with `sagemaker-iac uri` (its own
# environment: it pins pandas, scipy and more that the project does not need).
SDK_VENV := .venv-sdk
SDK_SPEC := sagemaker-core==2.27.0
# The SDK whose training requests (its estimators and pipeline steps) the training modules'
# requests are compared with: v2, the last major release with framework estimators.
SDK_TRAIN_VENV := .venv-sdk-train
SDK_TRAIN_SPEC := sagemaker==2.257.7

# The JumpStart source the built-in catalog imports (tests compare the catalog with it).
JUMPSTART_SPEC := cdklabs-generative-ai-cdk-constructs==0.1.320
JUMPSTART_DIR  := .cache/jumpstart

# The lowest versions pyproject.toml allows of the run-time dependencies (make test-lowest).
LOWEST_VENV := .venv-lowest
LOWEST_SPEC := jinja2==3.1.0 pyyaml==6.0.1 click==8.1.0 jsonschema==4.20.0

# Compiled forms (never tracked): remade when any package file or template changes.
COMPILED := generator/sagemaker_iac/_compiled/.made
SOURCES  := $(shell find generator/sagemaker_iac templates -type f \
              -not -path '*/_compiled/*' -not -path '*/__pycache__/*') pyproject.toml

SDIST_DIR := $(or $(TMPDIR),/tmp)/sagemaker-iac-sdist

FAST := not (terraform or provider or moto or cfnlint or checkov or packaging or sdk or jumpstart)

.PHONY: venv compile generate check test test-fast test-lowest test-times lint fmt bench dist sdist-test \
	clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# sagemaker-iac beside it, as users install it (pipx inject), for its checkov checks.
$(CHECKOV_VENV)/.installed: Makefile pyproject.toml
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(CHECKOV_VENV)/bin/python -m pip install --quiet '$(CHECKOV_SPEC)'
	$(CHECKOV_VENV)/bin/python -m pip install --quiet -e .
	touch $@

$(SDK_VENV)/.installed: Makefile
	$(PYTHON) -m venv $(SDK_VENV)
	$(SDK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SDK_VENV)/bin/python -m pip install --quiet '$(SDK_SPEC)'
	touch $@

$(JUMPSTART_DIR)/.downloaded: Makefile $(VENV)/.installed
	rm -rf $(JUMPSTART_DIR) && mkdir -p $(JUMPSTART_DIR)
	$(BIN)/python -m pip download --quiet --no-deps '$(JUMPSTART_SPEC)' -d $(JUMPSTART_DIR)
	touch $@

$(SDK_TRAIN_VENV)/.installed: Makefile
	$(PYTHON) -m venv $(SDK_TRAIN_VENV)
	$(SDK_TRAIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SDK_TRAIN_VENV)/bin/python -m pip install --quiet '$(SDK_TRAIN_SPEC)'
	touch $@

# The built-in catalog validated, the templates compiled and the built-in build prebuilt,
# into the package's git-ignored _compiled/ (the wheel's build hook does the same). A stale
# or missing form is never used, so this only makes the CLI faster.
compile: $(COMPILED)

$(COMPILED): $(VENV)/.installed $(SOURCES)
	$(BIN)/python -m sagemaker_iac._compile
	touch $@

generate: compile
	$(BIN)/sagemaker-iac generate --out out

check: venv
	$(BIN)/sagemaker-iac generate --out out --check

lint: venv
	$(BIN)/ruff check generator tests benchmarks scripts hatch_build.py
	$(BIN)/ruff format --check generator tests benchmarks scripts hatch_build.py
	$(BIN)/mypy

fmt: venv
	$(BIN)/ruff format generator tests benchmarks scripts hatch_build.py
	$(BIN)/ruff check --fix generator tests benchmarks scripts hatch_build.py

# Two workers, each test file on one (the apply files share a moto server per worker).
# Bytecode is written as a default Python writes it (some shells turn that off): the tests
# start the CLI in many processes, and each would compile the package again.
test: venv compile $(CHECKOV_VENV)/.installed $(SDK_VENV)/.installed $(SDK_TRAIN_VENV)/.installed \
		$(JUMPSTART_DIR)/.downloaded lint
	unset PYTHONDONTWRITEBYTECODE; \
	SAGEMAKER_IAC_JUMPSTART_SOURCE=$$(ls $(abspath $(JUMPSTART_DIR))/*.whl) \
	CHECKOV=$(abspath $(CHECKOV_VENV))/bin/checkov $(BIN)/python -m pytest -n 2 --dist loadfile

# The inner loop: no Terraform, provider, moto, cfn-lint, checkov or pip.
test-fast: venv compile
	unset PYTHONDONTWRITEBYTECODE; $(BIN)/python -m pytest -n 2 --dist worksteal -m "$(FAST)"

# The fast lane against the lowest dependency versions pyproject.toml allows, in a venv
# of its own (the package from source, not its compiled forms: those name other versions).
test-lowest: $(LOWEST_VENV)/.installed
	unset PYTHONDONTWRITEBYTECODE; $(LOWEST_VENV)/bin/python -m pytest -n 2 --dist worksteal \
		-m "$(FAST)" -p no:cacheprovider

$(LOWEST_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(LOWEST_VENV)
	$(LOWEST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LOWEST_VENV)/bin/python -m pip install --quiet -e '.[test-fast,import]' $(LOWEST_SPEC)
	touch $@

# The sdist and the wheel into dist/, checked with twine.
dist: venv
	rm -rf dist
	$(BIN)/python -m build --outdir dist
	$(BIN)/twine check --strict dist/*

# Not part of `make test`: timings, ratios and sizes into benchmarks/results.json.
bench: venv compile $(SDK_VENV)/.installed $(SDK_TRAIN_VENV)/.installed $(JUMPSTART_DIR)/.downloaded
	SAGEMAKER_IAC_JUMPSTART_SOURCE=$$(ls $(abspath $(JUMPSTART_DIR))/*.whl) $(BIN)/python benchmarks/run.py

# The test lanes, three runs each, into benchmarks/test_times.json and results.md.
test-times: venv compile $(CHECKOV_VENV)/.installed $(SDK_VENV)/.installed
	$(BIN)/python benchmarks/test_times.py

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) $(SDK_VENV) $(SDK_TRAIN_VENV) $(LOWEST_VENV) build dist .cache \
		.pytest_cache \
		.ruff_cache .mypy_cache .hypothesis generator/sagemaker_iac/_compiled

# The sdist as a user unpacks it: outside any git work tree, `make test-fast` passes.
sdist-test: dist
	rm -rf $(SDIST_DIR) && mkdir -p $(SDIST_DIR)
	tar -xzf dist/sagemaker_iac-*.tar.gz -C $(SDIST_DIR)
	cd $(SDIST_DIR)/sagemaker_iac-* && $(MAKE) test-fast PYTHON=$(PYTHON)
