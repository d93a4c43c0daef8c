"""WSGI entry point (``gunicorn kcn.config.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
application = get_wsgi_application()
