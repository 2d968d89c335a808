"""wagtail-factories for the content model: the smallest valid page of each type."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from cms.core.models import CustomImage
from cms.events.models import EventPage
from cms.itineraries.models import ItineraryPage
from cms.offers.models import BusinessPage, OfferPage
from cms.places.models import PlacePage
from cms.stories.models import StoryPage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Foto {n}")
    alt_text = factory.LazyAttribute(lambda o: f"Descrizione di {o.title}")
    file = factory.django.ImageField(width=1800, height=1200, color="orange")


class PlacePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PlacePage

    title = factory.Sequence(lambda n: f"Luogo {n}")
    kind = "museum"
    latitude = "40.354800"
    longitude = "18.174100"


class StoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Storia {n}")
    author = "Redazione"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Evento {n}")
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    location = "Piazza Sant'Oronzo"


class ItineraryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ItineraryPage

    title = factory.Sequence(lambda n: f"Itinerario {n}")


class BusinessPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BusinessPage

    title = factory.Sequence(lambda n: f"Bottega {n}")
    category = "craft"


class OfferPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OfferPage

    title = factory.Sequence(lambda n: f"Offerta {n}")
    description = "Sconto per chi visita il museo."
    valid_from = factory.LazyFunction(lambda: timezone.localdate())
    valid_until = factory.LazyFunction(
        lambda: timezone.localdate() + dt.timedelta(days=30)
    )
