"""A "replica" database alias for tests/ops/test_replica.py: Django's test mirror of the
default test database (the same database, through a connection of its own). The router and
the middleware take notice only where a test puts it into ``settings.DATABASES``."""

from __future__ import annotations

import copy

import django
from django.db import DEFAULT_DB_ALIAS, connections

from kcn.ops.replica import REPLICA

django.setup()
if REPLICA not in connections.settings:
    _config = copy.deepcopy(connections.settings[DEFAULT_DB_ALIAS])
    _config["TEST"] = {**_config.get("TEST", {}), "MIRROR": DEFAULT_DB_ALIAS}
    connections.settings[REPLICA] = _config
