"""Run the command line as `python -m dedup`."""

from dedup.cli import main

if __name__ == "__main__":
    main()
