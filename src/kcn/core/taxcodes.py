"""Vietnamese tax codes (mã số thuế).

Ten digits, the tenth a check digit; a branch adds ``-`` and three digits
(Circular 105/2020/TT-BTC, art. 5). The check itself is python-stdnum's
``stdnum.vn.mst``.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.vn import mst

from kcn.core.errors import KcnError

TAX_CODE_RE = re.compile(r"^(\d{10})(?:-?(\d{3}))?$")


def normalize_tax_code(raw: str) -> str:
    """The canonical form ``0100109106`` or ``0100109106-001``; ``KcnError`` if invalid."""
    text = re.sub(r"[\s.]", "", raw)
    match = TAX_CODE_RE.match(text)
    if match is None:
        raise KcnError(
            _("%(code)s is not a tax code: 10 digits, or 10 digits, '-' and 3 digits for a branch.")
            % {"code": raw}
        )
    canonical = match[1] if match[2] is None else f"{match[1]}-{match[2]}"
    try:
        mst.validate(canonical)
    except InvalidChecksum:
        raise KcnError(
            _("%(code)s is not a valid tax code: its check digit is wrong.") % {"code": raw}
        ) from None
    except ValidationError:
        raise KcnError(_("%(code)s is not a valid tax code.") % {"code": raw}) from None
    return canonical
