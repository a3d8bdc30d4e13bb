"""Import and export: Mermaid journey diagrams, spreadsheets (CSV) and JSON.

- `mermaid` (with `mermaid_syntax`, `mermaid_source`): map <-> Mermaid `journey` text;
- `table`: map <-> CSV rows;
- `jsonio`: map -> JSON;
- `run`: bytes in, text out for `journey export` and `journey import`.

The format modules are pure (text <-> model, no file I/O); see docs/interop.md.
"""
