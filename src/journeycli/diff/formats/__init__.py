"""The output formats of `journey diff`: text, md, json (docs/diff.md)."""
