"""accords: source-linked, comparable, operable data on security agreements and pledges."""

__version__ = "0.1.0"
