"""The shipped reference dataset: Ukraine's bilateral security agreements and what surrounds them.

``load_reference`` puts it into the store; ``validate`` checks a copy of it; ``info`` describes it.
"""

from accords.dataset.facts import NAME, default_dir
from accords.dataset.info import DatasetInfo, info
from accords.dataset.loader import LoadReport, load_reference, to_statements
from accords.dataset.validate import validate

__all__ = ["NAME", "DatasetInfo", "LoadReport", "default_dir", "info", "load_reference", "to_statements",
           "validate"]
