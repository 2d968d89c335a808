"""Settings shared by every environment. Secrets never live here."""

import os
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # cms/, in a wheel or not
# A checkout keeps its working data beside the code (.data/, dist/, content/);
# an installed CMS keeps it where VETRINA_DATA_DIR says, else in .data/ of the
# folder it was started in.
CHECKOUT = PACKAGE_DIR.parent if (PACKAGE_DIR.parent / "manage.py").is_file() else None
DATA_DIR = Path(
    os.environ.get("VETRINA_DATA_DIR") or (CHECKOUT or Path.cwd()) / ".data"
).resolve()

INSTALLED_APPS = [
    "cms.core",
    "cms.throttle",
    "cms.territories",
    "cms.places",
    "cms.stories",
    "cms.events",
    "cms.itineraries",
    "cms.offers",
    "cms.changes",
    "cms.publishing",
    "cms.api",
    "cms.preview",
    "cms.owners",
    "cms.proposals",
    "cms.reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.owners.admin_scope.OwnerScopeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite under the data folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'vetrina.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATION}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATION}.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": f"{_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATION}.NumericPasswordValidator"},
]

# Guessing passwords: after ATTEMPTS failures a username is locked out from that
# address for MINUTES (cms/throttle), whichever view checks the password; each
# try is counted before the password is hashed, so parallel guesses count too.
AUTHENTICATION_BACKENDS = ["cms.throttle.logins.LockoutBackend"]
VETRINA_LOGIN_LOCKOUT = {"ATTEMPTS": 5, "MINUTES": 15}
WAGTAILADMIN_USER_LOGIN_FORM = "cms.throttle.logins.LoginForm"
# The public sign-up form (cms/owners) takes this many requests per client
# address in this many seconds, then answers 429.
VETRINA_SIGNUP_RATE = (5, 3600)
# Event proposals from the public form: tries per client address, per seconds.
VETRINA_PROPOSAL_RATE = (5, 3600)
# Password-reset mails: per client address, per e-mail address, per seconds.
VETRINA_PASSWORD_RESET_RATE = (5, 3, 3600)
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "cms.throttle.password_reset.PasswordResetForm"  # noqa: S105 (a class path)
# Proxies in front of the CMS that append to X-Forwarded-For (cms/throttle/limits.py).
VETRINA_PROXY_COUNT = 0

# Headers on every response; production adds HTTPS-only cookies and HSTS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # the preview view opts into SAMEORIGIN for its panel
VETRINA_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()"
)
# The Content-Security-Policy of each kind of response is in cms/core/security.py.
# The admin asks no third party for anything: no avatars from Gravatar (a hash of
# each editor's e-mail), no version check at releases.wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Editors work in Italian first; the admin also speaks English.
LANGUAGE_CODE = "it"
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]

# Every language a territory may offer. Each territory picks its own subset.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("it", "Italiano"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("it", "Italiano"), ("en", "English")]
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = DATA_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Background work runs in a real queue served by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Vetrina"
# The CMS's public address: e-mails and the static sites' sign-up links use it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.forms.CustomImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
# Checked from the header whenever an image saves (cms/core/images.py); the
# stored original is a clean re-encoding. MAX_PIXELS (a JPEG's or PNG's; WebP
# and AVIF get a quarter and a fifth) keeps an upload's memory under ~256 MB.
VETRINA_IMAGE_LIMITS = {"MIN_WIDTH": 200, "MAX_SIDE": 8000, "MAX_PIXELS": 24_000_000}
WAGTAILIMAGES_MAX_IMAGE_PIXELS = VETRINA_IMAGE_LIMITS["MAX_PIXELS"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt", "gpx"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The content API: the only contract between the CMS and the static build.
WAGTAILAPI_LIMIT_MAX = 500
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# A move or slug change is recorded once, by the change feed (cms/changes keeps
# an old path per language; /api/v2/redirects/ serves it). Wagtail would record
# it again in Settings → Redirects: a second _redirects line per move, and a row
# an editor could edit or delete to no effect. That screen is for the redirects
# editors make themselves; the API ignores rows Wagtail made on its own.
WAGTAILREDIRECTS_AUTO_CREATE = False

# wagtail-localize: translate from the Italian source. A machine translator is
# optional; set DEEPL_API_KEY (or LIBRETRANSLATE_URL) to switch one on.
WAGTAILLOCALIZE_JQUERY_LIBRARY_URL = None
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# The CMS serves previews itself (cms/preview), through the publisher's theme.
# Redirect mode, not the package's nested iframe, so Wagtail's preview panel
# reaches the page: scroll restoration and the accessibility checker.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": os.environ.get("VETRINA_PREVIEW_URL", "/preview/")},
    "REDIRECT_ON_PREVIEW": True,
}
# The package signs tokens without a maximum age: a preview link lives this long.
VETRINA_PREVIEW_MAX_AGE = int(os.environ.get("VETRINA_PREVIEW_MAX_AGE", "3600"))

# Publish to live: every change rebuilds its territory through this backend
# (cms/publishing/backends.py). Dev and demo build locally into dist/;
# production uses NetlifyDeploy (or NetlifyBuildHook).
VETRINA_PUBLISH_BACKEND = {
    "BACKEND": os.environ.get(
        "VETRINA_PUBLISH_BACKEND", "cms.publishing.backends.LocalBuilder"
    ),
    "OPTIONS": {
        "API_URL": os.environ.get("VETRINA_BUILD_API_URL", ""),
        "OUT": os.environ.get("VETRINA_DIST_DIR", ""),
        "CONTENT": os.environ.get("VETRINA_CONTENT_DIR", ""),
        # Sites may link to this machine only in a demo (see publisher/build.py).
        "ALLOW_LOCAL_LINKS": os.environ.get("VETRINA_ALLOW_LOCAL_LINKS") == "true",
    },
}
# Netlify's deploy notifications are accepted only with this JWS secret.
VETRINA_NETLIFY_WEBHOOK_SECRET = os.environ.get("NETLIFY_WEBHOOK_SECRET", "")

# Renditions the API offers for every image: responsive widths in WebP.
VETRINA_RENDITION_WIDTHS = (480, 960, 1600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"cms": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
