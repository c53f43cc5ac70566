"""Stage ``relate``: mentions become facts (agreements, commitments, mechanisms, events...).

Every fact carries ``_span``, a range of the normalized text; the pipeline's last stage maps it
to ``quote`` and ``span`` in the loaded text.
"""
