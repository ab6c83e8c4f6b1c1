"""Chinese personal names for synthetic residents, including rare characters the kiosk must render.

Rare characters come from CJK Extension A (BMP) and Extension B/C (outside the BMP, surrogate pairs
in UTF-16): they break fonts, card encodings and naive string slicing, so the data carries them.
"""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐")
MALE_CHARS = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林国建志文斌海峰春德福寿"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英华慧巧美娅琳玲桂兰凤洁梅琴云莲真环雪荣爱妹燕红翠珍"
NEUTRAL_CHARS = "晨阳思佳嘉一子新文安雨欣明心"
RARE_EXT_A = "䶮㑇㛃䴔"
RARE_EXT_BC = "𠮷𪚥𡒄𫖯"
RARE_BMP = "堃喆淼犇昇"

SINGLE_GIVEN_SHARE = 0.3  # two-character names (surname + one)
RARE_SHARE = 0.02


def _given_char(rng: random.Random, male: bool) -> str:
    pool = MALE_CHARS if male else FEMALE_CHARS
    return rng.choice(pool + NEUTRAL_CHARS if rng.random() < 0.2 else pool)


def chinese_name(rng: random.Random, male: bool, style: str = "random") -> str:
    """A name; `style` forces `ext_a`, `ext_b` (rare characters) or `compound` (4 characters)."""
    if style == "ext_b":
        return rng.choice("王张陈刘") + rng.choice(RARE_EXT_BC)
    if style == "ext_a":
        return rng.choice("李赵周吴") + rng.choice(RARE_EXT_A)
    if style == "compound":
        return rng.choice(COMPOUND_SURNAMES) + _given_char(rng, male) + _given_char(rng, male)
    surname = rng.choice(SURNAMES)
    if rng.random() < RARE_SHARE:
        return surname + _given_char(rng, male) + rng.choice(RARE_EXT_A + RARE_EXT_BC + RARE_BMP)
    if rng.random() < SINGLE_GIVEN_SHARE:
        return surname + _given_char(rng, male)
    return surname + _given_char(rng, male) + _given_char(rng, male)
