from django.apps import AppConfig


class ItinerariesConfig(AppConfig):
    name = "cms.itineraries"
    label = "itineraries"
