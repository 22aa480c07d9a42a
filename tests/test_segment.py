"""Word breaking and clusters (pipun_desktop.thai.segment)."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from pipun_desktop.thai import segment

THAI_CHARS = [chr(c) for c in range(0x0E01, 0x0E5C) if unicodedata.category(chr(c)) != "Cn"]


def test_clusters_keep_marks_with_their_base():
    assert segment.clusters("ที่นี่ปี่น้ำ") == ["ที่", "นี่", "ปี่", "น้ำ"]
    assert segment.clusters("ฤๅษี") == ["ฤๅ", "ษี"]
    assert segment.clusters("ผู้ใหญ่") == ["ผู้", "ให", "ญ่"]


def test_leading_vowels_stay_with_next_consonant():
    # pythainlp's tcc starts a token with a combining mark in these words
    for word in ("เรื่อง", "เสื้อ", "เนื้อ"):
        cl = segment.clusters(word)
        assert "".join(cl) == word
        assert all(not unicodedata.category(c[0]).startswith("M") for c in cl)
    assert segment.clusters("เรื่อง")[0] == "เรื่"


def test_followers_stay_with_preceding_cluster():
    assert segment.clusters("ป่า") == ["ป่า"]
    assert segment.clusters("ทำ") == ["ทำ"]
    assert segment.clusters("ต่างๆ") == ["ต่า", "งๆ"]


def test_words_keep_dictionary_words_and_spaces():
    w = segment.words("องค์การบริหารส่วนตำบลพิปูน ได้มีการจัดทำแผน")
    assert "".join(w) == "องค์การบริหารส่วนตำบลพิปูน ได้มีการจัดทำแผน"
    assert " " in w
    assert "จัดทำ" in w or "จัด" in w


def test_subwords_split_compounds():
    parts = segment.subwords("ผู้บริหารท้องถิ่น")
    assert "".join(parts) == "ผู้บริหารท้องถิ่น"
    assert len(parts) > 1


def test_break_units_glue_brackets():
    units = segment.break_units("ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) ประจำ")
    assert "(" not in units and ")" not in units
    assert "".join(units) == "ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) ประจำ"


thai_text = st.text(alphabet=st.sampled_from(THAI_CHARS + [" ", "a", "1"]), min_size=0, max_size=60)


@settings(max_examples=300, deadline=None)
@given(thai_text)
def test_clusters_and_words_give_the_text_back(text):
    assert "".join(segment.clusters(text)) == text
    assert "".join(segment.words(text)) == text
    assert "".join(segment.break_units(text)) == text


@settings(max_examples=300, deadline=None)
@given(thai_text)
def test_word_boundaries_are_cluster_boundaries(text):
    allowed = segment.cluster_boundaries(text)
    pos = 0
    for tok in segment.words(text)[:-1]:
        pos += len(tok)
        assert pos in allowed


def test_word_set_segments_like_pythainlps_trie():
    from pythainlp.tokenize import newmm, word_dict_trie

    text = (
        "องค์การบริหารส่วนตำบลพิปูน ได้มีการจัดทำแผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔) "
        "เพื่อใช้เป็นกรอบดำเนินงานในการป้องกันการทุจริตภายในองค์กร ที่นี่ปี่น้ำ ผู้ใหญ่บ้าน ITA 2566"
    )
    assert newmm.segment(text, custom_dict=segment._trie("word")) == newmm.segment(
        text, custom_dict=word_dict_trie()
    )


def test_unknown_fragments_stick_to_their_neighbour():
    # newmm gives "พิ" + "ปูน" for the name; a line must not break between them
    units = segment.break_units("องค์การบริหารส่วนตำบลพิปูน ได้มีการ")
    assert "พิปูน" in units or "องค์การบริหารส่วนตำบลพิปูน" in units
    assert segment.subwords("องค์การบริหารส่วนตำบลพิปูน") == ["องค์การบริหารส่วนตำบล", "พิปูน"]
    assert segment.subwords("องค์การบริหารส่วนตำบล") == ["องค์", "การบริหาร", "ส่วน", "ตำบล"]


def test_no_break_at_a_no_break_space():
    units = segment.break_units("นาย\u00a0ทรงศักดิ์ คเชนทร์ ๑๐\u00a0บาท")
    assert "๑๐\u00a0บาท" in units
    assert all(not u.startswith("\u00a0") and not u.endswith("\u00a0") for u in units)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(THAI_CHARS), min_size=1, max_size=40))
def test_word_set_prefixes_equal_the_tries(text):
    from pythainlp.tokenize import word_dict_trie

    trie = word_dict_trie()
    ours = segment._trie("word")
    for i in range(len(text)):
        assert ours.prefixes(text, i) == trie.prefixes(text, i)


def test_word_set_prefixes_on_real_words():
    from pythainlp.tokenize import word_dict_trie

    text = "องค์การบริหารส่วนตำบลพิปูนได้มีการจัดทำแผนปฏิบัติการป้องกันการทุจริตกระทรวงมหาดไทยว่าด้วย"
    trie = word_dict_trie()
    ours = segment._trie("word")
    assert [ours.prefixes(text, i) for i in range(len(text))] == [
        trie.prefixes(text, i) for i in range(len(text))
    ]


def test_word_breaking_writes_nothing_in_the_users_home(tmp_path):
    """pythainlp would make ~/pythainlp-data on first use; the program only reads its bundled word list."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP_")}
    env["HOME"] = env["USERPROFILE"] = str(tmp_path)
    res = subprocess.run(
        [
            sys.executable,
            "-c",
            "from pipun_desktop.thai.segment import words; print('|'.join(words('ที่นี่ปี่น้ำ')))",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "ที่นี่|ปี่|น้ำ"
    assert list(tmp_path.iterdir()) == []
