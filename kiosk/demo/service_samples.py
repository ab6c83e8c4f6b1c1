"""Synthetic benefits, jobs and notices for screenshots and the demo (invented; belong to nobody).

They are chosen to stress the layout: a name with a CJK extension-B character, a job title and an
employer at their longest plausible lengths, a notice long enough to need several pages.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from kiosk.demo.samples import SAMPLE_CARD
from offline_cache.models import Benefit, Certification, Contribution, Job, Notice, Resident

_TZ = timezone(timedelta(hours=8))
SAMPLE_TIME = datetime(2026, 11, 28, 14, 32, tzinfo=_TZ)

SAMPLE_RESIDENT = Resident(
    person_id=SAMPLE_CARD.person_id,
    name="王秀𠮷",  # masked "王*𠮷": the extension-B character shows on screen
    gender="F",
    birth_date=SAMPLE_CARD.birth_date,
    card_number=SAMPLE_CARD.card_number,
    township_code="320102001",
    version=1,
    account_balance_cents=4_567_890,
    benefits=[
        Benefit(
            kind="pension",
            status="active",
            monthly_amount_cents=234_560,
            certification=Certification(period="annual", due_by=date(2027, 11, 30)),
            paid_until=date(2026, 11, 30),
        ),
        Benefit(
            kind="unemployment",
            status="suspended",
            monthly_amount_cents=154_000,
            certification=Certification(period="monthly", due_by=date(2026, 12, 31)),
            paid_until=date(2026, 8, 31),
        ),
    ],
    contributions=[
        Contribution(year, scheme, 12, 500_000, 40_000, 80_000, "青山镇农机合作社")
        for year in range(2005, 2013)
        for scheme in ("employee_pension", "medical", "unemployment")
    ]
    + [Contribution(year, "resident_pension", 12, 0, 50_000, 0) for year in range(2013, 2027)],
)

_LONG_TITLE = "青山镇现代农业产业园蔬菜大棚种植、采摘、分拣及包装季节性临时工（可住宿，包工作餐）"
_LONG_EMPLOYER = "青山镇绿野现代农业科技发展有限公司第二生产基地（原青山镇蔬菜专业合作社）"

SAMPLE_JOBS: list[Job] = [
    Job(
        job_id="J-001",
        title=_LONG_TITLE,
        employer=_LONG_EMPLOYER,
        township_code="320102001",
        headcount=30,
        posted_at=SAMPLE_TIME - timedelta(days=2),
        expires_at=SAMPLE_TIME + timedelta(days=30),
        location="青山镇东湖村产业园3号大棚（镇政府向东2公里，有班车）",
        salary_min_cents=400_000,
        salary_max_cents=600_000,
        requirements=(
            "年龄18至65周岁，身体健康，能适应大棚内劳动。\n"
            "吃苦耐劳，服从安排，有种植经验者优先。\n"
            "每天工作8小时，每周休息1天，加班另计工资。"
        ),
        contact_phone="025-5123 4567",
    ),
    Job(
        job_id="J-002",
        title="保洁员",
        employer="青山镇卫生院",
        township_code="320102001",
        headcount=2,
        posted_at=SAMPLE_TIME - timedelta(days=3),
        expires_at=SAMPLE_TIME + timedelta(days=10),
        location="青山镇卫生院",
        salary_min_cents=250_000,
        salary_max_cents=None,
        requirements="60周岁以下，认真负责。",
        contact_phone="025-5123 0000",
    ),
    Job(
        job_id="J-003",
        title="仓库搬运工",
        employer="青山物流园",
        township_code="320102001",
        headcount=5,
        posted_at=SAMPLE_TIME - timedelta(days=5),
        expires_at=SAMPLE_TIME + timedelta(days=20),
        location="青山镇工业路8号",
        salary_min_cents=500_000,
        salary_max_cents=700_000,
    ),
]

_LONG_BODY = "\n".join(
    [
        "各位村（居）民：",
        "根据县人力资源和社会保障局的统一安排，2027年度城乡居民基本养老保险缴费工作"
        "已经开始。缴费档次分为每年300元、500元、1000元、2000元、3000元五个档次，多缴多得，"
        "长缴多得。政府按档次给予每人每年30元至120元不等的缴费补贴。",
        "缴费时间为2026年12月1日至2027年6月30日。可以在镇便民服务中心1号窗口缴费，"
        "也可以通过银行网点或手机银行缴费。",
        "已经领取养老金的老人，请记得每年按时办理资格认证。可以在本机上按指纹办理，"
        "也可以请子女帮忙在手机上办理。行动不便的老人，可以打电话请村干部上门帮助办理。",
        "如有疑问，请咨询镇便民服务中心，电话025-5123 4567。",
    ]
)

SAMPLE_NOTICES: list[Notice] = [
    Notice(
        notice_id="N-001",
        title="关于做好2027年度城乡居民基本养老保险缴费工作及老年人待遇资格认证的通知",
        body=_LONG_BODY,
        published_at=SAMPLE_TIME - timedelta(days=1),
        expires_at=SAMPLE_TIME + timedelta(days=200),
    ),
    Notice(
        notice_id="N-002",
        title="元旦假期便民服务中心办公时间调整",
        body="2027年1月1日至1月3日休息，1月4日正常上班。自助服务一体机照常使用。",
        published_at=SAMPLE_TIME - timedelta(days=3),
    ),
    Notice(
        notice_id="N-003",
        title="失业人员免费技能培训报名",
        body="面点、电工、养老护理三个班，名额有限，请到2号窗口报名。",
        published_at=SAMPLE_TIME - timedelta(days=6),
    ),
]
