"""An English screen shows no Chinese but the residents' own data: every scene rendered in English
at the three sizes, every visible text (labels, buttons, tiles, the step line, the overlay) walked
for Han characters and Chinese punctuation. Allowed: what the synthetic samples hold as data (the
residents' names, whole or masked; job titles, employers and notices as the county sends them, in
Chinese only) and the township's name from the configuration. And the catalogue has nothing
unfinished: no entry of kiosk_en.ts is `type="unfinished"` or empty.

This measures: the countdown's "30 秒后回到首页" (missing from the .ts) failed it at all three
sizes; the certification result's bare "window 1 of the town service centre" failed the capitals.
Time: ~15 s for the three sizes.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from kiosk.demo import samples, service_samples, statement_samples
from kiosk.resources import asset
from tests.ui.screens.rendered import SIZES, rendered_scenes, text_widgets

# Han ideographs (CJK unified, extensions A to F, compatibility) and Chinese punctuation
# (CJK symbols and punctuation such as 。「」, full-width forms such as ，：（）); not the
# ideographic space U+3000, which some lines use as a wide gap between their parts.
CHINESE = re.compile(
    "[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]+"
)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def resident_data(township: str) -> list[str]:
    """Every string of the synthetic samples (people, jobs, notices, statements) + the township."""
    cards = [samples.SAMPLE_CARD, samples.RARE_NAME_CARD, samples.EXPIRED_CARD]
    data = [township]
    for value in (
        cards,
        service_samples.SAMPLE_RESIDENT,
        service_samples.SAMPLE_JOBS,
        service_samples.SAMPLE_NOTICES,
        [statement_samples.statement_resident(card) for card in cards],
    ):
        data.extend(_strings(value))
    return [s for s in data if CHINESE.search(s)]


def chinese_outside_data(text: str, data: list[str]) -> list[str]:
    """The runs of Chinese in `text` that are not part of a resident's data: a masked name
    (王*英) or a title cut short (…) leaves runs that are pieces of one data string."""
    return [run for run in CHINESE.findall(text) if not any(run in d for d in data)]


def test_the_check_finds_chinese_and_spares_data():
    data = resident_data("青山镇")
    assert chinese_outside_data("30 秒后回到首页", data) == ["秒后回到首页"]
    assert chinese_outside_data("王*英，您好。", data) == ["英，您好。"]
    assert chinese_outside_data("Hello, 王*英", data) == []
    assert chinese_outside_data("Qingshan Town · 青山镇", data) == []
    assert chinese_outside_data("Back to Home in 30 seconds", data) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_chinese_on_an_english_screen(kiosk_config, qtbot, size):
    config = kiosk_config()
    data = resident_data(config.terminal.township_name)
    found: dict[str, list[str]] = {}
    lowercase: dict[str, list[str]] = {}
    texts = 0
    for scene, app in rendered_scenes(config, size, "en"):
        switch = app.frame.top_bar.language_button  # "中文": labelled in the language it gives
        # technicians' screens show codes and paths ("out_of_paper", "/var/lib/kiosk/exports")
        current = app.navigator.current
        resident_facing = current is not None and current.resident_facing
        for item in text_widgets(app):
            if item.under_overlay or item.widget is switch:
                continue  # under the overlay: hidden (tests/ui/screens/test_contrast.py)
            texts += 1
            if chinese_outside_data(item.text, data):
                found.setdefault(scene, []).append(item.text)
            if resident_facing and starts_in_lowercase(item.text):
                lowercase.setdefault(scene, []).append(item.text)
    assert texts > 200
    assert found == {}
    assert lowercase == {}  # "window 1 of the town service centre" on a line of its own was


def starts_in_lowercase(text: str) -> list[str]:
    """Lines whose first letter or digit is a lowercase letter: a fragment, not a sentence."""
    firsts = (next((c for c in line if c.isalnum()), "") for line in text.splitlines())
    return [line for line, c in zip(text.splitlines(), firsts, strict=True) if c.islower()]


def test_a_fragment_is_told_from_a_sentence():
    assert starts_in_lowercase("Please go to the counter\nwindow 1 of the town service centre") == [
        "window 1 of the town service centre"
    ]
    assert starts_in_lowercase("○ offline") == ["○ offline"]
    assert starts_in_lowercase("3 tries left\n✓ Done · Home\n王*英") == []


def test_no_translation_is_unfinished():
    unfinished: list[str] = []
    for context in ET.parse(asset("translations", "kiosk_en.ts")).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = [f.text or "" for f in forms] or [
                "" if translation is None else translation.text or ""
            ]
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not all(t.strip() for t in texts)
            ):
                unfinished.append(f"{name}: {message.findtext('source')}")
    assert unfinished == []


def test_the_home_button_is_home_everywhere():
    """One term per thing: 首页 is "Home" on the bar, the result screens and in the sentences
    that send the resident there (it was "Start", "Back to start" and "the start")."""
    english: dict[str, list[str]] = {}
    for message in ET.parse(asset("translations", "kiosk_en.ts")).getroot().iter("message"):
        english.setdefault(message.findtext("source") or "", []).append(
            message.findtext("translation") or ""
        )
    assert set(english["首页"]) == {"Home"}
    assert set(english["返回首页"]) == {"Home"}
    homeward = {s: t for s, ts in english.items() for t in ts if "首页" in s}
    assert len(homeward) >= 4
    assert all("Home" in t for t in homeward.values()), homeward
    start = re.compile(r"\b(to|the) start\b|^Start$")
    assert [t for ts in english.values() for t in ts if start.search(t)] == []
