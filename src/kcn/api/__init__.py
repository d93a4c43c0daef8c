"""The REST API for other systems, under /api/v1/ (docs/api.md)."""
