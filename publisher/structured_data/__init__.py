"""What a page tells machines about itself: Open Graph and Twitter card tags
for link previews (`cards`), and schema.org JSON-LD for search engines
(`graph`, with a module per kind of page).

Both describe what the page shows, from the same fields the templates read,
with absolute URLs on the territory's `base_url`. A page without a picture of
its own gets a generated share image (publisher/channels/social.py).
"""

from .cards import social_tags
from .facts import SHARE_IMAGE, SHARE_SIZE, needs_share_image
from .graph import json_ld

__all__ = ["SHARE_IMAGE", "SHARE_SIZE", "json_ld", "needs_share_image", "social_tags"]
