"""People and businesses the CMS tests share: an owner, an editor, a moderator,
two businesses."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.cms.factories import BusinessPageFactory


@pytest.fixture
def owner():
    return get_user_model().objects.create_user("bottega", password="pw")


@pytest.fixture
def editor(territory):
    """An editor of Lecce (modules that need a name or a language define theirs)."""
    user = get_user_model().objects.create_user("editrice", password="pw")
    user.groups.add(Group.objects.get(name="Lecce editors"))
    return user


@pytest.fixture
def moderator(territory):
    user = get_user_model().objects.create_user("moderatore", password="pw")
    user.groups.add(Group.objects.get(name="Lecce moderators"))
    return user


@pytest.fixture
def business(territory, owner):
    page = BusinessPageFactory(parent=territory.sections["businesses"], title="Mia")
    page.owners.add(owner)
    page.save_revision().publish()
    return page


@pytest.fixture
def other_business(territory):
    page = BusinessPageFactory(parent=territory.sections["businesses"], title="Altra")
    page.save_revision().publish()
    return page
