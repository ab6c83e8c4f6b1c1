"""The contribution statement, read back with poppler's tools (pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kiosk.documents import DocumentContext, build_statement, statement_content, verify_code
from kiosk.documents.formatting import money
from tests.fixtures.common import require_tool
from tests.integration.documents.conftest import make_resident

CODE_RE = re.compile(r"核验码：?\s*([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})")


def flat(text: str) -> str:
    """pdftotext drops some spaces between runs: compare without whitespace."""
    return re.sub(r"\s+", "", text)


def write(tmp_path: Path, pdf: bytes, name: str = "statement.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def test_one_page_statement_content(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    resident = make_resident(range(2024, 2026))
    doc = build_statement(resident, ctx)
    text = pdftotext(write(tmp_path, doc.pdf))

    assert doc.pages == 1
    assert "社会保险参保缴费证明" in text
    assert "青山镇" in text and "T-320102001-003" in text
    assert "打印时间：2026年11月28日 14:32" in text
    assert "王䶮英" in text  # the rare character survives, as text too
    assert "3201**********123X" in text
    assert "32010219650315123X" not in text
    for scheme in (
        "职工养老保险",
        "城乡居民养老保险",
        "失业保险",
        "医疗保险",
        "工伤保险",
        "生育保险",
    ):
        assert f"{scheme} 小计" in text
    personal = sum(c.personal_cents for c in resident.contributions)
    unit = sum(c.unit_cents for c in resident.contributions)
    assert money(personal) in text and money(unit) in text
    assert "个人账户余额：¥123,456.50" in text
    assert "本证明依据2026年11月27日的离线数据生成" in flat(text)
    assert "第1页/共1页" in flat(text)
    codes = set(CODE_RE.findall(text))
    assert codes == {doc.verification_code}


def test_online_statement_has_no_offline_note(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    online = replace(ctx, offline=False, data_as_of=None)
    text = pdftotext(write(tmp_path, build_statement(make_resident(range(2024, 2026)), online).pdf))
    assert "离线数据" not in text


def test_every_font_is_embedded_truetype_never_stsong(
    tmp_path: Path, ctx: DocumentContext, pdffonts: Callable[[Path], list[dict[str, str]]]
) -> None:
    rows = pdffonts(write(tmp_path, build_statement(make_resident(range(2020, 2026)), ctx).pdf))
    names = [row["name"] for row in rows]
    assert any("WenQuanYiMicroHei" in n for n in names), names
    assert any("HanaMin" in n for n in names), names  # the fallback for 䶮
    assert all(row["emb"] == "yes" for row in rows), rows
    assert all(row["uni"] == "yes" for row in rows), rows
    assert not any("STSong" in n or "Helvetica" in n for n in names), names


def test_thirty_years_flow_over_pages_with_header_and_numbers_on_each(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    resident = make_resident(range(1996, 2026))
    assert len(resident.contributions) == 180
    doc = build_statement(resident, ctx)
    pdf = write(tmp_path, doc.pdf)

    assert doc.pages >= 4
    years_seen: dict[str, int] = {}
    for page in range(1, doc.pages + 1):
        text = pdftotext(pdf, page=page)
        assert f"第{page}页/共{doc.pages}页" in flat(text)
        assert f"核验码{doc.verification_code}" in flat(text)
        assert "青山镇" in text
        # whose statement, on every page (a loose page still says so), the ID masked
        assert "王䶮英" in text and "3201**********123X" in text, page
        if page < doc.pages:  # the table reaches every page but the last may hold only totals
            for heading in ("险种", "年度", "缴费月数", "缴费基数（月）", "个人缴纳", "单位缴纳"):
                assert heading in text, (page, heading)
        for year in re.findall(r"\b(19\d\d|20[0-2]\d)\b", text):
            years_seen[year] = years_seen.get(year, 0) + 1
    assert all(years_seen.get(str(y), 0) >= 6 for y in range(1996, 2026)), years_seen
    whole = pdftotext(pdf)
    assert money(sum(c.personal_cents for c in resident.contributions)) in whole
    assert "个人账户余额" in pdftotext(pdf, page=doc.pages)


def test_pages_render_to_png(tmp_path: Path, ctx: DocumentContext) -> None:
    doc = build_statement(make_resident(range(1996, 2026)), ctx)
    pdf = write(tmp_path, doc.pdf)
    subprocess.run(
        [require_tool("pdftoppm"), "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == doc.pages
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_printed_code_verifies_and_detects_alteration(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    resident = make_resident(range(2020, 2026))
    text = pdftotext(write(tmp_path, build_statement(resident, ctx).pdf))
    (printed,) = set(CODE_RE.findall(text))

    assert verify_code(statement_content(resident, ctx), ctx.secret, printed)
    first = resident.contributions[0]
    altered = replace(
        resident,
        contributions=[
            replace(first, unit_cents=first.unit_cents + 100),
            *resident.contributions[1:],
        ],
    )
    assert not verify_code(statement_content(altered, ctx), ctx.secret, printed)
    assert not verify_code(statement_content(resident, replace(ctx, secret=b"x")), b"x", printed)


def test_resident_without_contributions_gets_a_statement_saying_so(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    resident = replace(make_resident(range(0)), account_balance_cents=0)
    text = pdftotext(write(tmp_path, build_statement(resident, ctx).pdf))
    assert "暂无缴费记录" in text
    assert "个人账户余额：¥0.00" in text


def test_a_long_township_name_and_name_share_the_header_without_overlap(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    long_ctx = replace(ctx, township_name="某某自治县某某满族蒙古族乡人民政府便民服务中心")
    doc = build_statement(make_resident(range(1996, 2026), name="欧阳𠮷䶮英"), long_ctx)
    text = pdftotext(write(tmp_path, doc.pdf), page=2, layout=True)
    lines = [line for line in text.splitlines() if line.strip()]
    # the subject does not fit beside this header: it goes on its own line above, whole
    assert "欧阳𠮷䶮英" in lines[0] and "3201**********123X" in lines[0]
    assert "打印时间：2026年11月28日 14:32" in lines[1]
    assert "欧阳" not in lines[1]


def test_the_resident_sits_beside_a_usual_header(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    doc = build_statement(make_resident(range(1996, 2026)), ctx)
    text = pdftotext(write(tmp_path, doc.pdf), page=2, layout=True)
    (header,) = [line for line in text.splitlines() if "打印时间" in line]
    assert header.index("打印时间") < header.index("王䶮英") < header.index("3201**********123X")


def test_the_screen_copy_masks_the_name_and_drops_the_data_note(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    """The preview is read over the resident's shoulder: 王*英, no "依据…的离线数据生成"; the
    printed statement keeps both, and the two carry the same code."""
    resident = make_resident(range(2024, 2026))
    printed = build_statement(resident, ctx)
    shown = build_statement(resident, ctx, on_screen=True)
    text = flat(pdftotext(write(tmp_path, shown.pdf, "shown.pdf")))
    assert "姓名：王*英" in text
    assert "王䶮英" not in text
    assert "离线数据" not in text and "依据" not in text
    assert "3201**********123X" in text
    assert shown.verification_code == printed.verification_code
    printed_text = flat(pdftotext(write(tmp_path, printed.pdf)))
    assert "姓名：王䶮英" in printed_text and "离线数据生成" in printed_text
