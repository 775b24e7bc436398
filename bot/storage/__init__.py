"""Persistence: SQLAlchemy models, the database handle, and data functions (take a session)."""
