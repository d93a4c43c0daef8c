"""What the API's views share: codes in URLs, records named by code, checked input."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

CODE = "[^/]+"  # codes may hold dots and dashes, never a slash


class CodeField(serializers.SlugRelatedField[Any]):
    """A record named by its code; a code with a NUL character names none (PostgreSQL
    refuses NUL in any text, so it is not looked up)."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", ""))
        return super().to_internal_value(data)


def by_code(model: type[Any]) -> CodeField:
    """A record named by its code in a request."""
    return CodeField(slug_field="code", queryset=model._default_manager.all())


def valid(serializer_class: type[serializers.Serializer[Any]], request: Request) -> Any:
    """The request's data checked by ``serializer_class``; a 400 naming the fields if not."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def created(serializer_class: type[serializers.BaseSerializer[Any]], instance: Any) -> Response:
    return Response(serializer_class(instance).data, status=status.HTTP_201_CREATED)
