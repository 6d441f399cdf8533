"""The case store: the desk's own records of requests (SQLAlchemy ORM + Alembic).

Storage only: the tables, their migrations, opening the store, read queries that return
plain frozen dataclasses (which may cross threads), and the audit chain. Who may do
what, and every workflow, is :mod:`privacy_desk.services`; nothing here imports it.
"""

from privacy_desk.casestore.store import CaseStore, open_case_store

__all__ = ["CaseStore", "open_case_store"]
