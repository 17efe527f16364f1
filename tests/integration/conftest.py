"""Shared fixtures of the end-to-end tests."""

from __future__ import annotations

import pytest

import sayso
from sayso.errors import ModelError


@pytest.fixture(scope="session")
def extract():
    """``sayso.extract`` with its models loaded once for the run."""
    try:
        sayso.extract("Warm-up, the model said.")
    except ModelError as err:  # no trained model in this checkout
        pytest.skip(str(err))
    return sayso.extract
