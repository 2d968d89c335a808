"""The publisher words every code the CMS lets editors choose, in the CMS's order.

The CMS defines the codes and the API sends them bare; publisher/vocabulary.py
holds the site's label for each (the theme's catalogs translate it).
"""

from cms.core.choices import Audience
from cms.places.models import ACCESSIBILITY_FIELDS, PlaceKind
from publisher import vocabulary


def test_the_publisher_labels_every_audience_the_cms_defines():
    assert list(vocabulary.AUDIENCES) == Audience.values


def test_the_publisher_labels_every_place_kind_the_cms_defines():
    assert list(vocabulary.PLACE_KINDS) == PlaceKind.values


def test_the_publisher_words_every_accessibility_fact_of_a_place():
    assert [key for key, _label in vocabulary.ACCESSIBILITY] == list(
        ACCESSIBILITY_FIELDS
    )
