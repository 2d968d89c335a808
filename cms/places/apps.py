from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "cms.places"
    label = "places"
