"""Serving a crowd: the app as an ASGI application under uvicorn (`collector-guide serve`).

`asgi` builds the application (Streamlit's `st.App`, gzip for its front end, a privacy-safe
access log); `main` runs one process or supervises one per core for nginx to balance.
"""
