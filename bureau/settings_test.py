"""Test settings: production settings with test-only relaxations (no HTTPS redirect, fast hashing)."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The demo in tests stands for `make run`, which logs straight in (tests of the policy turn it on).
os.environ.setdefault("BUREAU_DEMO_PASSWORD_CHANGE", "0")

from bureau.settings import *  # noqa: E402,F403
from bureau.settings import BASE_DIR, CELERY_BROKER_URL, DATABASES, MIDDLEWARE, STORAGES  # noqa: E402

MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# The real-worker test runs a separate process against the test database: on SQLite that needs a
# file, not the default in-memory database (PostgreSQL test databases are shared anyway).
if CELERY_BROKER_URL and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
