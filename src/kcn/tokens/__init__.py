"""API tokens: one per user, stored hashed, shown once (docs/api.md)."""
