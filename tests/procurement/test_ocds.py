"""The OCDS 1.1 export validates against the release-package schema (offline, a local registry) and
uses only the codelist values of the schema directory (OCDS_SCHEMA_DIR, by default ../shared/ocds
from the repository root): without that directory this test fails, it never skips."""

import csv
import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from bureau.roles import Role
from procurement.choices import Method
from procurement.models import Batch
from procurement.selectors.ocds import METHOD, ocds_release_package
from tests.factories import make_user
from tests.procurement.factories_oversight import BatchFactory, contracted_batch
from tests.procurement.oversight_year import reference_year

pytestmark = pytest.mark.django_db
# The fields with a codelist in the directory, by where they are in a release.
CHECKED = {
    "tag": "releaseTag.csv",
    "procurementMethod": "method.csv",
    "mainProcurementCategory": "procurementCategory.csv",
}


def schema_dir():
    directory = Path(settings.OCDS_SCHEMA_DIR)
    if not (directory / "release-package-schema.json").is_file():
        pytest.fail(f"The OCDS schema is not at {directory} (set OCDS_SCHEMA_DIR): the export cannot be validated.")
    return directory


def validator():
    directory = schema_dir()
    package = json.loads((directory / "release-package-schema.json").read_text())
    release = json.loads((directory / "release-schema.json").read_text())
    registry = Registry().with_resources(
        [(schema["id"], Resource(schema, specification=DRAFT4)) for schema in (package, release)]
    )
    return Draft4Validator(package, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER), release


def codes(name):
    with (schema_dir() / name).open(newline="") as handle:
        return {row["Code"] for row in csv.DictReader(handle)}


def codelist_fields(schema):
    """{property name: set of codelist files} over the whole release schema."""
    found = {}

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                if isinstance(value, dict) and "codelist" in value:
                    found.setdefault(key, set()).add(value["codelist"])
                walk(value)
            for value in node.values():
                if isinstance(value, dict | list):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


def keys_in(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keys_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from keys_in(value)


def test_every_method_maps_to_the_method_codelist():
    assert set(METHOD) == set(Method.values)
    assert set(METHOD.values()) <= codes("method.csv")
    assert METHOD[Method.OPEN_TENDER] == "open" and METHOD[Method.SINGLE_SOURCE] == "direct"
    assert METHOD[Method.INVITED_TENDER] == "selective"
    assert {METHOD[m] for m in (Method.NEGOTIATION, Method.CONSULTATION, Method.INQUIRY)} == {"limited"}


def test_a_year_exports_as_a_valid_release_package_with_only_known_codes():
    reference_year()
    BatchFactory(status="initiated", announced_on=None, award_notice_on=datetime.date(2025, 9, 1))
    contracted_batch(method=Method.FRAMEWORK, award_notice_on=datetime.date(2025, 10, 1))
    package = ocds_release_package(Batch.objects.all(), uri="https://example.org/ocds.json")
    check, release_schema = validator()
    errors = sorted(check.iter_errors(json.loads(json.dumps(package))), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])

    releases = package["releases"]
    assert len(releases) == 6
    for release in releases:
        assert set(release["tag"]) <= codes("releaseTag.csv")
        assert release["tender"]["status"] in codes("tenderStatus.csv")
        assert release["tender"]["procurementMethod"] in codes("method.csv")
        if "mainProcurementCategory" in release["tender"]:
            assert release["tender"]["mainProcurementCategory"] in codes("procurementCategory.csv")
        assert release["tender"]["procurementMethodDetails"]
        for part in (*release["awards"], *release["contracts"]):
            assert "status" not in part  # award and contract status codelists are not in the directory
    details = {r["tender"]["procurementMethodDetails"] for r in releases}
    assert {"公开招标", "邀请招标", "竞争性磋商", "单一来源采购", "框架协议采购"} <= details

    # No field whose codelist is missing from the directory (initiationType is required, its only value).
    present = {path.name for path in schema_dir().glob("*.csv")}
    fields = codelist_fields(release_schema)
    missing_only = {name for name, lists in fields.items() if not lists & present} - {"initiationType"}
    used = set(keys_in(releases))
    assert not used & missing_only, used & missing_only
    assert json.dumps(package, ensure_ascii=False).count("内部备注") == 0


def test_one_batch_exports_from_the_page(client):
    batch, _contract = contracted_batch()
    client.force_login(make_user(roles=[Role.PROCUREMENT_CENTRE]))
    response = client.get(reverse("procurement:ocds"), {"batch": batch.pk})
    assert response["Content-Type"].startswith("application/json")
    package = json.loads(response.content)
    assert [r["ocid"] for r in package["releases"]] == [f"{settings.PROCUREMENT_OCID_PREFIX}-{batch.number}"]
    check, _schema = validator()
    assert not list(check.iter_errors(package))
