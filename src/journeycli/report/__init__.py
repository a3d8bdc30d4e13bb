"""`journey report`: maps -> an Analysis -> one of the report formats (docs/report.md)."""
