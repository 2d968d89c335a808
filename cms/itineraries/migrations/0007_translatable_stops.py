"""Itinerary stops become translatable (issue 19)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models
from wagtail.models.i18n import BootstrapLocaleField, BootstrapTranslationKeyField

from cms.core.translatable_rows import bootstrap_rows


class Migration(migrations.Migration):
    dependencies = [
        ("itineraries", "0006_pushchair_step_free"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapLocaleField("itineraries.ItineraryStop"),
        BootstrapTranslationKeyField("itineraries.ItineraryStop"),
        migrations.RunPython(
            bootstrap_rows("itineraries.ItineraryStop"), migrations.RunPython.noop
        ),
        migrations.AlterField(
            model_name="itinerarystop",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="itinerarystop",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="itinerarystop", unique_together={("translation_key", "locale")}
        ),
    ]
