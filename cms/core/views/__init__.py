"""Views that belong to no single content domain: the admin's reports."""
