"""Views that belong to no single content domain: admin reports, the front door."""
