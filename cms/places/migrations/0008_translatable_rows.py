"""Opening exceptions and ticket prices become translatable (issue 19)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models
from wagtail.models.i18n import BootstrapLocaleField, BootstrapTranslationKeyField

from cms.core.translatable_rows import bootstrap_rows

LOCALE = models.ForeignKey(
    editable=False,
    on_delete=django.db.models.deletion.PROTECT,
    related_name="+",
    to="wagtailcore.locale",
    verbose_name="locale",
)


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0007_pushchair_step_free"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapLocaleField("places.OpeningException"),
        BootstrapTranslationKeyField("places.OpeningException"),
        BootstrapLocaleField("places.TicketPrice"),
        BootstrapTranslationKeyField("places.TicketPrice"),
        migrations.RunPython(
            bootstrap_rows("places.OpeningException"), migrations.RunPython.noop
        ),
        migrations.RunPython(
            bootstrap_rows("places.TicketPrice"), migrations.RunPython.noop
        ),
        migrations.AlterField(
            model_name="openingexception", name="locale", field=LOCALE
        ),
        migrations.AlterField(
            model_name="openingexception",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(model_name="ticketprice", name="locale", field=LOCALE),
        migrations.AlterField(
            model_name="ticketprice",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="openingexception", unique_together={("translation_key", "locale")}
        ),
        migrations.AlterUniqueTogether(
            name="ticketprice", unique_together={("translation_key", "locale")}
        ),
    ]
