"""The overdue list (every clock of the centre) and its daily mail, run through a real worker on the
broker: the worker is another process, so it writes its mail with the file backend into a folder
this test reads (locmem's outbox would be the worker's, out of reach)."""

import datetime
import os

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from bureau.celery import app
from bureau.roles import Role
from procurement.selectors.clocks import ClockBook
from procurement.selectors.overdue import overdue_clocks
from procurement.services.oversight import overdue_mail_send
from procurement.tasks import overdue_mail
from tests.factories import make_user
from tests.procurement.factories_oversight import BatchFactory, ChallengeFactory, ComplaintFactory, contracted_batch
from tests.worker import broker_or_fail, running_worker

D = datetime.date
TODAY = D(2026, 11, 20)


def overdue_world():
    ChallengeFactory(batch__number="ZFCG-LATE-1", received_on=D(2026, 11, 2), knew_on=D(2026, 11, 2))  # due 11-11
    ChallengeFactory(received_on=D(2026, 11, 16), knew_on=D(2026, 11, 16))  # due 11-25: running
    ComplaintFactory(
        filed_on=D(2026, 9, 1), challenge__status="replied", challenge__replied_on=D(2026, 4, 8)
    )  # decision due within 30 working days: overdue
    BatchFactory(number="ZFCG-EVAL", status="evaluated", evaluation_ended_on=D(2026, 11, 2))
    BatchFactory(
        number="ZFCG-CONF", status="evaluated", evaluation_report_on=D(2026, 11, 2), evaluation_ended_on=D(2026, 11, 2)
    )
    contracted_batch(
        award_notice_on=D(2026, 9, 1),
        contract={"signed_on": None, "published_on": None, "status": "draft", "number": "HT-UNSIGNED"},
    )
    contracted_batch(contract={"signed_on": D(2026, 11, 2), "published_on": None, "number": "HT-UNPUBLISHED"})
    contracted_batch(contract={"signed_on": D(2026, 11, 2), "published_on": D(2026, 11, 3), "number": "HT-FINE"})


@pytest.mark.django_db
def test_every_clock_of_the_centre_is_on_the_overdue_list(client):
    overdue_world()
    clocks = overdue_clocks(today=TODAY)
    assert sorted(clock.key for clock in clocks) == [
        "challenge_reply",
        "complaint_decision",
        "contract_publication",
        "contract_signing",
        "evaluation_report",
        "winner_confirmation",
    ]
    labels = " ".join(clock.label for clock in clocks)
    assert "HT-UNSIGNED" in labels and "HT-UNPUBLISHED" in labels and "HT-FINE" not in labels
    client.force_login(make_user(roles=[Role.PROCUREMENT_CENTRE]))
    page = client.get(reverse("procurement:overdue")).content.decode()
    assert "ZFCG-LATE-1" in page


@pytest.mark.django_db
def test_the_mail_goes_to_the_centre_members_only():
    overdue_world()
    make_user(roles=[Role.PROCUREMENT_CENTRE], email="buyer@county.example")
    make_user(roles=[Role.PROCUREMENT_CENTRE], email="")  # no address: left out
    make_user(roles=[Role.FINANCE], email="finance@county.example")
    assert overdue_mail_send(today=TODAY) == 6
    (message,) = mail.outbox
    assert message.bcc == ["buyer@county.example"] and message.to == []
    assert "ZFCG-LATE-1" in message.body and "第五十三条" in message.body


@pytest.mark.django_db
def test_nothing_overdue_sends_nothing():
    make_user(roles=[Role.PROCUREMENT_CENTRE], email="buyer@county.example")
    assert overdue_mail_send(today=TODAY) == 0
    assert mail.outbox == []


def test_the_daily_job_is_scheduled():
    entry = settings.CELERY_BEAT_SCHEDULE["procurement.overdue_mail"]
    assert entry["task"] == overdue_mail.name == "procurement.overdue_mail"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_daily_mail_runs_through_a_real_worker(tmp_path):
    overdue_world()
    make_user(roles=[Role.PROCUREMENT_CENTRE], email="buyer@county.example")
    if not broker_or_fail():
        assert app.conf.task_always_eager
        assert overdue_mail.delay(TODAY.isoformat()).get(timeout=10) == 6
        assert len(mail.outbox) == 1
        return
    outbox = tmp_path / "mail"
    env = {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": str(outbox)}
    with running_worker(tmp_path, extra_env=env) as worker:
        try:
            result = overdue_mail.apply_async(args=[TODAY.isoformat()], queue=worker.queue).get(timeout=90)
        except Exception as exc:
            pytest.fail(f"no answer from the worker ({exc!r}); its log:\n{worker.log_text()}")
    assert result == 6
    (written,) = list(outbox.iterdir())
    text = written.read_text()
    # The file backend writes the message without its Bcc; that it was sent at all needs a recipient.
    assert "ZFCG-LATE-1" in text and "第五十三条" in text
    assert str(worker.process.pid) != str(os.getpid())


@pytest.mark.django_db
def test_a_deadline_in_an_unknown_year_shows_the_warning():
    clock = ClockBook(today=D(2027, 3, 1)).clock("challenge_reply", D(2027, 1, 4))
    assert "2027" in clock.deadline.warning
