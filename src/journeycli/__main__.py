"""Allow `python -m journeycli`."""

from journeycli.cli import main

if __name__ == "__main__":
    main()
