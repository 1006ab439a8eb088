"""Settings for Bureau Portal, read from the environment (django-environ).

`make run` sets DEBUG=1; everything else defaults to production-safe values, so a deployment
only has to provide SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CELERY_BROKER_URL.
"""

import datetime
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

# Required when DEBUG is off, and checked where it matters: Django refuses to sign anything (sessions,
# CSRF) with an empty key and `check --deploy` fails, while commands that sign nothing (migrate,
# makemigrations) still run without it.
SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-only-for-make-run-and-tests" if DEBUG else "")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "bureau.apps.BureauAdminConfig",  # django.contrib.admin with the portal's admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tables2",
    "django_filters",
    "import_export",
    "simple_history",
    "django_celery_beat",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "bureau",
    "meetings",
    "procurement",
    "assets",
    "property_services",
]

MIDDLEWARE = [
    "bureau.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bureau.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "bureau.middleware.IdleSessionMiddleware",
    "bureau.passwords.PasswordPolicyMiddleware",
    "bureau.middleware.PrivateResponseMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Serves the collected static files in production; runserver serves them under DEBUG.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "bureau.urls"
WSGI_APPLICATION = "bureau.wsgi.application"
ASGI_APPLICATION = "bureau.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "bureau.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Keep connections: reconnecting per request costs a factor of four (DESIGN.md §11).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Password policy (等保 2.0): length, character classes, no reuse of the last ones, expiry.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("BUREAU_PASSWORD_MIN_LENGTH", default=8)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {
        "NAME": "bureau.passwords.CharacterClassesValidator",
        "OPTIONS": {"min_classes": env.int("BUREAU_PASSWORD_MIN_CLASSES", default=3)},
    },
    {
        "NAME": "bureau.passwords.PasswordHistoryValidator",
        "OPTIONS": {"keep": env.int("BUREAU_PASSWORD_HISTORY", default=5)},
    },
]
# Days a password lasts before the user must choose a new one (0: never expires).
BUREAU_PASSWORD_MAX_AGE_DAYS = env.int("BUREAU_PASSWORD_MAX_AGE_DAYS", default=90)
# seed_demo's accounts choose their own password at the first login; `make run` turns it off.
BUREAU_DEMO_PASSWORD_CHANGE = env.bool("BUREAU_DEMO_PASSWORD_CHANGE", default=True)
# django-axes first: a login from a locked account and address is refused before the password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Front-end libraries come from the npm registry at set-up (package.json), never from a CDN.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/tom-select", NODE_MODULES / "tom-select" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploads (scans of official letters, photos) are checked by bureau.validators too.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-sm table-hover align-middle"}

# Sessions: cached on Redis with the database behind it where a broker/cache is configured,
# so sessions are fast and can still be ended server-side (DESIGN.md §11).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Login lockout (django-axes): after AXES_FAILURE_LIMIT failures in a row for one account from one
# address, that account from that address waits AXES_COOLOFF_MINUTES; the same account from another
# address still logs in, so a stranger can't lock a real user out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "bureau.audit.client_address"
AXES_LOCKOUT_CALLABLE = "bureau.views.security.locked_out"
# Behind a reverse proxy: how many proxies append to X-Forwarded-For (0: REMOTE_ADDR is the client).
BUREAU_TRUSTED_PROXIES = env.int("BUREAU_TRUSTED_PROXIES", default=0)

# Two factors (等保 level 3): the admin site only for users verified by a TOTP device (django-otp);
# the security administrator registers devices in the admin, before turning this on.
BUREAU_REQUIRE_TWO_FACTOR = env.bool("BUREAU_REQUIRE_TWO_FACTOR", default=False)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Bureau Portal")

# Idle sessions end after this many minutes without a request (等保: 登录超时).
BUREAU_SESSION_IDLE_MINUTES = env.int("BUREAU_SESSION_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = BUREAU_SESSION_IDLE_MINUTES * 60
# …and a page warns this many minutes before, offering to stay signed in.
BUREAU_SESSION_IDLE_WARNING_MINUTES = env.int("BUREAU_SESSION_IDLE_WARNING_MINUTES", default=2)

# Celery: unset broker → tasks run eagerly in-process, so the embedded default still works.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# The procurement centre's name in its OCDS export, and the export's ocid prefix (registered with
# the Open Contracting Partnership; the default marks an unregistered publisher).
PROCUREMENT_CENTRE_NAME = env("PROCUREMENT_CENTRE_NAME", default="县政府采购中心")
PROCUREMENT_OCID_PREFIX = env("PROCUREMENT_OCID_PREFIX", default="ocds-bureau")
# Where the OCDS schema and codelists are (the tests validate the export against them).
OCDS_SCHEMA_DIR = env("OCDS_SCHEMA_DIR", default=str(BASE_DIR.parent / "shared" / "ocds"))
# A task a worker took and never acknowledged (acks_late, the worker killed) is handed out again after
# this many seconds; a test of a killed worker sets a few seconds (and then restores every second).
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
if CELERY_VISIBILITY_TIMEOUT < 60:
    CELERY_BROKER_TRANSPORT_OPTIONS.update(unacked_restore_interval=1, unacked_restore_throttle=1)
# Test-only: seconds a billing run waits after each department, so a fault test can kill it half-way.
PROPERTY_FEES_BILLING_PAUSE = env.float("PROPERTY_FEES_BILLING_PAUSE", default=0)

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="bureau-portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# For EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend (a test observes a worker's mail).
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))

