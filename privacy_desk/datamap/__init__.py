"""The data map: where personal data lives in a portal database, and what to do with it."""

from privacy_desk.datamap.loader import DataMapError, load_datamap, parse_datamap
from privacy_desk.datamap.model import DataMap, Erasure, TableSpec

__all__ = ["DataMap", "DataMapError", "Erasure", "TableSpec", "load_datamap", "parse_datamap"]
