"""The Terraform target: provider-free lookup and spec modules, resource modules, locals."""
