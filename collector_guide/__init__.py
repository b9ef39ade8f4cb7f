"""Collector Guide: read an AI-era artwork on two spectra."""
