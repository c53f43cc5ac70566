"""Stage ``recognize``: mentions of parties, people, money, dates, durations and time limits."""
