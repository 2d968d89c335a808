"""Python run inside the benchmark CMS (`manage.py shell -c`), reading PARAMS."""

PUBLISH = """
from wagtail.models import Page

titles = {}
for page in Page.objects.filter(pk__in=PARAMS["ids"]).specific().order_by("pk"):
    page.title = f"{page.title.split(' · bench')[0]} · bench {PARAMS['stamp']}"
    page.save_revision().publish()
    titles[str(page.pk)] = page.title
print(json.dumps(titles))
"""
"""Edit the titles of pages PARAMS["ids"] and publish them, as an editor would."""

QUERIES = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client()
query = {"type": PARAMS["type"], "site": PARAMS["site"], "fields": "*"}
client.get("/api/v2/pages/", {**query, "limit": 1})  # warm the caches
counts = {}
for limit in PARAMS["limits"]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v2/pages/", {**query, "limit": limit})
    counts[str(limit)] = {
        "status": response.status_code,
        "items": len(response.json().get("items", [])),
        "queries": len(captured.captured_queries),
    }
print(json.dumps(counts))
"""
"""Count the SQL queries of one listing page of the API per page size."""
