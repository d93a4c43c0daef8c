"""kcn: the information system of a provincial Industrial Zones Management Board."""

__version__ = "0.1.0"
