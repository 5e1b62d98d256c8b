"""Offline replicas of the portals eduwatch watches, for the demo and the integration tests.

Four portals, each on its own loopback address and built on a different platform:
a NukeViet district portal (huyện Điện Biên), a Liferay 6.2 provincial portal (tỉnh Điện
Biên), a SharePoint department site (Sở GD&ĐT Hải Phòng) and a WordPress Phòng GD&ĐT site
(Phong Thổ). Their content (crawler/sample_portals/content/*.toml) is the five seed reports plus
written education and general news, with real-world noise and crawler traps in the templates.

    with start_portals() as portals:
        portals.write_config(tmp / "eduwatch.toml", tmp / "eduwatch.db")
        ...crawl portals.base_urls...
        portals.publish("huyen-dien-bien", portals.manifest.held_back()[0].id)

`python -m crawler.sample_portals` serves them in the foreground. Standard library only.
"""

from .manifest import Manifest, ManifestArticle, ManifestPortal
from .portal_set import PortalSet, PortalStartError, load_manifest, start_portals
from .server import RequestLog

__all__ = [
    "Manifest",
    "ManifestArticle",
    "ManifestPortal",
    "PortalSet",
    "PortalStartError",
    "RequestLog",
    "load_manifest",
    "start_portals",
]
