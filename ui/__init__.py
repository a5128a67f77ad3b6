"""Streamlit-only helpers: cached data access, filters, text in two languages, formatting, charts, downloads."""