# Security: safe by default, relaxed only for DEBUG (make run) and the test suite.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_client_errors": {"()": "bureau.log_filters.OneLineClientErrors"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # An expected 403/404 is one line, not a traceback (anyone could flood the log otherwise).
        "django.request": {"filters": ["one_line_client_errors"]},
        # WeasyPrint logs every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Content-Security-Policy (django-csp): scripts only from the portal's own static files, never
# inline; inline style attributes stay allowed (charts and a few templates size things with them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
BUREAU_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
# A request declaring a larger body is refused before it is read (uploads are at most 10 MB).
BUREAU_MAX_REQUEST_BYTES = env.int("BUREAU_MAX_REQUEST_BYTES", default=20 * 1024 * 1024)

# Export of filtered list rows: above this the user is asked to narrow the filter.
BUREAU_EXPORT_MAX_ROWS = env.int("BUREAU_EXPORT_MAX_ROWS", default=100_000)

# The dates the bureau's records may carry (every PlausibleDateField / PlausibleDateTimeField): the
# forms refuse others with a message, and the database checks them too. The database check is
# written when the column's migration runs; after changing these on an existing database, the
# forms follow at once and the check keeps the range it was created with.
BUREAU_DATE_MIN = datetime.date.fromisoformat(env("BUREAU_DATE_MIN", default="2000-01-01"))
BUREAU_DATE_MAX = datetime.date.fromisoformat(env("BUREAU_DATE_MAX", default="2099-12-31"))
# Office hours of a working day (bureau.workdays.into_working_hours): a deadline computed from a
# meeting's time is moved into them, never left at 07:00 or on a Sunday.
BUREAU_WORKDAY_START = datetime.time.fromisoformat(env("BUREAU_WORKDAY_START", default="08:30"))
BUREAU_WORKDAY_END = datetime.time.fromisoformat(env("BUREAU_WORKDAY_END", default="17:30"))

# Backups (`make backup`, the "bureau.backup" beat job): one folder per backup, outside MEDIA_ROOT
# (which the web server may serve). Keep a copy of this folder on another machine.
BUREAU_BACKUP_DIR = env.path("BUREAU_BACKUP_DIR", default=BASE_DIR / "backups")
# The audit log (网络安全法 art. 21: at least six months): entries older than this many days are
# moved to gzip'd JSON-lines files with a SHA-256 checksum under BUREAU_AUDIT_ARCHIVE_DIR by the
# "bureau.audit_archive" beat job. PostgreSQL refuses to delete an entry younger than 180 days
# whatever this says.
BUREAU_AUDIT_RETENTION_DAYS = env.int("BUREAU_AUDIT_RETENTION_DAYS", default=180)
BUREAU_AUDIT_ARCHIVE_DIR = env.path("BUREAU_AUDIT_ARCHIVE_DIR", default=BASE_DIR / "audit-archive")

# Every periodic job, one entry per job ("<app>.<job>"), synced into django-celery-beat's tables.
CELERY_BEAT_SCHEDULE = {
    "bureau.backup": {"task": "bureau.tasks.backup", "schedule": crontab(hour=2, minute=30)},
    "bureau.audit_archive": {"task": "bureau.tasks.audit_archive", "schedule": crontab(hour=3, minute=15)},
    # Every morning: the procurement centre's overdue clocks (challenge replies, complaint decisions,
    # evaluation, confirmation, contract signing and publication) mailed to its members.
    "procurement.overdue_mail": {"task": "procurement.overdue_mail", "schedule": crontab(hour=7, minute=30)},
    # On the 1st at 02:30, last month's depreciation charges (a month string may be given to re-run one).
    "assets.depreciation": {
        "task": "assets.tasks.depreciation_record_month",
        "schedule": crontab(minute=30, hour=2, day_of_month=1),
    },
    # The room-based fees of the month before, for every department (exactly once however often it runs).
    "property_services.bill_fees": {
        "task": "property_services.tasks.fee_month_bill_scheduled",
        "schedule": crontab(minute=30, hour=1, day_of_month=1),
    },
}
