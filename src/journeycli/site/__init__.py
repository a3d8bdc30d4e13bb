"""Showing maps to people: `journey preview` (a live page while editing) and `journey site`.

Both put the HTML report (`journeycli.report`) and the history page
(`journeycli.history`) in front of a reader, so this package sits one layer
above those commands and below `cli/` (docs/architecture.md, docs/site.md).
"""
