import threading

from core.checks import DraftInput, check_person_names, run_checks, with_person_names
from core.checks.rules.person_names import find_person_names
from core.organization.profile import OrganizationProfile

PROFILE = OrganizationProfile("和光市")


def test_names_found_with_original_spans():
    text = "受賞者の鈴木一郎さんと、ｻﾄｳさん"
    names = find_person_names(text)
    assert (names[0].surface, text[names[0].start : names[0].end]) == ("鈴木一郎", "鈴木一郎")


def test_place_names_are_not_person_names():
    assert find_person_names("和光市役所で開催します") == []


def test_off_by_default_in_run_checks_and_merged_later():
    draft = DraftInput("担当は山田太郎です")
    fast = run_checks(draft, PROFILE)
    assert [f.rule_id for f in fast.findings] == []
    names = check_person_names(draft, PROFILE)
    assert [(f.rule_id, draft.text[f.start : f.end]) for f in names] == [("pii.person_name", "山田太郎")]
    merged = with_person_names(fast, names)
    assert [f.rule_id for f in merged.findings] == ["pii.person_name"]
    full = run_checks(draft, PROFILE, include_person_names=True)
    assert full.findings == merged.findings


def test_runs_from_several_threads():
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def work():
        try:
            results.append([n.surface for n in find_person_names("佐藤花子さんが来た")])
        except BaseException as exc:  # collected and re-raised in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == [["佐藤花子"]] * 4


def test_long_text_is_chunked():
    text = ("本日は晴天なり。\n" * 800) + "田中真紀子さん"
    names = find_person_names(text)
    assert names
    assert text[names[-1].start : names[-1].end] == "田中真紀子"
