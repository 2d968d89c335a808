from django.urls import path

from . import views

app_name = "proposals"
urlpatterns = [
    path("event/", views.propose_event, name="event"),
    path("event/thanks/", views.thanks, name="thanks"),
]
