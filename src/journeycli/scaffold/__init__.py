"""`journey new`: a template and a language become a map people can fill in (docs/scaffold.md)."""
