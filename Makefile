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

.PHONY: venv compile generate check test test-fast test-times lint fmt bench clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(CHECKOV_VENV)/.installed: Makefile
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(CHECKOV_VENV)/bin/python -m pip install --quiet '$(CHECKOV_SPEC)'
	touch $@

$(SDK_VENV)/.installed: Makefile
	$(PYTHON) -m venv $(SDK_VENV)
	$(SDK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SDK_VENV)/bin/python -m pip install --quiet '$(SDK_SPEC)'
	touch $@

# The built-in catalog ships validated (data/catalog.compiled.json), the templates compiled
# and the built-in catalog's build prebuilt (data/out.compiled.zlib); rerun after any change
# to the package or the templates (a test fails while any is stale).
compile: venv
	$(BIN)/python -m sagemaker_iac._compile

generate: compile
	$(BIN)/sagemaker-iac generate --out out

check: venv
	$(BIN)/sagemaker-iac generate --out out --check

lint: venv
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/ruff format --check generator tests benchmarks scripts

fmt: venv
	$(BIN)/ruff format generator tests benchmarks scripts
	$(BIN)/ruff check --fix generator tests benchmarks scripts

# Two workers, each test file on one (the apply files share a moto server per worker).
# Bytecode is written as a default Python writes it (some shells turn that off): the tests
# start the CLI in many processes, and each would compile the package and its compiled
# templates again (a fresh clone's run took 99 s without bytecode, 90 s with it).
test: venv $(CHECKOV_VENV)/.installed $(SDK_VENV)/.installed lint
	unset PYTHONDONTWRITEBYTECODE; \
	CHECKOV=$(abspath $(CHECKOV_VENV))/bin/checkov $(BIN)/python -m pytest -n 2 --dist loadfile

# The inner loop: no Terraform, provider, moto, cfn-lint, checkov or pip.
test-fast: venv
	unset PYTHONDONTWRITEBYTECODE; $(BIN)/python -m pytest -n 2 --dist worksteal -m "not (terraform or provider or moto or cfnlint or checkov or packaging or sdk)"

# Not part of `make test`: timings, ratios and sizes into benchmarks/results.json.
bench: venv $(SDK_VENV)/.installed
	$(BIN)/python benchmarks/run.py

# The test lanes, three runs each, into benchmarks/test_times.json and results.md.
test-times: venv $(CHECKOV_VENV)/.installed $(SDK_VENV)/.installed
	$(BIN)/python benchmarks/test_times.py

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) $(SDK_VENV) build dist .pytest_cache .ruff_cache .hypothesis
