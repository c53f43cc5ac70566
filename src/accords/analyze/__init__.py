"""Analyses over store views: compare agreements, the support ledger."""
