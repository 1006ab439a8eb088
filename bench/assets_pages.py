"""The asset registry on a scale set (`seed_scale`, BENCH_ASSETS_SIZE=county|city, default county): the
asset list (page 1, a filter, a code search), the asset page and the annual report, against a bare
view and the stock admin changelist of the same model from the same run. Build the set first with
`manage.py seed_scale --size county` (the city set is 2.6 million cards: build it on a big machine)."""

import datetime
import os

from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse

from assets.models import Asset
from bench.common import client_for, print_table, time_page

SIZE = os.environ.get("BENCH_ASSETS_SIZE", "county")


def run():
    total = Asset.objects.count()
    if not total:
        print(f"no asset cards: run `manage.py seed_scale --size {SIZE}` first")
        return
    root, _created = get_user_model().objects.get_or_create(
        username="bench-root", defaults={"is_superuser": True, "is_staff": True}
    )
    client = client_for(root)
    asset = Asset.objects.order_by("-id").first()
    cards = reverse("assets:asset_list")
    bare = time_page(client, "/bench/bare/", repeat=200)
    year = datetime.date.today().year - 1
    rows = [
        ("bare view (baseline)", bare),
        ("admin changelist, assets (baseline)", time_page(client, reverse("admin:assets_asset_changelist"))),
        ("empty page: assets index", time_page(client, reverse("assets:index"))),
        ("asset list, page 1", time_page(client, cards)),
        ("asset list, status=idle", time_page(client, cards, params={"status": "idle"})),
        ("asset list, code search", time_page(client, cards, params={"q": asset.code[:8]})),
        ("asset page", time_page(client, asset.get_absolute_url())),
        (
            f"annual report {year} (PDF)",
            time_page(client, reverse("assets:annual_report_pdf", args=[year]), repeat=1, warmup=0),
        ),
    ]
    print_table(f"Asset pages on {total:,} cards ({connection.vendor}); superuser", rows, baseline_ms=bare["median_ms"])
