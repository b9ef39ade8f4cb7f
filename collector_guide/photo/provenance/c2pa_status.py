"""C2PA validation codes sorted by what they are about, and the CAWG identity assertion in words.

A C2PA verifier lists every failure of a file in one place, but they mean different things: the
**claim** (the signature and the hashes: the file is unchanged since signing), the **CAWG identity
assertion** (who the signer says made it: checked separately, often needing an online lookup)
and the **ingredients** (earlier files this one was made from). A failing identity or ingredient
says nothing against the claim, so each kind is reported on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from collector_guide.photo.provenance.base import HINT, INFORMATION, SIGNATURE_INVALID, Collector

__all__ = [
    "Status", "Statuses", "explain_codes", "has_code", "ingredient_statuses", "read_identities",
    "split_statuses",
]


@dataclass(frozen=True)
class Status:
    code: str
    url: str = ""
    explanation: str = ""


@dataclass
class Statuses:
    claim: list[Status]
    identity: list[Status]
    ingredients: dict[tuple[str, str], list[Status]]  # (manifest label, ingredient label)


# Not failures, wherever they are listed: success codes, and what C2PA 2 calls informational.
_SUCCESS_ENDINGS = (".match", ".validated", ".trusted", ".insideValidity", ".well-formed",
                    ".credential_valid")
_INFORMATIONAL = ("timeStamp.", "signingCredential.ocsp.", "ingredient.unknownProvenance",
                  "signingCredential.untrusted")


def is_failure(code: str) -> bool:
    return bool(code) and not code.endswith(_SUCCESS_ENDINGS) and not code.startswith(
        _INFORMATIONAL)


def _statuses(items: Any) -> list[Status]:
    found = []
    for item in items or []:
        if isinstance(item, dict) and item.get("code"):
            found.append(Status(str(item["code"]), str(item.get("url") or ""),
                                str(item.get("explanation") or "")))
    return found


def has_code(results: dict[str, Any], code: str) -> bool:
    return any(s.code == code for s in _statuses(results.get("success")))


def split_statuses(store: dict[str, Any], label: str) -> Statuses:
    """Sort the store's failures into claim, identity and per-ingredient lists."""
    results = store.get("validation_results") or {}
    listed = _statuses((results.get("activeManifest") or {}).get("failure"))
    listed += _statuses(store.get("validation_status"))  # older stores list them only here
    out = Statuses([], [], {})
    # Which ingredient (in which manifest) names each manifest as its own.
    named_by: dict[str, tuple[str, str]] = {}
    for parent, manifest in (store.get("manifests") or {}).items():
        for ing in (manifest.get("ingredients") or []) if isinstance(manifest, dict) else []:
            if isinstance(ing, dict) and isinstance(ing.get("active_manifest"), str):
                named_by.setdefault(ing["active_manifest"], (parent, str(ing.get("label") or "")))
    for status in dict.fromkeys(listed):
        if not is_failure(status.code):
            continue
        manifest, _, assertion = status.url.removeprefix("self#jumbf=/c2pa/").partition(
            "/c2pa.assertions/")
        manifest = manifest.split("/", 1)[0]
        if status.code.startswith("cawg.") or assertion.startswith("cawg.identity"):
            out.identity.append(status)
        elif manifest == label and assertion.startswith("c2pa.ingredient"):
            out.ingredients.setdefault((label, assertion), []).append(status)
        elif manifest and manifest != label and (status.url.startswith("self#jumbf=")
                                                 or manifest in named_by):
            # About another manifest in the store: an ingredient's, missing or broken.
            out.ingredients.setdefault(named_by.get(manifest, (label, "")), []).append(status)
        elif status.code.startswith("ingredient."):
            out.ingredients.setdefault((label, ""), []).append(status)
        else:
            out.claim.append(status)
    for delta in results.get("ingredientDeltas") or []:
        if not isinstance(delta, dict):
            continue
        uri = str(delta.get("ingredientAssertionURI") or "")
        manifest, _, assertion = uri.removeprefix("self#jumbf=/c2pa/").partition(
            "/c2pa.assertions/")
        failures = _statuses((delta.get("validationDeltas") or {}).get("failure"))
        failures = [f for f in failures if is_failure(f.code)]
        if failures:
            out.ingredients.setdefault((manifest, assertion), []).extend(failures)
    return out


def ingredient_statuses(ingredient: dict[str, Any]) -> list[Status]:
    """Failures the ingredient record itself carries (as found when it was added)."""
    recorded = _statuses(ingredient.get("validation_status"))
    recorded += _statuses(((ingredient.get("validation_results") or {}).get("activeManifest")
                           or {}).get("failure"))
    return [s for s in dict.fromkeys(recorded) if is_failure(s.code)]


