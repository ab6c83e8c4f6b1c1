"""就业岗位: the list of current jobs (big cards, paged), a job's details, and the confirmation
after a resident left a phone number ("工作人员会打电话联系您"). No card needed.

The list (a `PagedListScreen`) asks for the jobs with `jobs_wanted()`; the application answers with
`show_jobs`. Expired jobs are filtered again whenever a page is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.dates import format_date, format_date_en
from kiosk.core.language import in_language
from kiosk.core.listings import aware, current_jobs, paginate_text, salary_range
from kiosk.screens.base import Screen, ScreenContext, ScreenParams, secondary_label
from kiosk.screens.info.paged_list import ListState as ListState  # re-exported: tests wait on it
from kiosk.screens.info.paged_list import PagedListScreen
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.paging import Pager, text_capacity
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.theme import Status
from offline_cache.models import Job

BODY_LINE_PX = 54  # the 岗位要求 heading line above the requirements
DETAIL_FACT_ROWS = 3  # fact rows per detail page: short pages, large text


def headcount_text(job: Job) -> str:
    return QCoreApplication.translate("Jobs", "招 %1 人").replace("%1", str(job.headcount))


@dataclass(frozen=True)
class JobParams(ScreenParams):
    """The job of the details, the phone number entry and the confirmation."""

    job: Job | None = None


class JobsScreen(PagedListScreen[Job]):
    name = ScreenName.JOBS
    prompt_id = "jobs"
    empty_prompt_id = "jobs_empty"
    detail_screen = ScreenName.JOB_DETAIL
    card_lines = 2

    jobs_wanted = Signal()

    def _want_items(self) -> None:
        self.jobs_wanted.emit()

    def visible_items(self) -> list[Job]:
        return current_jobs(self.items, aware(self.ctx.clock()))

    def card_texts(self, item: Job) -> tuple[str, ...]:
        where = f"{item.employer} · {item.location}" if item.location else item.employer
        pay = salary_range(item, self.ctx.language)
        return item.title, f"{pay} · {headcount_text(item)}", where

    def detail_params(self, item: Job) -> JobParams:
        return JobParams(job=item)

    def show_jobs(self, jobs: list[Job]) -> None:
        self.show_items(jobs)

    def visible_jobs(self) -> list[Job]:
        return self.visible_items()


class JobDetailScreen(Screen[JobParams]):
    """A job on short pages: what and how much, where and whom to call, then the requirements.
    "我有意向" on every page leads to the phone number."""

    name = ScreenName.JOB_DETAIL
    Params = JobParams
    prompt_id = "job_detail"
    bar_buttons = frozenset({BarButton.BACK, BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.job: Job | None = None
        self.page = 0
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, m // 2, m, m // 2)
        layout.setSpacing(theme.gap)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet(f"font-size: {theme.primary_px}px; font-weight: bold;")
        self.facts = QWidget(self)
        self.grid = QGridLayout(self.facts)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(theme.gap * 2)
        self.grid.setVerticalSpacing(theme.px(12))
        self.grid.setColumnStretch(1, 1)
        self.fact_labels: list[tuple[QLabel, QLabel]] = []
        for row in range(DETAIL_FACT_ROWS):
            key = QLabel(self.facts)
            key.setProperty("role", "secondary")
            key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel(self.facts)
            value.setWordWrap(True)
            value.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(key, row, 0)
            self.grid.addWidget(value, row, 1)
            self.fact_labels.append((key, value))
        self.requirements = QLabel(self)
        self.requirements.setWordWrap(True)
        self.requirements.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.pager = Pager(theme, self)
        self.interest_button = BigButton(theme, "primary", self)
        self.pager.add_action(self.interest_button)
        self.pager.previous.connect(lambda: self._turn(-1))
        self.pager.next.connect(lambda: self._turn(1))
        self.interest_button.clicked.connect(self._interested)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.requirements, 1)
        layout.addStretch(0)  # takes the room only while the requirements are hidden
        layout.addWidget(self.pager)
        # the requirements text shares a page with nothing: its capacity is the full content area
        self._capacity = text_capacity(theme, reserved_h=theme.px(BODY_LINE_PX))

    def enter(self, params: JobParams) -> None:
        if params.job is not self.job:
            self.page = 0
        self.job = params.job
        super().enter(params)

    def pages(self) -> list[list[tuple[str, str]] | str]:
        """Fact pages (rows of key, value) then requirement pages (text)."""
        job = self.job
        if job is None:
            return [[]]
        day = in_language(self.ctx.language, format_date, format_date_en)
        facts = [
            (QCoreApplication.translate("Jobs", "工资"), salary_range(job, self.ctx.language)),
            (QCoreApplication.translate("Jobs", "招聘人数"), headcount_text(job)),
            (QCoreApplication.translate("Jobs", "招聘单位"), job.employer),
        ]
        more = [
            (QCoreApplication.translate("Jobs", "工作地点"), job.location),
            (QCoreApplication.translate("Jobs", "报名截止"), day(aware(job.expires_at).date())),
            (QCoreApplication.translate("Jobs", "联系电话"), job.contact_phone),
        ]
        pages: list[list[tuple[str, str]] | str] = [facts, [(k, v) for k, v in more if v]]
        if job.requirements.strip():
            cap = self._capacity
            pages += paginate_text(job.requirements, cap.chars_per_line, cap.lines_per_page)
        return pages

    def _turn(self, step: int) -> None:
        self.page = min(max(self.page + step, 0), len(self.pages()) - 1)
        self.retranslate()
        self.prompt_changed.emit()

    def _interested(self) -> None:
        if self.job is not None:
            self.navigate.emit(ScreenName.PHONE_ENTRY, JobParams(job=self.job))

    def utterances(self) -> list[Utterance]:
        if self.job is None:
            return ["job_detail"]
        page = self.pages()[self.page]
        if isinstance(page, str):
            return [Dynamic(page), "job_detail"]
        said = "，".join(f"{k}：{v}" for k, v in page)
        return [Dynamic(self.job.title if self.page == 0 else ""), Dynamic(said), "job_detail"]

    def retranslate(self) -> None:
        self.interest_button.setText(QCoreApplication.translate("Jobs", "我有意向"))
        pages = self.pages()
        self.page = min(self.page, len(pages) - 1)
        self.pager.set_page(self.page, len(pages))
        page = pages[self.page]
        job = self.job
        self.title.setText(job.title if job is not None and self.page == 0 else "")
        self.title.setVisible(bool(self.title.text()))
        if isinstance(page, str):
            self.facts.hide()
            self.requirements.setText(
                f"{QCoreApplication.translate('Jobs', '岗位要求')}：\n{page}"
                if self._first_text()
                else page
            )
            self.requirements.show()
            return
        self.requirements.hide()
        self.requirements.setText("")
        self.facts.show()
        for row, (key, value) in enumerate(self.fact_labels):
            if row < len(page):
                key.setText(page[row][0])
                value.setText(page[row][1])
                key.show()
                value.show()
            else:
                key.hide()
                value.hide()

    def _first_text(self) -> bool:
        pages = self.pages()
        return self.page > 0 and not isinstance(pages[self.page - 1], str)

    def clear(self) -> None:
        super().clear()
        self.job = None
        self.page = 0
        self.retranslate()


class JobInterestDoneScreen(Screen[JobParams]):
    """After the phone number was recorded: said and shown, then 完成 leads to the rating."""

    name = ScreenName.JOB_INTEREST_DONE
    Params = JobParams
    prompt_id = "job_interest_done"
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    done = Signal(str)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m * 2, m, m * 2, m)
        layout.setSpacing(theme.gap * 2)
        self.banner = StatusBanner(self)
        self.banner.setStyleSheet(f"font-size: {theme.primary_px}px;")
        self.job_line = secondary_label(self)
        self.button = BigButton(theme, "primary", self)
        self.button.setMinimumWidth(theme.px(420))
        self.button.clicked.connect(lambda: self.done.emit("jobs"))
        layout.addStretch(1)
        layout.addWidget(self.banner)
        layout.addWidget(self.job_line)
        layout.addStretch(1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.banner.show_status(Status.SUCCESS, QCoreApplication.translate("Jobs", "已登记"))
        job = self.params.job
        self.job_line.setText(f"{job.title}\n{job.employer}" if job is not None else "")
        self.button.setText(QCoreApplication.translate("Jobs", "完成"))

    def clear(self) -> None:
        super().clear()
        self.job_line.setText("")
