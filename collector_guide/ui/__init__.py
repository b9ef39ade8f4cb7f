"""The Streamlit shell: state, screens and style. The core never imports from here."""
