"""Logging filters."""

import logging


class OneLineClientErrors(logging.Filter):
    """A 403 or 404 is expected (a wrong link, a forbidden page): one line, not a traceback, so no
    user can flood the log by asking for pages they may not see."""

    def filter(self, record):
        if getattr(record, "status_code", None) in (403, 404):
            record.exc_info = None
            record.exc_text = None
        return True
