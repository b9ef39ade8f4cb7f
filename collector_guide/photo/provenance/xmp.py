"""XMP: flatten a packet's RDF, whatever form the writer chose, and read what it claims.

IPTC's digital source type, the AI system and prompt, the creator tool and free-text fields.
The XML is parsed with defusedxml: a packet with entity declarations is refused, not expanded.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from collector_guide.photo.provenance.base import (
    AI_GENERATED,
    HINT,
    INFORMATION,
    POSSIBLY_AI,
    UNSIGNED_CLAIM,
    Collector,
)
from collector_guide.photo.provenance.generators import interpret_free_text, software_finding
from collector_guide.photo.provenance.sourcetypes import source_type

MAX_XMP_BYTES = 4 * 1024 * 1024


_RDF_STRUCTURE = {"RDF", "Description", "Alt", "Seq", "Bag", "li", "xmpmeta", "value"}
_RDF_ATTRIBUTES = {"about", "parseType", "lang", "ID", "nodeID", "datatype", "xmptk"}


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _xmp_properties(root: Any) -> list[tuple[str, str]]:
    """Flatten XMP to (property local name, value) pairs, whatever RDF form the writer chose."""
    props: list[tuple[str, str]] = []
    stack = [(root, "")]
    while stack:  # iterative: a deeply nested packet must not exhaust the Python stack
        elem, prop = stack.pop()
        local = _local(elem.tag) if isinstance(elem.tag, str) else ""
        name = prop if local in _RDF_STRUCTURE else local
        for attr, value in elem.attrib.items():
            attr_local = _local(attr)
            if attr_local == "resource" and name:
                props.append((name, value))
            elif attr_local not in _RDF_ATTRIBUTES:
                props.append((attr_local, value))
        text = (elem.text or "").strip()
        if text and len(elem) == 0 and name:
            props.append((name, text))
        stack.extend((child, name) for child in reversed(list(elem)))
    return props


# The JPEG APP1 label; some writers keep it in front of the packet in other containers too
# (HEIC files from several phones do).
_XMP_LABEL = b"http://ns.adobe.com/xap/1.0/\x00"


def read_xmp(packet: bytes, where: str, out: Collector) -> None:
    packet = packet.strip(b"\x00 \t\r\n")
    if packet.startswith(_XMP_LABEL):
        packet = packet[len(_XMP_LABEL) :].strip(b"\x00 \t\r\n")
    if len(packet) > MAX_XMP_BYTES:
        out.file("XMP packet", f"{len(packet)} bytes in {where}",
                 "The XMP metadata is far larger than any real packet; it was skipped.")
        return
    try:
        root = SafeET.fromstring(packet, forbid_dtd=True)
    except DefusedXmlException:
        out.file("XMP packet", f"DTD or entity declarations in {where}",
                 "The XMP metadata declares XML entities, which real XMP never does; it is the "
                 "shape of an 'entity bomb' meant to exhaust a reader's memory. It was not read.")
        return
    except ParseError as exc:
        out.file("XMP packet", f"not well-formed XML in {where} ({exc})",
                 "The XMP metadata is damaged (not well-formed XML), so it could not be read.")
        return
    for name, value in _xmp_properties(root):
        _interpret_xmp_property(name, value, out)


def _interpret_xmp_property(name: str, value: str, out: Collector) -> None:
    lowered = name.lower()
    if lowered == "digitalsourcetype":
        short, category, meaning = source_type(value)
        out.add("xmp", "Iptc4xmpExt:DigitalSourceType", value,
                f"The file's IPTC metadata (unsigned) says it was {meaning}.", category,
                UNSIGNED_CLAIM)
    elif lowered == "aisystemused":
        out.add("xmp", "Iptc4xmpExt:AISystemUsed", value,
                f"The IPTC metadata (unsigned) names an AI system used in making it: {value}. It "
                "does not say whether that system generated the picture or helped edit it.",
                POSSIBLY_AI, UNSIGNED_CLAIM)
    elif lowered == "aipromptinformation":
        out.add("xmp", "Iptc4xmpExt:AIPromptInformation", value,
                "The IPTC metadata (unsigned) records a prompt given to an AI system.",
                AI_GENERATED, UNSIGNED_CLAIM)
    elif lowered == "creatortool":
        software_finding("xmp", "xmp:CreatorTool", value, out)
    elif lowered == "provenance" and value.startswith(("http://", "https://")):
        if out.has(lambda f: f.key == "remote manifest"):
            return  # the C2PA reader already said so
        out.add("xmp", "dcterms:provenance", value,
                "The file points to Content Credentials stored online. They were not fetched: "
                "Collector Guide never goes online to read a file.", INFORMATION, HINT)
    elif lowered in ("description", "usercomment", "imagedescription", "credit"):
        interpret_free_text("xmp", f"xmp:{name}", value, out)
