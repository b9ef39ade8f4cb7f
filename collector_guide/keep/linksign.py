"""Tamper-evident links: a short MAC over every parameter of a link, under the deployment's key.

A shared link carries a visitor's answers; anyone can edit it. The guide never trusts what a
link says (`urlstate.decode` checks every part), but a checked link can still be a *changed*
one: an edited option index reads as a real answer. So every link the guide writes ends in
`sig`, an HMAC-SHA256 of all its other parameters, truncated to 96 bits and written in
base64url (16 characters). A link whose `sig` is missing or wrong opens with a notice.

The MAC covers every parameter present except `sig` itself, whatever its name, so parameters
added later are covered without any change here. The only ones left out are the tracking tags
that sharing sites append to links (`utm_*`, `fbclid`, …), which the guide never reads.

The key is `COLLECTOR_GUIDE_LINK_KEY`; unset, each server process draws a random key at start,
so links made before a restart (or on another server) open with the "could not be verified"
notice. See docs/deploy.md.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Mapping

SIG = "sig"  # the parameter that carries the MAC
KEY_ENV = "COLLECTOR_GUIDE_LINK_KEY"
MAC_BYTES = 12  # 96 bits: 16 characters of base64url
_DOMAIN = b"collector-guide link v1\n"  # a key reused elsewhere never signs a link by accident
_PROCESS_KEY = secrets.token_bytes(32)
_TRACKING = re.compile(
    r"utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|"
    r"mc_cid|mc_eid|_ga|_gl"
)


def link_key() -> bytes:
    """The deployment's key (`COLLECTOR_GUIDE_LINK_KEY`), or this process's random one."""
    configured = os.environ.get(KEY_ENV, "")
    return configured.encode("utf-8", "surrogatepass") if configured else _PROCESS_KEY


def is_tracking(name: str) -> bool:
    """A tag a sharing site appends to links; never read, never signed."""
    return _TRACKING.fullmatch(name) is not None


def signed_part(params: Mapping[str, str]) -> dict[str, str]:
    """The parameters the MAC covers: all but `sig` and tracking tags."""
    return {k: v for k, v in params.items() if k != SIG and not is_tracking(k)}


def mac(params: Mapping[str, str], key: bytes | None = None) -> str:
    # Sorted (name, value) pairs as ASCII JSON: one unambiguous byte string per set of
    # parameters, whatever characters (even lone surrogates) a hostile link holds.
    message = json.dumps(sorted(signed_part(params).items()), ensure_ascii=True,
                         separators=(",", ":")).encode("ascii")
    digest = hmac.new(key if key is not None else link_key(), _DOMAIN + message,
                      hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:MAC_BYTES]).decode().rstrip("=")


def sign(params: Mapping[str, str], key: bytes | None = None) -> dict[str, str]:
    """The parameters with their MAC appended as `sig` (tracking tags dropped)."""
    kept = signed_part(params)
    return {**kept, SIG: mac(kept, key)}


def verify(params: Mapping[str, str], key: bytes | None = None) -> bool:
    """Whether `sig` is the MAC of the other parameters under this deployment's key."""
    given = params.get(SIG)
    if not isinstance(given, str) or not given.isascii():
        return False
    return hmac.compare_digest(given, mac(params, key))
