"""`journey history`: how a map's scores moved across the commits that touched it (docs/diff.md)."""
