"""The field's nouns: input kinds, places, periods, appraisal and survey vocabularies.

The bottom of the house: no I/O, no Streamlit, no DuckDB, and nothing of the project imported. Schemas,
pipelines, the warehouse, coaching, the application database and the UI all take their vocabularies from here.
"""
