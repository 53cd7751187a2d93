"""Helpers the tests share: paths, the engines (Terraform, cfn-lint, moto) and sample inputs.

conftest.py holds the fixtures and hooks only; everything a test imports comes from here.
"""
