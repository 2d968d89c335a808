"""One exception class per way a build can fail, each saying what to do."""


class PublishError(Exception):
    """Base class: the build stopped and the previous output is untouched."""


class ApiError(PublishError):
    """The content API could not be reached or answered something unusable."""


class TerritoryNotFound(PublishError):
    """A --territory slug the API does not know."""


class BadContent(PublishError):
    """Items failed validation and --strict was given."""


class TooManyDropped(PublishError):
    """The new build would drop a large share of the published pages."""


class UrlCollision(PublishError):
    """Two items would be written to the same URL."""


class RenderFailed(PublishError):
    """A template or Pelican run failed for one territory and language."""


class PageInvalid(PublishError):
    """A hand-written page lacks what it needs to be published (a title, a language)."""


class SettingsMissing(PublishError):
    """The Pelican settings file given does not exist."""


class LocalLinks(PublishError):
    """A site published on a public address would link to a loopback one."""
