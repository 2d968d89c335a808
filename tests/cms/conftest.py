"""People and businesses the CMS tests share: an owner, an editor, a moderator,
two businesses."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.cms.factories import BusinessPageFactory


def make_owner():
    return get_user_model().objects.create_user("bottega", password="pw")


def make_business(territory, owner):
    page = BusinessPageFactory(parent=territory.sections["businesses"], title="Mia")
    page.owners.add(owner)
    page.save_revision().publish()
    return page


def make_other_business(territory):
    page = BusinessPageFactory(parent=territory.sections["businesses"], title="Altra")
    page.save_revision().publish()
    return page


@pytest.fixture
def owner():
    return make_owner()


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
    return make_business(territory, owner)


@pytest.fixture
def other_business(territory):
    return make_other_business(territory)
