"""The rubric, applied: scoring answers into a placement, the written reading, and the charts.

Pure functions of a rubric and answers; nothing here reads files or imports Streamlit.
"""
