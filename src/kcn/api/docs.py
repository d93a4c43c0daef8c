"""The API's interactive documentation (Swagger UI), served from this server's own static
files (drf-spectacular-sidecar). Its start-up script is a file of its own too
(``SpectacularSwaggerSplitView``), so the page runs under the app's Content-Security-Policy:
scripts from this server only, no inline script."""

from __future__ import annotations

from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny


class ApiDocsView(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    permission_classes = [AllowAny]
