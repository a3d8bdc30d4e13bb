"""`journey lint`: check maps with the rules of `core.rules`; `formats/` holds the reporters."""
