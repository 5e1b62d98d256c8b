"""`python -m crawler` is the same CLI as `eduwatch`."""

from crawler.cli import main

main()
