"""就业岗位 against a real store: the list (expired jobs hidden, paged), a job's details, the phone
number on the keypad (validated, never logged) and the `job_interest` transaction it records."""

from __future__ import annotations

import json
import logging

import pytest

from kiosk.core.listings import PhoneProblem
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.info.jobs import ListState
from kiosk.widgets.frame import BarButton
from tests.ui.helpers import click, click_bar, current_name, type_digits
from tests.ui.info_seed import (
    WAIT,
    choose,
    expired_job,
    fresh_jobs,
    open_store,
    seed_jobs,
    transactions,
)

PHONE = "13800138000"


@pytest.fixture
def store(kiosk_app):
    s = open_store(kiosk_app)
    yield s
    s.close()


def _open_jobs(app, qtbot):
    choose(app, qtbot, Service.JOBS)
    jobs = app.screen("jobs")
    qtbot.waitUntil(lambda: jobs.state is ListState.SHOWN, timeout=WAIT)
    return jobs


def _titles(jobs):
    return [c.title.full_text for c in jobs.cards if not c.isHidden()]


def test_jobs_tile_shows_current_jobs_paged_without_expired(kiosk_app, store, qtbot):
    seed_jobs(store, [*fresh_jobs(5), expired_job()])
    jobs = _open_jobs(kiosk_app, qtbot)
    assert current_name(kiosk_app) == "jobs"
    # the salary line is formatted, the card carries the headcount
    assert jobs.cards[0].lines[0].full_text == "月薪 4,000–6,000 元 · 招 30 人"
    shown: list[str] = []
    per_page = jobs.per_page
    assert 1 <= per_page < 5  # 1920×1080: several pages
    pages = -(-5 // per_page)
    for page in range(pages):
        titles = _titles(jobs)
        assert len(titles) == min(per_page, 5 - page * per_page)
        shown += titles
        assert jobs.pager.previous_button.isVisible() == (page > 0)
        if page < pages - 1:
            click(qtbot, jobs.pager.next_button)
    assert not jobs.pager.next_button.isVisible()
    assert shown == [f"岗位{i:03d}" for i in range(5)]  # newest first, all of them, once
    assert "已经过期的岗位" not in shown


def test_no_jobs_says_so(kiosk_app, store, qtbot):
    seed_jobs(store, [expired_job()])
    jobs = _open_jobs(kiosk_app, qtbot)
    assert _titles(jobs) == []
    assert kiosk_app.frame.instruction.text() == "现在没有招聘的岗位，请过几天再来看"


def test_interest_records_the_phone_and_confirms(kiosk_app, store, qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    seed_jobs(store, fresh_jobs(3))
    jobs = _open_jobs(kiosk_app, qtbot)
    click(qtbot, jobs.cards[1])
    detail = kiosk_app.screen("job_detail")
    assert current_name(kiosk_app) == "job_detail"
    assert detail.job.job_id == "J-001"
    assert detail.title.text() == "岗位001"
    pages = detail.pages()
    assert len(pages) >= 2  # facts, contact, requirements
    click(qtbot, detail.interest_button)
    phone = kiosk_app.screen("phone_entry")
    assert current_name(kiosk_app) == "phone_entry"

    # too short: nothing said while typing; 确定 answers in words, nothing is recorded
    type_digits(qtbot, phone.keypad, "1380013800", confirm=False)
    assert phone.number.text() == "138 0013 800"
    assert phone.banner.isHidden() and phone.problem is None
    click(qtbot, phone.keypad.confirm_key)
    assert phone.problem is PhoneProblem.TOO_SHORT
    assert kiosk_app.frame.instruction.text() == "手机号码是1开头的11位数字"
    assert phone.banner.isVisible() and "现在是10位，还差1位" in phone.banner.text()
    assert "phone_too_short" in kiosk_app.voice.history[-1]
    assert "现在是10位，还差1位" in kiosk_app.voice.history[-1]
    # 退格 takes one digit away (the rest stays), then one more makes it whole
    click(qtbot, phone.keypad.backspace_key)
    assert phone.keypad.value == "138001380" and phone.number.text() == "138 0013 80"
    assert phone.banner.isHidden()  # the hint was about the number before the change
    type_digits(qtbot, phone.keypad, "00", confirm=False)
    assert phone.keypad.value == "13800138000"
    # not a mobile number: what is wrong, and what to do
    click(qtbot, phone.clear_key)
    assert phone.keypad.value == ""
    type_digits(qtbot, phone.keypad, "23800138000", confirm=False)
    click(qtbot, phone.keypad.confirm_key)
    assert phone.problem is PhoneProblem.NOT_MOBILE
    assert kiosk_app.frame.instruction.text() == "手机号码要以1开头，共11位"
    assert "第一位是2，不是1，请点清除" in phone.banner.text()
    assert transactions(store, "job_interest") == []
    click(qtbot, phone.clear_key)
    click(qtbot, phone.keypad.confirm_key)  # nothing typed at all
    assert "还没有输入号码" in phone.banner.text()
    assert phone.banner.text().strip() not in ("! 注意", "!注意")

    type_digits(qtbot, phone.keypad, PHONE, confirm=False)
    click(qtbot, phone.keypad.confirm_key)
    qtbot.waitUntil(lambda: current_name(kiosk_app) == "job_interest_done", timeout=WAIT)
    [tx] = transactions(store, "job_interest")
    body = json.loads(tx.body)
    assert body["payload"] == {"job_id": "J-001", "phone": PHONE}
    assert tx.person_id is None
    assert kiosk_app.frame.instruction.text() == "已经登记，工作人员会打电话联系您"
    assert "job_interest_done" in kiosk_app.voice.history[-1]
    # the number left the keypad and was never logged or spoken
    assert phone.keypad.value == ""
    assert PHONE not in phone.number.text().replace(" ", "")
    assert all(PHONE not in r.getMessage() for r in caplog.records)
    assert all(PHONE not in said.replace(" ", "") for said in kiosk_app.voice.history)
    # 完成 -> the rating for this service
    click(qtbot, kiosk_app.screen("job_interest_done").button)
    assert current_name(kiosk_app) == "rating"
    assert kiosk_app.screen("rating").service == "jobs"


def test_back_from_details_returns_to_the_same_page(kiosk_app, store, qtbot):
    seed_jobs(store, fresh_jobs(5))
    jobs = _open_jobs(kiosk_app, qtbot)
    click(qtbot, jobs.pager.next_button)
    second_page = _titles(jobs)
    click(qtbot, jobs.cards[0])
    assert kiosk_app.screen("job_detail").job.title == second_page[0]
    click_bar(qtbot, kiosk_app, BarButton.BACK)
    assert current_name(kiosk_app) == "jobs"
    assert _titles(jobs) == second_page


def test_detail_pages_turn_and_requirements_are_shown(kiosk_app, store, qtbot):
    seed_jobs(store, fresh_jobs(1))  # J-000 is the long sample with requirements
    jobs = _open_jobs(kiosk_app, qtbot)
    click(qtbot, jobs.cards[0])
    detail = kiosk_app.screen("job_detail")
    count = len(detail.pages())
    for _ in range(count - 1):
        click(qtbot, detail.pager.next_button)
    assert detail.requirements.isVisible()
    assert "每天工作8小时" in detail.requirements.text()  # the end of the requirements
    assert not detail.pager.next_button.isVisible()
    assert detail.interest_button.isVisible()  # 我有意向 on every page


def test_session_end_drops_the_number(kiosk_app, store, qtbot):
    seed_jobs(store, fresh_jobs(1))
    jobs = _open_jobs(kiosk_app, qtbot)
    click(qtbot, jobs.cards[0])
    click(qtbot, kiosk_app.screen("job_detail").interest_button)
    phone = kiosk_app.screen("phone_entry")
    type_digits(qtbot, phone.keypad, "1380013", confirm=False)
    click_bar(qtbot, kiosk_app, BarButton.HOME)
    assert current_name(kiosk_app) == "home"
    assert phone.keypad.value == ""
    assert phone.job is None
    assert "1380013" not in phone.number.text().replace(" ", "")
    assert transactions(store, "job_interest") == []
