"""What each upstream C2PA test fixture must yield, and how a report is reduced to that verdict.

The fixtures come from the Content Authenticity Initiative's own test suites (c2pa-rs and
c2pa-python, both MIT or Apache-2.0); the expectations follow the upstream tests that read them
(cited per group below). A verdict is (claim, identity, ingredient, categories):

- claim: "valid" (signature and hashes check out), "invalid", "unreadable" (credentials present
  but not loadable as a whole; "unreadable-signed" when the signature still checked out),
  "remote" (stored online, never fetched), "none" (no credentials);
- identity: the CAWG identity assertion, "confirmed" / "unconfirmed" / None when absent;
- ingredient: "failing" when an ingredient's credentials do not check out, else None;
- categories: what the evidence suggests, strongest first (only where upstream says so).
"""

from __future__ import annotations

from collector_guide.photo.provenance import (
    HINT,
    SIGNATURE_INVALID,
    ProvenanceReport,
    suggested_categories,
)

# Every in-scope fixture (image kinds the app reads, JPEG XL included) of c2pa-rs at
# 24d17555beafb70c and c2pa-python at b02c48116b51; SVG and PSD are out of scope (not photos).
EXPECTED: dict[str, tuple] = {
    # CAWG identity assertions (c2pa-rs sdk/src/identity/tests: claim_aggregation/validation.rs,
    # validation_method/*.rs, interop.rs). Upstream reads every one with `validation_status() ==
    # None`: the claim is valid; the identity then passes or fails its own checks. Offline, an
    # issuer that needs a DID lookup cannot be resolved, so it stays unconfirmed. malformed_cbor:
    # c2pa-python cannot load the manifest at all; it is reported with its code, signature intact.
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/adobe_connected_identities.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/did_doc_without_assertion_method.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/invalid_content_type.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/invalid_content_type_assigned.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/invalid_cose_sign1.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/invalid_cose_sign_alg.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/invalid_issuer_did.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/invalid_time_stamp.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/invalid_vc.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/missing_content_type.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/missing_cose_sign_alg.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/missing_vc.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/signature_mismatch.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/signer_payload_mismatch.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/success.jpg": ('valid', 'confirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/unresolvable_did.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/unsupported_did_method.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/valid_from_after_time_stamp.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/valid_from_in_future.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/valid_from_missing.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/valid_time_stamp.jpg": ('valid', 'confirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/valid_until_in_future.jpg": ('valid', 'confirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ica_validation/valid_until_in_past.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/ims_multiple_manifests.jpg": ('valid', 'unconfirmed', None, ('algorithmic-not-ai',)),
    "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/duplicate_assertion_reference.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/extra_assertion_claim_v1.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/extra_field.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/invalid_sig_type.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/malformed_cbor.jpg": ('unreadable-signed', None, None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/no_hard_binding.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/pad1_invalid.jpg": ('valid', 'unconfirmed', None, ()),
    "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/pad2_invalid.jpg": ('valid', 'unconfirmed', None, ()),
    # C2PA claims (c2pa-rs sdk/src/store.rs, reader.rs, ingredient.rs, tests/test_failures.rs;
    # c2pa-python tests/test_unit_tests.py): XCA = data hash mismatch (Invalid); E-sig-CA = bad
    # claim signature; CIE-sig-CA = valid claim over an ingredient with a bad signature
    # (test_jpg_nested_err: no status of its own); CACAE-uri-CA = nested assertion error in an
    # ingredient; prerelease = PrereleaseError; no_alg = algorithm.unsupported; cloud/cloudx =
    # remote manifests (never fetched here); CA, CA_ct, C, boxhash, legacy_ingredient_hash,
    # update_manifest, verify.jpeg, ocsp* = valid.
    "c2pa-python/tests/fixtures/C.dng": ('valid', None, None, ('algorithmic-not-ai',)),
    "c2pa-python/tests/fixtures/C.jpg": ('valid', None, None, ('algorithmic-not-ai',)),
    "c2pa-python/tests/fixtures/C_with_CAWG_data.jpg": ('valid', 'unconfirmed', None, ('camera-capture',)),
    "c2pa-python/tests/fixtures/cloud.jpg": ('remote', None, None, ()),
    "c2pa-python/tests/fixtures/file_with_wrong_extension.xyz.jpg": ('valid', None, None, ('algorithmic-not-ai',)),
    "c2pa-python/tests/fixtures/files-for-reading-tests/CA.jpg": ('valid', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-reading-tests/CACAE-uri-CA.jpg": ('valid', None, 'failing', ('algorithmic-not-ai',)),
    "c2pa-python/tests/fixtures/files-for-reading-tests/CA_ct.jpg": ('valid', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-reading-tests/CIE-sig-CA.jpg": ('valid', None, 'failing', ('algorithmic-not-ai',)),
    "c2pa-python/tests/fixtures/files-for-reading-tests/E-sig-CA.jpg": ('invalid', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-reading-tests/XCA.jpg": ('invalid', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-reading-tests/boxhash.jpg": ('valid', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-reading-tests/cloud.jpg": ('remote', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-reading-tests/legacy_ingredient_hash.jpg": ('valid', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/TUSCANY.TIF": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/cloudx.jpg": ('remote', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/prerelease.jpg": ('unreadable', None, None, ()),
    "c2pa-rs/cli/tests/fixtures/C.jpg": ('valid', None, None, ()),
    "c2pa-rs/cli/tests/fixtures/C_with_CAWG_data.jpg": ('valid', 'unconfirmed', None, ('camera-capture',)),
    "c2pa-rs/cli/tests/fixtures/verify.jpeg": ('valid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/C.jpg": ('valid', None, None, ('algorithmic-not-ai',)),
    "c2pa-rs/sdk/tests/fixtures/CA.jpg": ('valid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/CACA.jpg": ('valid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/CACAE-uri-CA.jpg": ('valid', None, 'failing', ('algorithmic-not-ai',)),
    "c2pa-rs/sdk/tests/fixtures/CA_ct.jpg": ('valid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/CIE-sig-CA.jpg": ('valid', None, 'failing', ('algorithmic-not-ai',)),
    "c2pa-rs/sdk/tests/fixtures/C_with_CAWG_data.jpg": ('valid', 'unconfirmed', None, ('camera-capture',)),
    "c2pa-rs/sdk/tests/fixtures/E-sig-CA.jpg": ('invalid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/TUSCANY.TIF": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/XCA.jpg": ('invalid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/adobe-20220124-E-clm-CAICAI.jpg": ('valid', None, 'failing', ()),
    "c2pa-rs/sdk/tests/fixtures/boxhash.jpg": ('valid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/cloud.jpg": ('remote', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/cloudx.jpg": ('remote', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/legacy_ingredient_hash.jpg": ('valid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/libpng-test_with_url.png": ('remote', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/no_alg.jpg": ('unreadable', None, None, ('camera-capture',)),
    "c2pa-rs/sdk/tests/fixtures/ocsp.jpg": ('valid', None, None, ('ai-assisted-or-composite',)),
    "c2pa-rs/sdk/tests/fixtures/ocsp_with_assertion.jpg": ('valid', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/prerelease.jpg": ('unreadable', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/update_manifest.jpg": ('valid', None, None, ()),
    # Files without Content Credentials (inputs of the signing tests, `JumbfNotFound` upstream):
    # EXIF and XMP still read, nothing reported as damaged.
    "c2pa-python/tests/fixtures/A.jpg": ('none', None, None, ('camera-capture',)),
    "c2pa-python/tests/fixtures/A_thumbnail.jpg": ('none', None, None, ('camera-capture',)),
    "c2pa-python/tests/fixtures/files-for-signing-tests/IMG_0003.jpg": ('none', None, None, ('camera-capture',)),
    "c2pa-python/tests/fixtures/files-for-signing-tests/P1000827.jpg": ('none', None, None, ('camera-capture',)),
    "c2pa-python/tests/fixtures/files-for-signing-tests/earth_apollo17.jpg": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/libpng-test.png": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/mars.webp": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/sample1.avif": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/sample1.gif": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/sample1.heic": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/sample1.heif": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/sample1.png": ('none', None, None, ('camera-capture',)),
    "c2pa-python/tests/fixtures/files-for-signing-tests/sample1.webp": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/test.webp": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/test_lossless.webp": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/test_xmp.webp": ('none', None, None, ()),
    "c2pa-python/tests/fixtures/files-for-signing-tests/thumbnail.jpg": ('none', None, None, ('camera-capture',)),
    "c2pa-rs/cli/tests/fixtures/earth_apollo17.jpg": ('none', None, None, ()),
    "c2pa-rs/cli/tests/fixtures/libpng-test.png": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/IMG_0003.jpg": ('none', None, None, ('camera-capture',)),
    "c2pa-rs/sdk/tests/fixtures/MultiPage.tif": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/P1000827.jpg": ('none', None, None, ('camera-capture',)),
    "c2pa-rs/sdk/tests/fixtures/earth_apollo17.jpg": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/ingredient/contentauth_urn_uuid_b2b1f7fa-b119-4de1-9c0d-c97fbea3f2c3/c2pa.assertions/c2pa.thumbnail.claim.jpeg": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/libpng-test.png": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/mars.webp": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/no_manifest.jpg": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/sample1.avif": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/sample1.gif": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/sample1.heic": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/sample1.heif": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/sample1.jxl": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/sample1.png": ('none', None, None, ('camera-capture',)),
    "c2pa-rs/sdk/tests/fixtures/sample1.webp": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/test.tiff": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/test.webp": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/test_lossless.webp": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/test_xmp.webp": ('none', None, None, ()),
    "c2pa-rs/sdk/tests/fixtures/thumbnail.jpg": ('none', None, None, ('camera-capture',)),
    "c2pa-rs/sdk/tests/fixtures/tiff_poc.tiff": ('none', None, None, ()),
}

# The selection kept in tests/fixtures/c2pa/ (see its README), by upstream path.
KEPT = {
    "C.jpg": "c2pa-python/tests/fixtures/C.jpg",
    "C_with_CAWG_data.jpg": "c2pa-python/tests/fixtures/C_with_CAWG_data.jpg",
    "cloud.jpg": "c2pa-python/tests/fixtures/cloud.jpg",
    "CIE-sig-CA.jpg": "c2pa-python/tests/fixtures/files-for-reading-tests/CIE-sig-CA.jpg",
    "E-sig-CA.jpg": "c2pa-rs/sdk/tests/fixtures/E-sig-CA.jpg",
    "XCA.jpg": "c2pa-rs/sdk/tests/fixtures/XCA.jpg",
    "no_alg.jpg": "c2pa-rs/sdk/tests/fixtures/no_alg.jpg",
    "libpng-test_with_url.png": "c2pa-rs/sdk/tests/fixtures/libpng-test_with_url.png",
    "sample1.jxl": "c2pa-rs/sdk/tests/fixtures/sample1.jxl",
    "ica_invalid_vc.jpg": "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/"
    "ica_validation/invalid_vc.jpg",
    "ica_unresolvable_did.jpg": "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/"
    "ica_validation/unresolvable_did.jpg",
    "ica_success.jpg": "c2pa-rs/sdk/src/identity/tests/fixtures/claim_aggregation/"
    "ica_validation/success.jpg",
    "identity_malformed_cbor.jpg": "c2pa-rs/sdk/src/identity/tests/fixtures/validation_method/"
    "malformed_cbor.jpg",
}


def verdict_of(report: ProvenanceReport) -> tuple:
    c2pa = {f.key: f for f in report.findings if f.source == "c2pa"}
    if "remote manifest" in c2pa:
        claim = "remote"
    elif "manifest" in c2pa:
        claim = "unreadable" if c2pa["manifest"].strength == SIGNATURE_INVALID else (
            "unreadable-signed")
    elif "validation state" in c2pa:
        claim = "invalid" if c2pa["validation state"].value.startswith("Invalid") else "valid"
    else:
        claim = "none"
    identity = None
    if "identity" in c2pa:
        identity = "unconfirmed" if c2pa["identity"].strength == HINT else "confirmed"
    ingredient = "failing" if any(k.endswith(": validation") for k in c2pa) else None
    return (claim, identity, ingredient, tuple(suggested_categories(report)))
