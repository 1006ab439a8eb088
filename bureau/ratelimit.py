"""A per-address allowance an hour for the pages that need no login (a room's repair QR page, a
meeting reply link): enough for people, too little to flood the bureau's queues."""

from django.core.cache import cache

from bureau.audit import client_address

HOUR = 3600


def take_from_hourly_allowance(request, *, scope, per_hour):
    """Count one use of `scope` from this request's address; False once the hour's allowance is used."""
    key = f"{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=HOUR)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=HOUR)
        count = 1
    return count <= per_hour
