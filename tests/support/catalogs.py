"""Facts the tests pick out of a catalog."""

from __future__ import annotations

from sagemaker_iac.api import Catalog


def other_region_account(catalog: Catalog, key: str, region: str) -> tuple[str, str]:
    """A region whose registry account for KEY differs from REGION's, and that account."""
    accounts = catalog.registry_groups[catalog.algorithms[key].registry_group].accounts
    for other, account in sorted(accounts.items()):
        if account != accounts[region]:
            return other, account
    raise AssertionError("every region shares one account")
