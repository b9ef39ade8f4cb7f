"""Collector Guide: `streamlit run app.py`. All of the app lives in collector_guide.ui."""

from collector_guide.ui.app import run

run()
