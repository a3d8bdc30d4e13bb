"""`journey measure`: a map's scores computed from research data (docs/measure.md)."""