_CODE_WORDS = {
    "assertion.dataHash.mismatch": "the picture was changed after it was signed",
    "assertion.boxesHash.mismatch": "the picture was changed after it was signed",
    "assertion.bmffHash.mismatch": "the picture was changed after it was signed",
    "assertion.hashedURI.mismatch": "a statement inside the credentials was altered",
    "assertion.required.missing": "a required part of the credentials is missing",
    "claimSignature.mismatch": "the signature does not match the credentials",
    "claimSignature.missing": "the signature is missing",
    "algorithm.unsupported": "the signature uses an unknown or unsupported algorithm",
    "signingCredential.invalid": "the signing certificate is not valid for this signature",
    "signingCredential.expired": "the signing certificate had expired",
    "signingCredential.revoked": "the signing certificate was revoked",
    "ingredient.manifest.missing": "its Content Credentials are missing from the file",
    "ingredient.manifest.mismatch": "its Content Credentials do not match the ingredient",
    "ingredient.hashedURI.mismatch": "its Content Credentials were altered",
    "ingredient.claimSignature.mismatch": "its signature does not match its credentials",
    "manifest.inaccessible": "its Content Credentials are stored elsewhere and were not read",
    # CAWG identity assertions
    "cawg.ica.did_unavailable": "its issuer could not be looked up: that needs the internet, "
    "and Collector Guide reads files offline",
    "cawg.ica.invalid_issuer": "its issuer is of a kind that cannot be checked",
    "cawg.ica.invalid_verifiable_credential": "the identity credential is malformed",
    "cawg.ica.signature_mismatch": "the identity credential's signature does not match",
    "cawg.ica.signer_payload.mismatch": "the identity credential was made for other content",
    "cawg.ica.valid_from.invalid": "the identity credential was not yet valid when it was used",
    "cawg.ica.valid_from.missing": "the identity credential does not say when it became valid",
    "cawg.ica.valid_until.invalid": "the identity credential had expired",
    "cawg.ica.time_stamp.invalid": "the identity credential's time stamp is invalid",
    "cawg.ica.invalid_alg": "the identity credential uses an unsupported signature algorithm",
    "cawg.ica.invalid_content_type": "the identity credential is malformed (content type)",
    "cawg.ica.invalid_cose_sign1": "the identity credential's signature is malformed",
    "cawg.x509.credential.untrusted": "the identity's certificate is not on a trust list",
    "cawg.x509.signature.mismatch": "the identity signature does not match",
}


def explain_codes(statuses: list[Status]) -> str:
    words = []
    for s in statuses:
        if s.code in _CODE_WORDS:
            words.append(f"{_CODE_WORDS[s.code]} ({s.code})")
        elif s.code.startswith("cawg.identity."):
            words.append(f"the identity assertion is malformed ({s.code})")
        else:
            words.append(f"{s.explanation or 'the verifier rejected it'} ({s.code})")
    return "; ".join(dict.fromkeys(words)) or "the verifier rejected them"


def _who(data: dict[str, Any]) -> str:
    names = []
    for identity in data.get("verifiedIdentities") or []:
        if not isinstance(identity, dict):
            continue
        name = identity.get("name") or identity.get("username") or ""
        provider = identity.get("provider") or {}
        by = provider.get("name") if isinstance(provider, dict) else ""
        if name or by:
            names.append(f"{name or 'an account'}{f' ({by})' if by else ''}")
    sig = data.get("signature_info")
    if isinstance(sig, dict) and (sig.get("common_name") or sig.get("issuer")):
        names.append(str(sig.get("common_name") or sig.get("issuer")))
    return "; ".join(names)


def read_identities(active: dict[str, Any], failures: list[Status], strength: str,
                    out: Collector) -> None:
    """One finding per CAWG identity assertion: who it names, and whether that was confirmed."""
    assertions = [a for a in active.get("assertions") or [] if isinstance(a, dict)
                  and str(a.get("label", "")).startswith("cawg.identity")]
    if not assertions and failures:
        assertions = [{"label": "cawg.identity", "data": {}}]
    for assertion in assertions:
        label = str(assertion.get("label"))
        data = assertion.get("data") if isinstance(assertion.get("data"), dict) else {}
        mine = [f for f in failures if f.url.endswith(f"/c2pa.assertions/{label}")
                or (len(assertions) == 1)]
        who = _who(data)
        named = f"name who made the file: {who}" if who else "name who made the file"
        if mine:
            aside = "" if strength == SIGNATURE_INVALID else (
                " This does not affect the signature above: the file is unchanged since it "
                "was signed; only who made it is unconfirmed.")
            out.add("c2pa", "identity", who or ", ".join(dict.fromkeys(f.code for f in mine)),
                    f"The Content Credentials also {named}, but that identity could not be "
                    f"confirmed: {explain_codes(mine)}.{aside}", INFORMATION, HINT)
        else:
            out.add("c2pa", "identity", who or label,
                    f"The Content Credentials also {named} (a CAWG identity assertion), and "
                    "nothing in it failed the offline checks.", INFORMATION, strength)
