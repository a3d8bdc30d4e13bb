"""The output formats of `journey history`: terminal, md, json, html (docs/diff.md)."""
