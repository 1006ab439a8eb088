"""The asset registry's picker sources (see bureau.pickers); found by the bureau app at start-up."""

from django.db.models import Q

from assets.models import Asset, AssetClass, PoolEntry
from bureau.pickers import register

register(
    "assets.asset",
    queryset=lambda user: Asset.objects.for_user(user).active().only("pk", "code", "name").order_by("-id"),
    # Codes by prefix (unique index), names by prefix (indexed): no scan of millions of cards.
    search=lambda q: Q(code__istartswith=q) | Q(name__startswith=q),
    permissions=["assets.view_asset"],
)
register(
    "assets.assetclass",
    queryset=lambda user: AssetClass.objects.all(),
    search=lambda q: Q(code__startswith=q) | Q(name__contains=q),  # tens of classes
    permissions=["assets.view_asset"],
)
register(
    "assets.poolentry",
    queryset=lambda user: PoolEntry.objects.filter(left_on__isnull=True).select_related("asset"),
    search=lambda q: Q(asset__code__istartswith=q) | Q(asset__name__startswith=q),
    permissions=["assets.view_poolentry"],
)
