"""Polars pipelines: read users' files, normalise, validate with pandera, load into DuckDB.

Nothing here imports Streamlit; paths and settings come in as arguments.
"""
