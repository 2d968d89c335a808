"""`content_changed`: a territory's public content changed; rebuild it.

Sent as ``content_changed.send(sender=Change, site_id=<Site id>)`` after the
transaction that recorded the change commits (never for a rolled-back one), at
most once per territory per transaction however many pages it touched. Every
event the change feed records sends it: publish, unpublish and scheduled expiry,
delete, move, slug change, view restrictions, territory settings and their Site,
topics, images and documents in use (and their served renditions), and the
editors' redirects. The publishing app listens to it to schedule rebuilds; a
receiver should stay cheap (queue work, don't do it).
"""

from django.dispatch import Signal

content_changed = Signal()
