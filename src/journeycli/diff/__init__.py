"""`journey diff` and `journey summary`: semantic differences between two versions of a map.

`compare.diff_maps` is pure (model x model -> Changes); `sources` reads the
two sides from files, standard input or git; `gate` turns changes into the
`--fail-on` regressions a CI job can fail on; `run` is the command's core and
`formats/` its outputs (docs/diff.md). Nothing is imported here, so the CLI
can read the format registry without loading the model.
"""
