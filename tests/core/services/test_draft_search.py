"""The draft list's text search (migration 0022's trigram index): the same drafts as a plain scan, on both databases.

The meaning is the one core/storage/search.py states: the words anywhere in the
title or the text (or the account's ID or name), ASCII letters in either case,
every other character exactly, ``%`` and ``_`` literal, 破棄 only when asked
for. The expected rows are computed here in Python over every draft, so the
two databases are held to one answer.
"""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import select, text

from core.lifecycle.states import DraftState
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftFilter, DraftService, count_drafts, query_drafts
from core.storage import search
from core.storage.migrate import alembic_config, upgrade
from core.storage.models import Draft, DraftVersion, OfficialAccount
from core.storage.search import POSTGRES_INDEXES, SQLITE_TABLE, SQLITE_TERMS
from tests.support.world import World
from tests.support.world_templates import State

TEXTS = [
    ("お知らせ", "市民の皆さまへ。第42号のお知らせです。"),
    ("", "第4242号 ごみ収集日の変更"),
    ("Summer Festival", "ABC def GHI"),
    ("summer festival", "abc DEF ghi"),
    ("ÉTÉ", "été の催し"),
    ("全角", "ＡＢＣ ａｂｃ"),
    ("達成率", "100% 達成しました"),
    ("", "100 達成 a_c と abc"),
    ("引用", 'a "quoted" word / slash // two'),
    ("改行", "一行目\n二行目"),
    ("短い", "x"),
]

QUERIES = [
    "お知らせ",
    "知らせ",
    "ら",
    "お知",
    "第42号",
    "4242",
    "abc",
    "ABC",
    "aBc",
    "summer fest",
    "SUMMER",
    "été",
    "ÉTÉ",
    "Été",
    "ＡＢＣ",
    "ａｂｃ",
    "100%",
    "%",
    "_",
    "a_c",
    "0 達",
    '"quoted"',
    "quoted",
    "/",
    "//",
    "目\n二",
    "x",
    "目",  # the last character of a text
    "行目",
    "す。",
    "Ab",
    "ｃ",  # cased, not ASCII: scans on SQLite
    "é",
    "見本市",
    "josokoiki",
    "どこにもない",
]


def _fold(value: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in value)


def _expected(world: World, words: str, *, discarded: bool = False) -> set[int]:
    """A plain scan in Python over every draft: the search's meaning, independent of either database."""
    wanted = _fold(words)
    with world.store.read() as session:
        accounts = {
            a.id
            for a in session.scalars(select(OfficialAccount))
            if wanted in _fold(a.handle + "\x00" + a.display_name)
        }
        return {
            d.id
            for d in session.scalars(select(Draft))
            if (d.state == DraftState.DISCARDED.value) == discarded
            and (wanted in _fold(d.title) or wanted in _fold(d.text) or d.account_id in accounts)
        }


def _found(world: World, flt: DraftFilter) -> set[int]:
    rows = [row.id for row in query_drafts(world.store, flt, limit=1000)]
    assert len(rows) == len(set(rows))
    assert count_drafts(world.store, flt) == len(rows)
    return set(rows)


class Searched(World):
    """The world with :data:`TEXTS` as drafts: made once per session, copied per test like the world."""

    @classmethod
    def build(cls, env: Environment) -> State:
        state = World.build(env)
        world = World.bound(env, state)
        drafts = DraftService(world.store, world.op1)
        for title, body in TEXTS:
            drafts.create(world.account, body, title=title)
        return state


@pytest.fixture
def searched(env: Environment) -> World:
    return Searched(env)


@pytest.mark.parametrize("words", QUERIES)
def test_search_finds_what_a_plain_scan_finds(searched: World, words: str) -> None:
    assert _found(searched, DraftFilter(text=words)) == _expected(searched, words)


def test_the_cases_are_what_the_meaning_says(searched: World) -> None:
    # A few answers spelled out, so the Python scan above cannot drift into agreeing with a wrong one.
    def titles(words: str) -> set[str]:
        return {row.title for row in query_drafts(searched.store, DraftFilter(text=words))}

    assert titles("aBc") == {"Summer Festival", "summer festival", ""}
    assert titles("Été") == set()  # only ASCII letters fold
    assert titles("ａｂｃ") == {"全角"}
    assert titles("100%") == {"達成率"}  # % is a character, not "anything"
    assert titles("a_c") == {""}
    assert titles("ら") == {"お知らせ"}


def test_edits_and_discarding_reach_the_search(searched: World) -> None:
    drafts = DraftService(searched.store, searched.op1)
    draft_id = drafts.create(searched.account, "古い言葉の本文", title="題名その一")
    assert _found(searched, DraftFilter(text="古い言葉")) == {draft_id}
    with searched.store.read() as session:
        version = session.get_one(Draft, draft_id).row_version
    version = drafts.save(draft_id, version, text="新しい言葉の本文", title="改めた題名")
    assert _found(searched, DraftFilter(text="古い言葉")) == set()
    assert _found(searched, DraftFilter(text="新しい言葉")) == {draft_id}
    assert _found(searched, DraftFilter(text="改めた題")) == {draft_id}
    assert _found(searched, DraftFilter(text="題名その")) == set()
    drafts.discard(draft_id, version)
    assert _found(searched, DraftFilter(text="新しい言葉")) == set()
    found = _found(searched, DraftFilter(text="新しい言葉", state=DraftState.DISCARDED))
    assert found == _expected(searched, "新しい言葉", discarded=True) == {draft_id}


