# This module has no inputs.
