"""``Authorization: Token <token>``: the user whose hashed token it is (kcn.tokens)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from kcn.tokens.services import token_user

KEYWORD = "Token"


class TokenAuthentication(authentication.BaseAuthentication):
    """No header: not this scheme (the session may still sign the request in). A header
    with an unknown, revoked or malformed token, or the token of a deactivated user: 401."""

    def authenticate(self, request: Request) -> tuple[Any, str] | None:
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token after 'Token ', alone."))
        try:
            token = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
        user = token_user(token)
        if user is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid."))
        return user, token

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """How the schema describes the token (Swagger UI's "Authorize" asks for it)."""

    target_class = "kcn.api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Token <token> (kcn token create USER)",
        }
