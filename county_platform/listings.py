"""Synthetic job postings (per township) and policy notices (county-wide) in Chinese."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

CST = timezone(timedelta(hours=8))
FEN = 100
JOB_COUNT = 20
EXPIRED_JOBS = 2  # the kiosk must hide these itself

# title, employer, requirements, salary range in yuan per month
_JOBS = (
    ("保洁员", "南京鸡鸣物业管理有限公司", "身体健康，能吃苦耐劳，60岁以下", (2600, 3200)),
    ("护工", "玄武区颐和养老院", "有护理经验优先，提供培训，50岁以下", (4000, 5500)),
    ("电子厂普工", "南京金陵电子有限公司", "18-45周岁，能适应两班倒，包吃住", (4500, 6500)),
    ("保安员", "南京钟山保安服务有限公司", "55岁以下男性，持保安员证优先", (3200, 4000)),
    ("食堂帮厨", "南京市第一医院后勤服务中心", "有健康证，会简单切配", (3000, 3600)),
    ("快递分拣员", "江苏苏宁物流有限公司", "18-50周岁，夜班有补贴", (4800, 6800)),
    ("绿化养护工", "南京梅花山园林绿化有限公司", "能从事户外工作，懂修剪优先", (3000, 3800)),
    ("家政服务员", "玄武区巾帼家政服务社", "细心负责，会做饭优先，可住家", (5000, 7000)),
    ("收银员", "南京新街口百货商店", "会使用收银系统，有耐心", (3200, 4200)),
    ("叉车司机", "江苏华东精密机械有限公司", "持叉车证，两年以上经验", (5500, 7500)),
    ("纺织挡车工", "江苏长江纺织有限公司", "女性优先，熟练工计件", (4200, 6000)),
    ("汽车配件装配工", "南京秦淮汽车配件厂", "初中以上学历，视力良好", (4600, 6200)),
    ("面点师", "南京钟山宾馆", "会做中式面点，三年以上经验", (5000, 7000)),
    ("道路清扫员", "南京市玄武区环境卫生管理所", "60岁以下，早班", (2800, 3300)),
    ("仓库管理员", "南京太平商贸有限公司", "会使用电脑，细心", (4000, 5000)),
    ("育婴员", "玄武区巾帼家政服务社", "持育婴师证，有带孩子经验", (6000, 8500)),
    ("农机操作手", "玄武区锁金村农业专业合作社", "会操作收割机，农忙季节用工", (5000, 8000)),
    ("电焊工", "南京玄武建筑工程有限公司", "持焊工证，能出差", (6500, 9000)),
    ("外卖骑手", "玄武区同城配送站", "18-50周岁，自备电动车，多劳多得", (5000, 9000)),
    ("社区网格员", "玄武街道办事处", "高中以上学历，本地户籍优先，熟悉电脑", (3500, 4300)),
)

_NOTICES = (
    (
        "2027年度养老金领取资格认证开始",
        "领取养老金的居民请于到期日前在本服务中心自助一体机或手机"
        "上完成资格认证。逾期未认证的，将暂停发放养老金，认证后恢复并补发。",
    ),
    (
        "2027年度城乡居民医保缴费提醒",
        "2027年度城乡居民基本医疗保险个人缴费标准为每人每年400元，"
        "缴费期至12月31日。可在自助一体机查询缴费情况，或到村（社区）代办点缴费。",
    ),
    (
        "失业保险金按月认证说明",
        "领取失业保险金的人员需每月在本服务中心完成一次指纹认证，连续两个月未认证的将暂停发放。",
    ),
    (
        "社会保障卡换领第三代卡",
        "第三代社会保障卡支持电子社保卡和交通出行，旧卡继续有效。"
        "换卡请携带身份证到镇人社服务窗口办理，不收工本费。",
    ),
    (
        "冬季就业援助月招聘会",
        "12月15日上午9点在镇文化站举办就业援助月专场招聘会，"
        "20余家企业提供保洁、护工、普工等岗位，欢迎就业困难人员参加。",
    ),
    (
        "城乡居民养老保险缴费档次调整",
        "自2027年1月1日起，城乡居民养老保险个人缴费档次调整为"
        "每年200元至3000元共十二个档次，多缴多得，政府给予相应补贴。",
    ),
    (
        "防范冒领养老金的提醒",
        "领取人去世的，家属应在30日内到服务中心办理停发手续。冒领养老金将依法追回并追究责任。",
    ),
    (
        "自助一体机服务时间",
        "本服务中心自助一体机每日7:30至19:30开放，可办理资格认证、"
        "缴费记录打印、待遇查询和招聘信息浏览。如遇故障请拨打服务热线12333。",
    ),
)


def _at(day: date, rng: random.Random) -> datetime:
    minutes = rng.randint(8 * 60 + 30, 17 * 60)
    return datetime.combine(day, time(minutes // 60, minutes % 60), CST)


def generate_jobs(township_code: str, seed: int, today: date) -> list[dict[str, Any]]:
    """About twenty postings for the township; the first two have already expired."""
    rng = random.Random(f"jobs:{seed}:{township_code}")
    jobs: list[dict[str, Any]] = []
    for number, (title, employer, requirements, (low, high)) in enumerate(_JOBS, start=1):
        expired = number <= EXPIRED_JOBS
        posted = _at(
            today - timedelta(days=rng.randint(35, 60) if expired else rng.randint(1, 30)), rng
        )
        expires = posted + timedelta(days=rng.randint(10, 30) if expired else rng.randint(45, 120))
        jobs.append({
            "job_id": f"J-{township_code}-{number:04d}", "title": title, "employer": employer,
            "township_code": township_code, "location": f"{employer}（玄武区）",
            "salary_min_cents": low * FEN, "salary_max_cents": high * FEN,
            "headcount": rng.choice((1, 2, 3, 5, 8, 10, 20)), "requirements": requirements,
            "contact_phone": f"025-8{rng.randint(0, 9999999):07d}",
            "posted_at": posted.isoformat(), "expires_at": expires.isoformat(),
        })  # fmt: skip
    return jobs


def generate_notices(region: str, seed: int, today: date) -> list[dict[str, Any]]:
    """Eight county-wide notices; one without an end date, one already expired."""
    rng = random.Random(f"notices:{seed}:{region}")
    notices: list[dict[str, Any]] = []
    for number, (title, body) in enumerate(_NOTICES, start=1):
        published = _at(today - timedelta(days=rng.randint(10, 60)), rng)
        expires: str | None = (published + timedelta(days=rng.randint(60, 180))).isoformat()
        if number == len(_NOTICES):
            expires = None
        elif number == len(_NOTICES) - 1:
            expires = (published + timedelta(days=7)).isoformat()  # already expired
        notices.append({
            "notice_id": f"N-{region}-{number:03d}", "title": title, "body": body,
            "published_at": published.isoformat(), "expires_at": expires,
        })  # fmt: skip
    return notices
