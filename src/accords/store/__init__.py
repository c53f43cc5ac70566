"""The store: documents, entities, statements and review transitions (SQLAlchemy Core).

Written against SQLAlchemy's portable constructs only, so the same code runs on the
embedded SQLite file and on PostgreSQL. The store knows the model, never the extractor.
"""
