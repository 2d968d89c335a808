import pytest


@pytest.fixture
def territory(db):
    """Lecce in Italian and English, with its five sections."""
    from cms.territories.setup import create_territory

    return create_territory(
        "lecce",
        "Lecce",
        hostname="lecce.test",
        languages=("it", "en"),
        is_default_site=True,
        public_base_url="https://lecce.example.org",
        build_hook_url="https://api.netlify.com/build_hooks/SECRET123",
    )


@pytest.fixture
def other_territory(db):
    from cms.territories.setup import create_territory

    return create_territory(
        "grecia-salentina",
        "Grecìa Salentina",
        hostname="grecia.test",
        languages=("it", "en", "ar"),
    )
