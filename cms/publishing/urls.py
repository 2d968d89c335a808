from django.urls import path

from . import views

app_name = "publishing"
urlpatterns = [
    path(
        "netlify/<slug:slug>/", views.netlify_notification, name="netlify_notification"
    ),
]
