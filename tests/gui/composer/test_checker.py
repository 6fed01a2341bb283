"""Person-name findings carried through edits until the analyser answers for the new text."""

from __future__ import annotations

from core.checks.model import Finding, Severity
from gui.composer.checker import carried

OLD = "".join(f"{n}行目 担当は山田太郎さんです。\n" for n in range(1, 30))


def names_in(text: str) -> list[Finding]:
    found = []
    start = text.find("山田太郎")
    while start != -1:
        found.append(Finding("person.name", Severity.CONFIRM, ("wako:5-ア",), "人名", "name", start, start + 4))
        start = text.find("山田太郎", start + 1)
    return found


def words(text: str, findings: tuple[Finding, ...]) -> list[str]:
    return [text[f.start or 0 : f.end or 0] for f in findings]


def test_enter_at_the_top_moves_every_name_instead_of_dropping_them() -> None:
    new = "\n" + OLD
    kept = carried(names_in(OLD), OLD, new)
    assert [f.start for f in kept] == [f.start for f in names_in(new)]
    assert words(new, kept) == ["山田太郎"] * 29


def test_a_paste_in_the_middle_keeps_the_names_before_and_moves_those_after() -> None:
    cut = OLD.index("15行目")
    new = OLD[:cut] + "【追記】会場は中央公園です。\n" + OLD[cut:]
    assert [f.start for f in carried(names_in(OLD), OLD, new)] == [f.start for f in names_in(new)]


def test_a_deleted_line_takes_its_name_with_it() -> None:
    start = OLD.index("7行目")
    end = OLD.index("8行目")
    new = OLD[:start] + OLD[end:]
    kept = carried(names_in(OLD), OLD, new)
    assert len(kept) == 28
    assert [f.start for f in kept] == [f.start for f in names_in(new)]


def test_a_name_that_was_edited_is_dropped() -> None:
    at = OLD.index("山田太郎", OLD.index("10行目"))
    new = OLD[: at + 1] + "中" + OLD[at + 2 :]  # 山田太郎 → 山中太郎
    kept = carried(names_in(OLD), OLD, new)
    assert len(kept) == 28
    assert words(new, kept) == ["山田太郎"] * 28


def test_two_edits_apart_keep_the_names_between_them_where_their_words_are() -> None:
    cut = OLD.index("20行目")
    new = "\n" + OLD[:cut] + "x" + OLD[cut:]
    kept = carried(names_in(OLD), OLD, new)
    assert words(new, kept) == ["山田太郎"] * len(kept)
    assert len(kept) >= 28 - 18  # those after the second edit at least; none misplaced
