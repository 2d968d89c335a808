"""Topics in the page's own language, from one query per request."""

from typing import Any

from rest_framework.fields import Field


class TopicsField(Field):
    """A page's topics, named in the page's language where a translation exists."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance: Any) -> Any:
        return instance

    def to_representation(self, page: Any) -> list[dict]:
        from cms.core.models import Topic

        translations = self.context.get("_topics_by_key")
        if translations is None:
            translations = {
                (t.translation_key, t.locale_id): t for t in Topic.objects.all()
            }
            self.context["_topics_by_key"] = translations
        topics = []
        for topic in page.topics.all():
            local = translations.get((topic.translation_key, page.locale_id), topic)
            topics.append(
                {
                    "slug": local.slug,
                    "name": local.name,
                    "translation_key": str(topic.translation_key),
                }
            )
        return topics
