"""Running kcn for real: health, logs, checks, backups, uploads, the read replica."""