def test_a_submitted_draft_keeps_its_text_found(searched: World) -> None:
    version_id = searched.submitted(searched.op1, "提出された新版の本文")
    with searched.store.read() as session:
        draft_id = session.get_one(DraftVersion, version_id).draft_id
    assert _found(searched, DraftFilter(text="新版の本")) == {draft_id}


def test_the_trigram_index_answers_and_short_queries_scan(searched: World, monkeypatch: pytest.MonkeyPatch) -> None:
    store = searched.store
    from sqlalchemy import func

    from core.services.drafts import _filtered

    def plan(words: str, *, seqscan: bool = False) -> str:
        with store.read() as session:
            query = _filtered(select(func.count(Draft.id)), DraftFilter(text=words), session)
        with store.engine.connect() as conn:
            if store.dialect == "postgresql":
                conn.exec_driver_sql(f"SET enable_seqscan = {'on' if seqscan else 'off'}")
                compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
                return "\n".join(conn.exec_driver_sql(f"EXPLAIN {compiled}").scalars())
            compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
            return "\n".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))

    if store.dialect == "postgresql":
        assert POSTGRES_INDEXES[1] in plan("お知らせ")
        assert POSTGRES_INDEXES[1] in plan("Festival")
        # Too short for a trigram: the index cannot answer (not even when a scan is forbidden), or
        # is never chosen over the scan.
        assert POSTGRES_INDEXES[1] not in plan("お知")
        assert POSTGRES_INDEXES[1] not in plan("ab", seqscan=True)
        # Case can only matter for ASCII letters: other words are matched without folding every row.
        assert "~~*" in plan("Festival")  # ILIKE
        assert "~~*" not in plan("お知らせ")
        assert "~~*" not in plan("お知")
        return
    assert SQLITE_TABLE in plan("お知らせ")
    # Short and held by few drafts: the trigrams starting with it find them (0024); held by many, or
    # cased outside ASCII, a scan.
    assert SQLITE_TABLE in plan("お知")
    assert SQLITE_TABLE in plan("x")
    assert SQLITE_TABLE not in plan("ｃ")
    monkeypatch.setattr(search, "SHORT_CANDIDATES", 0)
    assert SQLITE_TABLE not in plan("お知")


def test_0022_backfills_existing_drafts_and_downgrades(searched: World) -> None:
    store = searched.store
    config = alembic_config()

    def search_objects() -> set[str]:
        with store.engine.connect() as conn:
            if store.dialect == "sqlite":
                names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE 'draft_search%'")
            else:
                names = conn.execute(
                    text(
                        "SELECT indexname FROM pg_indexes"
                        " WHERE schemaname = current_schema() AND indexname LIKE 'ix_draft_%_trgm'"
                    )
                )
            return set(names.scalars())

    assert search_objects()
    # Written before the index is dropped (the code of today cannot write at 0021: its audit chain keeps
    # canonical bytes since 0023); the rebuilt index must find it all the same, from the draft table.
    later = DraftService(store, searched.op1).create(searched.account, "移行の前に書いた本文")
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0021")
    assert search_objects() == set()
    upgrade(store.engine)
    assert search_objects()
    assert _found(searched, DraftFilter(text="移行の前")) == {later}
    for words in ("お知らせ", "abc", "100%"):
        assert _found(searched, DraftFilter(text=words)) == _expected(searched, words)
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            matched = conn.exec_driver_sql(
                f"SELECT rowid FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH '\"移行の前\"'"
            )
            assert set(matched.scalars()) == {later}


def test_0024_indexes_existing_drafts_for_short_queries_and_downgrades(searched: World) -> None:
    store = searched.store
    config = alembic_config()

    def terms_table() -> bool:
        with store.engine.connect() as conn:
            found = conn.exec_driver_sql(f"SELECT count(*) FROM sqlite_master WHERE name = '{SQLITE_TERMS}'")
            return bool(found.scalar())

    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0023")
    if store.dialect == "sqlite":
        assert not terms_table()
    # Its short words only at the end of the text: found only if the rebuilt body ends in two line breaks.
    before = DraftService(store, searched.op1).create(searched.account, "移行の前にぬ")
    upgrade(store.engine)
    if store.dialect == "sqlite":
        assert terms_table()
    for words in ("ぬ", "にぬ", "お知", "x"):
        assert _found(searched, DraftFilter(text=words)) == _expected(searched, words)
    assert before in _found(searched, DraftFilter(text="ぬ"))
    DraftService(store, searched.op1).create(searched.account, "移行の後にぬ")
    assert len(_found(searched, DraftFilter(text="にぬ"))) == 2
