"""C2PA Content Credentials: the manifest store, checked offline by c2pa-python, in words.

The signature, the validation state, the claim generator, the actions' digital source types
and those of the ingredients each become a finding whose strength is the signature's.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from collector_guide.photo.provenance.base import (
    AI_ASSISTED,
    AI_GENERATED,
    HINT,
    INFORMATION,
    SIGNATURE_INVALID,
    SIGNED_TRUSTED,
    SIGNED_UNTRUSTED,
    Collector,
)
from collector_guide.photo.provenance.c2pa_status import (
    Status,
    explain_codes,
    has_code,
    ingredient_statuses,
    read_identities,
    split_statuses,
)
from collector_guide.photo.provenance.sourcetypes import source_type

try:
    import c2pa
except ImportError:  # pragma: no cover - c2pa-python is a declared dependency
    c2pa = None


# c2pa-python fetches remote manifests by default; a reader that goes online whenever a file says
# so would leak what the collector looks at. OCSP is off by default today; pin it off anyway.
C2PA_SETTINGS: dict[str, Any] = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "core": {"allowed_network_hosts": []},
}


_C2PA_MIME = {
    "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
    "heif": "image/heic", "avif": "image/avif", "tiff": "image/tiff", "jxl": "image/jxl",
}



def _c2pa_settings(trust_anchors_pem: str | None) -> dict[str, Any]:
    settings = json.loads(json.dumps(C2PA_SETTINGS))
    if trust_anchors_pem:
        # trust_anchors (not user_anchors) so the verdict depends only on the gallery's list.
        settings["trust"] = {"trust_anchors": trust_anchors_pem}
        settings["verify"]["verify_trust"] = True
    else:
        settings["verify"]["verify_trust"] = False
    return settings


def read_c2pa(data: bytes, kind: str, trust_pem: str | None, out: Collector) -> None:
    mime = _C2PA_MIME.get(kind)
    if mime is None:
        return
    if c2pa is None:  # pragma: no cover
        out.notes.append("Content Credentials were not checked: c2pa-python is not installed.")
        return
    try:
        ctx = c2pa.Context.from_dict(_c2pa_settings(trust_pem))
    except Exception as exc:  # a bad trust file must not stop the reading
        out.errors.append(f"The trust-anchor PEM could not be used ({exc}); signers are reported "
                          "as not checked against a trust list.")
        trust_pem = None
        ctx = c2pa.Context.from_dict(_c2pa_settings(None))
    with ctx:
        try:
            reader = c2pa.Reader.try_create(mime, io.BytesIO(data), None, ctx)
        except Exception as exc:  # c2pa raises one class for every failure
            _c2pa_failure(str(exc), data, out)
            return
        if reader is None:
            return
        with reader:
            store = json.loads(reader.json())
    _interpret_store(store, trust_pem is not None, out)


_REMOTE_URL = re.compile(r"(https?://\S+)")
# What c2pa-python raises, in words (the rest of its message is kept as the value).
_LOAD_ERRORS = {
    "prerelease": "they are in an early, pre-release form of Content Credentials that no "
    "verifier can check today",
    "unknown algorithm": "they were signed with an algorithm this verifier does not know, so "
    "the signature cannot be checked",
}


def _c2pa_failure(message: str, data: bytes, out: Collector) -> None:
    if message.startswith("Remote"):
        url = _REMOTE_URL.search(message)
        out.add("c2pa", "remote manifest", url.group(1) if url else "",
                "This file says its Content Credentials are stored online. Collector Guide "
                "never goes online to read a file, so they were not fetched; open the link in a "
                "C2PA verifier to check them.", INFORMATION, HINT)
        return
    if b"jumb" in data and b"c2pa" in data:
        reason = next((words for key, words in _LOAD_ERRORS.items() if key in message.lower()),
                      "they are damaged, or use a form this reader does not support")
        out.add("c2pa", "manifest", message,
                f"The file seems to carry Content Credentials, but they could not be read: "
                f"{reason}.", INFORMATION, SIGNATURE_INVALID)
    # Otherwise the file has no credentials and the library merely disliked its structure;
    # the container walk reports structural problems in plainer words.


def _interpret_store(store: dict[str, Any], trust_list: bool, out: Collector) -> None:
    manifests: dict[str, Any] = store.get("manifests") or {}
    label = str(store.get("active_manifest") or "")
    active = manifests.get(label)
    results = store.get("validation_results") or {}
    active_results = results.get("activeManifest") or {}
    statuses = split_statuses(store, label)
    if not isinstance(active, dict):
        _unloadable(statuses.claim + statuses.identity, active_results, out)
        return
    state = str(store.get("validation_state") or "")
    if statuses.claim:
        strength = SIGNATURE_INVALID
    elif trust_list and (state == "Trusted"
                         or has_code(active_results, "signingCredential.trusted")):
        strength = SIGNED_TRUSTED
    else:
        strength = SIGNED_UNTRUSTED

    sig = active.get("signature_info") or {}
    signer = sig.get("common_name") or sig.get("issuer") or "an unnamed signer"
    if sig.get("issuer") and sig.get("issuer") != signer:
        signer = f"{signer} (issued by {sig['issuer']})"
    if strength == SIGNED_TRUSTED:
        meaning = f"Signed by {signer}, a signer on your trust list; the signature is valid."
    elif strength == SIGNED_UNTRUSTED and trust_list:
        meaning = (f"Signed by {signer}; the signature is valid, but the signer is NOT on your "
                   "trust list, so anyone could have made that certificate.")
    elif strength == SIGNED_UNTRUSTED:
        meaning = (f"Signed by {signer}; signer not checked against a trust list. The signature "
                   "is valid, so the picture has not changed since it was signed.")
    else:
        meaning = (f"Signed by {signer}, but the Content Credentials do not check out: "
                   f"{explain_codes(statuses.claim)}. Treat what they say with suspicion.")
    value = signer + (f", signed {sig['time']}" if sig.get("time") else "")
    out.add("c2pa", "signer", value, meaning, INFORMATION, strength)
    shown = "Invalid" if statuses.claim else ("Trusted" if strength == SIGNED_TRUSTED else "Valid")
    codes = [s.code for s in statuses.claim]
    aside = ""
    if not statuses.claim and state == "Invalid":
        aside = (" The verifier's overall verdict is 'Invalid' only because of the parts "
                 "reported separately below (the identity assertion or an ingredient); they do "
                 "not touch this signature.")
    out.add("c2pa", "validation state",
            shown + (f" ({', '.join(dict.fromkeys(codes))})" if codes else ""),
            _STATE_MEANINGS[shown] + aside, INFORMATION, strength)

    generator = _claim_generator(active)
    if generator:
        out.add("c2pa", "claim generator", generator,
                "The program that wrote these Content Credentials.", INFORMATION, strength)
    read_identities(active, statuses.identity, strength, out)
    _read_manifest_actions(active, "", out, strength)
    failing = dict(statuses.ingredients)
    _read_ingredients(label, active, manifests, failing, out, strength, depth=0, seen={label})
    leftover = [s for problems in failing.values() for s in problems]
    if leftover:  # failures of an ingredient the store does not name
        codes = ", ".join(dict.fromkeys(s.code for s in leftover))
        out.add("c2pa", "ingredient: validation", codes,
                "The Content Credentials of an image this one was made from do not check out: "
                f"{explain_codes(leftover)}. This file's own signature is not affected.",
                INFORMATION, SIGNATURE_INVALID)


def _unloadable(failures: list[Status], results: dict[str, Any], out: Collector) -> None:
    """A store whose current manifest c2pa-python could not load: say so with the code."""
    shown = "; ".join(dict.fromkeys(f"{s.code}: {s.explanation}" if s.explanation else s.code
                                    for s in failures)) or "no current manifest (no code given)"
    signed = has_code(results, "claimSignature.validated") and any(
        has_code(results, f"assertion.{kind}.match") for kind in ("dataHash", "boxesHash",
                                                                    "bmffHash"))
    if signed:
        meaning = ("The file's Content Credentials are signed and the signature checks out (the "
                   "picture has not changed since it was signed), but the current manifest could "
                   f"not be loaded ({shown}), so what it says cannot be shown.")
    else:
        meaning = ("The file has Content Credentials, but the current manifest could not be "
                   f"loaded ({shown}), so nothing in them can be checked or shown.")
    out.add("c2pa", "manifest", shown, meaning, INFORMATION,
            SIGNED_UNTRUSTED if signed else SIGNATURE_INVALID)


_STATE_MEANINGS = {
    "Trusted": "The signature is valid and the signer chains to a trusted certificate.",
    "Valid": "The signature is valid and the picture has not changed since it was signed.",
    "Invalid": "The Content Credentials failed verification: the file was changed after "
    "signing, or the credentials are damaged or forged.",
}


def _claim_generator(manifest: dict[str, Any]) -> str:
    info = manifest.get("claim_generator_info")
    if isinstance(info, list) and info and isinstance(info[0], dict):
        return " ".join(str(info[0].get(k, "")) for k in ("name", "version")).strip()
    return str(manifest.get("claim_generator") or "")


def _actions(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for assertion in manifest.get("assertions") or []:
        label = str(assertion.get("label", ""))
        if label.startswith("c2pa.actions"):
            data = assertion.get("data") or {}
            found.extend(a for a in data.get("actions") or [] if isinstance(a, dict))
    return found


def _read_manifest_actions(manifest: dict[str, Any], prefix: str, out: Collector,
                           strength: str, ingredient: str | None = None) -> None:
    for action in _actions(manifest):
        term = action.get("digitalSourceType")
        if not term:
            continue
        name = str(action.get("action", "an action"))
        short, category, meaning = source_type(str(term))
        if category == AI_GENERATED and (ingredient or name != "c2pa.created"):
            # Generative AI applied to an existing picture (an edit, a placed element, or an
            # ingredient that went into this one) makes this picture assisted, not generated.
            category = AI_ASSISTED
        agent = action.get("softwareAgent")
        agent_name = agent.get("name") if isinstance(agent, dict) else agent
        who = f" with {agent_name}" if agent_name else ""
        step = _ACTION_WORDS.get(name, f"the step '{name}'")
        said = f"The Content Credentials record {step}{who} as {meaning}."
        if ingredient is not None:
            said = (f"For {ingredient}, an image this one was made from, the Content Credentials "
                    f"record {step}{who} as {meaning}.")
        out.add("c2pa", f"{prefix}{name} digitalSourceType", str(term), said, category, strength)


_ACTION_WORDS = {
    "c2pa.created": "the creation of the picture",
    "c2pa.edited": "an edit",
    "c2pa.placed": "placing an element into the picture",
    "c2pa.opened": "opening an earlier picture",
    "c2pa.converted": "a format conversion",
}


def _read_ingredients(label: str, manifest: dict[str, Any], manifests: dict[str, Any],
                      failing: dict[tuple[str, str], list[Status]], out: Collector, strength: str,
                      depth: int, seen: set[str]) -> None:
    if depth > 8:  # a malicious store could chain ingredients without end
        return
    for ing in manifest.get("ingredients") or []:
        if not isinstance(ing, dict):
            continue
        title = str(ing.get("title") or "an ingredient")
        rel = str(ing.get("relationship") or "")
        prefix = f"ingredient '{title}'{f' ({rel})' if rel else ''}: "
        problems = failing.pop((label, str(ing.get("label") or "")), [])
        problems = problems + ingredient_statuses(ing)
        own = strength
        if problems:
            # The ingredient's credentials fail; this file's own signature is not touched, but
            # nothing it says about the ingredient counts as signed.
            own = SIGNATURE_INVALID
            codes = ", ".join(dict.fromkeys(p.code for p in problems))
            out.add("c2pa", f"{prefix}validation", codes,
                    f"The Content Credentials of '{title}', an image this one was made from, do "
                    f"not check out: {explain_codes(problems)}. This file's own signature is not "
                    "affected; only what it says about that ingredient is in doubt.",
                    INFORMATION, SIGNATURE_INVALID)
        direct = ing.get("digitalSourceType") or ing.get("digital_source_type")
        if direct:
            short, category, meaning = source_type(str(direct))
            if category == AI_GENERATED:
                category = AI_ASSISTED
            out.add("c2pa", f"{prefix}digitalSourceType", str(direct),
                    f"An image this one was made from is recorded as {meaning}.", category, own)
        sub_label = ing.get("active_manifest")
        sub = manifests.get(sub_label) if isinstance(sub_label, str) else None
        if isinstance(sub, dict) and sub_label not in seen:
            seen.add(sub_label)
            _read_manifest_actions(sub, prefix, out, own, ingredient=f"'{title}'")
            _read_ingredients(sub_label, sub, manifests, failing, out, own, depth + 1, seen)
