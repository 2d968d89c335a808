from django.urls import path

from . import webhook

app_name = "publishing"
urlpatterns = [
    path(
        "netlify/<slug:slug>/",
        webhook.netlify_notification,
        name="netlify_notification",
    ),
]
