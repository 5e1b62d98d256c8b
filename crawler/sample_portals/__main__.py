"""Serve the sample portals in the foreground until Ctrl-C.

    python -m crawler.sample_portals [--port N] [--config OUT.toml --db DB]

Prints each portal's URL, the articles held back for publishing, and how to publish one from
another terminal (POST /__admin/publish?id=ARTICLE_ID).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from . import PortalStartError, start_portals


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m crawler.sample_portals",
        description="Serve eduwatch's offline sample portals on loopback addresses.",
        epilog="Example: python -m crawler.sample_portals --port 8080 "
        "--config data/sample.toml --db data/sample.db",
    )
    parser.add_argument("--port", type=int, default=0, help="port on every address (0: a free one)")
    parser.add_argument("--config", type=Path, help="write an eduwatch config for the portals here")
    parser.add_argument("--db", type=Path, help="database path to put in that config")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if (args.config is None) != (args.db is None):
        parser.error("--config and --db go together")
    try:
        portals = start_portals(args.port)
    except PortalStartError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with portals:
        for portal in portals.manifest.portals:
            print(f"{portal.id:20} {portals.url(portal.id)}  ({portal.platform}: {portal.name})")
        if args.config:
            written = portals.write_config(args.config, args.db)
            print(f"\nconfig written to {written}")
        print("\nheld back, publish with: curl -X POST '<portal URL>__admin/publish?id=<id>'")
        for article in portals.manifest.held_back():
            print(f"  {article.portal:20} {article.id}")
        print("\nserving; Ctrl-C to stop", flush=True)
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    print("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
