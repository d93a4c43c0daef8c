"""Background jobs: work too long for a web request (a workbook import), run by `kcn worker`.

docs/decisions/0010-background-jobs.md says why django-tasks with its database backend, and
how a job's progress and cancellation reach the worker while SQLite's write lock is held.
"""
