"""The `collector-guide` command: a thin shell that parses arguments, calls the API, prints."""

from collector_guide.cli.main import main

__all__ = ["main"]
