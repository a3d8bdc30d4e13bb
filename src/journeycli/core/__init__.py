"""The shared core: the map format, reading and writing, scoring, analysis, settings, rules.

It imports nothing above it; every command package builds on it (docs/architecture.md).
"""
