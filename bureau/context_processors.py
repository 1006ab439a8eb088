from django.conf import settings

from bureau.navigation import menu_for
from bureau.roles import ROLE_LABELS, role_names
from bureau.scoping import user_department


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_menu": []}
    return {
        "nav_menu": menu_for(user),
        "user_roles": [ROLE_LABELS[name] for name in sorted(role_names(user)) if name in ROLE_LABELS],
        "user_department": user_department(user),
        # The idle warning (static/bureau/idle-warning.js) reads these from <body>.
        "idle_minutes": settings.BUREAU_SESSION_IDLE_MINUTES,
        "idle_warning_minutes": min(settings.BUREAU_SESSION_IDLE_WARNING_MINUTES, settings.BUREAU_SESSION_IDLE_MINUTES),
    }
