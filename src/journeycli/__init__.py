"""journey: customer journey maps as code.

The version lives here and only here; packaging reads it from this file.
Nothing heavy is imported at package import so that `journey --version`
starts as fast as Typer itself.
"""

__version__ = "0.1.0"
