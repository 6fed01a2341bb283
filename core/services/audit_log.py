"""Reading the audit record page by page (for the 監査記録 screen).

The record stores each event's payload as canonical JSON with English keys
and database ids. :func:`summarize` turns it into one line a person can
read — a sentence for the events KohoGate writes, ``key: value`` pairs with
translated key names for anything else — with people, accounts, departments
and terminals named rather than numbered. The raw JSON stays in
:attr:`AuditRow.payload` for experts and for the CSV export.

Filtering (:class:`AuditFilter`) happens in the database, so a record of
hundreds of thousands of entries still opens one page at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from core.audit.canonical import utc_iso
from core.audit.events import event_label
from core.i18n import tr
from core.lifecycle.states import AccountStatus
from core.organization.roles import Role, roles_label
from core.platforms.facts import platform_label
from core.services.drafts import local_days
from core.storage.engine import Store
from core.storage.models import AuditEntry, Department, OfficialAccount, Staff, Terminal

# A one-line summary is cut here; the whole value is in the JSON.
MAX_VALUE_LENGTH = 80


@dataclass(frozen=True)
class AuditRow:
    seq: int
    recorded_at: str
    actor: str
    terminal: str
    event: str
    payload: str
    hash: str
    actor_name: str = ""
    terminal_host: str = ""
    summary: str = ""
    # The payload in words: (key, label, value) with names instead of ids (raw JSON stays in ``payload``).
    fields: tuple[tuple[str, str, str], ...] = ()
    prev_hash: str = ""

    @property
    def details(self) -> tuple[tuple[str, str], ...]:
        """(label, value) for every recorded field a person reads, in words."""
        return tuple((label, value) for _key, label, value in self.fields)

    def field(self, key: str) -> str:
        """One recorded field in words ("" when the entry has none)."""
        return next((value for k, _label, value in self.fields if k == key), "")

    @property
    def actor_label(self) -> str:
        """「佐藤 花子 (sato)」: the staff name with the login as recorded."""
        return f"{self.actor_name} ({self.actor})" if self.actor_name else self.actor

    @property
    def moment(self) -> datetime:
        return datetime.strptime(self.recorded_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)

    @property
    def local_time_with_offset(self) -> str:
        """「2026-12-02 14:05:09 +09:00」: local time with the zone offset (for exports read elsewhere)."""
        local = self.moment.astimezone()
        offset = local.strftime("%z")
        return f"{local:%Y-%m-%d %H:%M:%S} {offset[:3]}:{offset[3:]}"

    @property
    def local_time(self) -> str:
        """The UTC record time in this computer's time zone, to the second."""
        return self.moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")

    @property
    def pretty_payload(self) -> str:
        """The payload as indented JSON (keys and values exactly as recorded)."""
        try:
            return json.dumps(json.loads(self.payload), ensure_ascii=False, indent=2, sort_keys=True)
        except ValueError:
            return self.payload


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show; an empty field does not narrow the record.

    ``first_day`` and ``last_day`` are calendar days on this computer's clock,
    both included (reversed days are swapped); the record itself keeps UTC.
    """

    actor: str | None = None
    event: str | None = None
    event_prefix: str = ""
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class AuditActor:
    """Someone who appears in the record: the login as recorded, and their name when they are on the staff list."""

    login: str
    display_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.display_name} ({self.login})" if self.display_name else self.login


def _filtered(query: Select[Any], flt: AuditFilter | None) -> Select[Any]:
    if flt is None:
        return query
    if flt.actor is not None:
        query = query.where(AuditEntry.actor == flt.actor)
    if flt.event:
        query = query.where(AuditEntry.event == flt.event)
    if flt.event_prefix:
        query = query.where(AuditEntry.event.startswith(flt.event_prefix, autoescape=True))
    start, end = local_days(flt.first_day, flt.last_day)
    # recorded_at is fixed-width UTC text (utc_iso), so comparing strings compares times.
    if start is not None:
        query = query.where(AuditEntry.recorded_at >= utc_iso(start))
    if end is not None:
        query = query.where(AuditEntry.recorded_at < utc_iso(end))
    return query


def count_audit(store: Store, flt: AuditFilter | None = None) -> int:
    with store.read() as session:
        return session.scalar(_filtered(select(func.count()).select_from(AuditEntry), flt)) or 0


def query_audit(
    store: Store,
    *,
    offset: int = 0,
    limit: int = 200,
    descending: bool = True,
    event_prefix: str = "",
    flt: AuditFilter | None = None,
    after: int | None = None,
) -> list[AuditRow]:
    """A page of the record in ``seq`` order: from ``offset``, or (a keyset, as lists page) after the entry ``after``.

    ``after`` reads the same page however long the record is, where an
    offset makes the database walk every entry before it.
    """
    query = (
        select(AuditEntry, Staff.display_name, Terminal.hostname)
        .outerjoin(Staff, Staff.os_login == AuditEntry.actor)
        .outerjoin(Terminal, Terminal.uid == AuditEntry.terminal)
        .order_by(AuditEntry.seq.desc() if descending else AuditEntry.seq)
    )
    if event_prefix:
        query = query.where(AuditEntry.event.startswith(event_prefix, autoescape=True))
    query = _filtered(query, flt)
    if after is not None:
        query = query.where(AuditEntry.seq < after if descending else AuditEntry.seq > after)
    with store.read() as session:
        page = list(session.execute(query.offset(offset).limit(limit)))
        payloads = [_parse(entry.payload) for entry, _name, _host in page]
        names = _load_names(session, payloads)
        return [
            AuditRow(
                e.seq,
                e.recorded_at,
                e.actor,
                e.terminal,
                e.event,
                e.payload,
                e.hash,
                name or "",
                host or "",
                summarize(e.event, payload, names) if payload is not None else _clip(e.payload),
                _fields_in_words(payload, names) if payload is not None else (),
                e.prev_hash,
            )
            for (e, name, host), payload in zip(page, payloads, strict=True)
        ]


def audit_actors(store: Store) -> list[AuditActor]:
    """Everyone who appears in the record, by name (logins without a staff record last)."""
    with store.read() as session:
        logins = list(session.scalars(select(AuditEntry.actor).distinct()))
        query = select(Staff.os_login, Staff.display_name).where(Staff.os_login.in_(logins))
        names: dict[str, str] = {login: name for login, name in session.execute(query)}
    actors = [AuditActor(login, names.get(login, "")) for login in logins]
    return sorted(actors, key=lambda a: (not a.display_name, a.display_name, a.login))


def audit_events(store: Store) -> list[str]:
    """The event codes present in the record, in the order of their names for people."""
    with store.read() as session:
        codes = list(session.scalars(select(AuditEntry.event).distinct()))
    return sorted(codes, key=lambda code: (event_label(code), code))


# ---- one-line summaries -------------------------------------------------------------------------


@dataclass
class Names:
    """Names for the ids in a page of payloads; an id not found is shown as the number."""

    staff: dict[int, str] = field(default_factory=dict)
    accounts: dict[int, str] = field(default_factory=dict)
    departments: dict[int, str] = field(default_factory=dict)
    terminals: dict[int, str] = field(default_factory=dict)

    def person(self, ident: Any) -> str:
        return _named(self.staff, ident)

    def account(self, ident: Any) -> str:
        return _named(self.accounts, ident)

    def department(self, ident: Any) -> str:
        return tr("no department") if ident is None else _named(self.departments, ident)

    def terminal(self, ident: Any) -> str:
        return _named(self.terminals, ident)


def _named(names: dict[int, str], ident: Any) -> str:
    if isinstance(ident, int) and ident in names:
        return names[ident]
    return "—" if ident is None else str(ident)


_STAFF_KEYS = ("staff_id", "supervisor_id", "deputy_id", "deputy_for_id")


def _ids(payloads: Iterable[Mapping[str, Any] | None], keys: Iterable[str]) -> set[int]:
    wanted = set(keys)
    found: set[int] = set()
    for payload in payloads:
        for key, value in (payload or {}).items():
            if key in wanted and isinstance(value, int) and not isinstance(value, bool):
                found.add(value)
    return found


def _load_names(session: Session, payloads: Sequence[Mapping[str, Any] | None]) -> Names:
    departments = _ids(payloads, ("department_id",))
    for payload in payloads:
        # staff.department_changed records the departments as "from"/"to" ids.
        if payload and "staff_id" in payload:
            departments |= {v for v in (payload.get("from"), payload.get("to")) if isinstance(v, int)}

    def lookup(ids: set[int], column_id: Any, column_name: Any) -> dict[int, str]:
        if not ids:
            return {}
        query = select(column_id, column_name).where(column_id.in_(ids))
        return {ident: name for ident, name in session.execute(query)}

    return Names(
        staff=lookup(_ids(payloads, _STAFF_KEYS), Staff.id, Staff.display_name),
        accounts=lookup(_ids(payloads, ("account_id",)), OfficialAccount.id, OfficialAccount.handle),
        departments=lookup(departments, Department.id, Department.name),
        terminals=lookup(_ids(payloads, ("terminal_id",)), Terminal.id, Terminal.hostname),
    )


def _parse(payload: str) -> dict[str, Any] | None:
    try:
        value = json.loads(payload)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _clip(value: Any, limit: int = MAX_VALUE_LENGTH) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _roles(values: Any) -> str:
    roles = set()
    for value in values if isinstance(values, list) else []:
        try:
            roles.add(Role(value))
        except ValueError:
            continue
    return roles_label(roles)


def _status(value: Any) -> str:
    try:
        return AccountStatus(value).label
    except ValueError:
        return str(value)


def _with_comment(plain: str, commented: str, p: Mapping[str, Any], n: Names) -> str:
    comment = p.get("comment")
    text = commented if comment else plain
    return text.format(draft=p.get("draft_id"), comment=_clip(comment or ""))


def _staff_created(p: Mapping[str, Any], n: Names) -> str:
    department = p.get("department") or (n.department(p["department_id"]) if p.get("department_id") else "")
    values = {"name": p.get("display_name", ""), "login": p.get("login", ""), "roles": _roles(p.get("roles"))}
    if department:
        return tr("Added {name} ({login}) to {department} as {roles}").format(department=department, **values)
    return tr("Added {name} ({login}) as {roles}").format(**values)


def _account_updated(p: Mapping[str, Any], n: Names) -> str:
    changes = p.get("changes")
    fields = ", ".join(_key_label(k) for k in changes) if isinstance(changes, dict) else ""
    return tr("Changed {fields} of the account {account}").format(fields=fields, account=n.account(p.get("account_id")))


def _organization_updated(p: Mapping[str, Any], n: Names) -> str:
    changes = p.get("changes")
    fields = ", ".join(_key_label(k) for k in changes) if isinstance(changes, dict) else ""
    return tr("Changed the organization profile: {fields}").format(fields=fields)


def _media_stored(p: Mapping[str, Any], n: Names) -> str:
    size = p.get("size")
    kilobytes = max(1, round(size / 1024)) if isinstance(size, int) else "?"
    return tr("Stored a file ({mime}, {size} KB)").format(mime=p.get("mime", "?"), size=kilobytes)


def _draft_saved(p: Mapping[str, Any], n: Names) -> str:
    phase = p.get("phase")
    if phase == "started":
        return tr("Started editing draft {draft}: changed {fields}").format(
            draft=p.get("draft_id"), fields=_fields(p.get("changed"))
        )
    if phase == "continued":
        return tr("Editing draft {draft}: {saves} saves, changed {fields}").format(
            draft=p.get("draft_id"), saves=p.get("saves", "?"), fields=_fields(p.get("changed"))
        )
    # An entry from before editing sessions: one per save.
    return tr("Saved draft {draft} ({length} characters)").format(draft=p.get("draft_id"), length=p.get("length", "?"))


_FIELD_LABELS: dict[str, Callable[[], str]] = {
    "text": lambda: tr("the text"),
    "media": lambda: tr("images and videos"),
    "scheduled_at": lambda: tr("the scheduled time"),
    "title": lambda: tr("the title"),
    "acknowledgements": lambda: tr("acknowledgements"),
    "confirmations": lambda: tr("confirmations"),
    "category": lambda: tr("the category of information"),
}


def _fields(values: Any) -> str:
    names = [_FIELD_LABELS[v]() if v in _FIELD_LABELS else str(v) for v in values or []]
    return ", ".join(names) if names else tr("nothing")


# Codes the record keeps (refusal reasons, states, kinds), in words.
_CODE_WORDS: dict[str, Callable[[], str]] = {
    "closed": lambda: tr("the window was closed"),
    "submitted": lambda: tr("submitted for approval"),
    "another_editor": lambda: tr("someone else started editing"),
    "idle": lambda: tr("no save for 30 minutes"),
    "started": lambda: tr("started"),
    "continued": lambda: tr("continued"),
    "terminal_unknown": lambda: tr("this computer is not registered"),
    "terminal_pending": lambda: tr("this computer is not approved yet"),
    "terminal_revoked": lambda: tr("this computer's approval was revoked"),
    "terminal_expired": lambda: tr("this computer's approval has expired"),
    "account_unknown": lambda: tr("the account does not exist"),
    "account_not_active": lambda: tr("the account is not in operation"),
    "account_locked": lambda: tr("the account is locked after an incident"),
    "out_of_scope": lambda: tr("this computer is not approved for the account"),
    "rotation_required": lambda: tr("the account's password must be changed first"),
    "credential_missing": lambda: tr("this computer holds no credential for the account"),
    "credential_stale": lambda: tr("the stored credential predates the last password change"),
    "key_missing": lambda: tr("this computer's key is missing"),
    "signature_invalid": lambda: tr("the computer's signature does not verify"),
    "no_approval": lambda: tr("there is no approval"),
    "stale": lambda: tr("the draft changed after the approval"),
    "tampered": lambda: tr("the approved content was altered"),
    "media_missing": lambda: tr("an approved file is missing"),
    "unsigned": lambda: tr("the approval is not signed"),
    "key_unknown": lambda: tr("the approval's key is unknown"),
    "key_revoked": lambda: tr("the approval's key was revoked"),
    "bad_signature": lambda: tr("the approval's signature does not verify"),
    "withdrawn": lambda: tr("the approval was withdrawn"),
    "self_approval": lambda: tr("the approver made the draft"),
    "approver_inactive": lambda: tr("the approver is no longer active"),
    "trust_no_anchors": lambda: tr("no administrator key is pinned on this computer"),
    "trust_terminal_unendorsed": lambda: tr("this computer's approval is not endorsed by an administrator"),
    "trust_key_unendorsed": lambda: tr("the approver's key is not endorsed by an administrator"),
}


def _code(value: Any) -> str:
    """A recorded code in words: refusal reasons, states and kinds (an unknown one as it is)."""
    if not isinstance(value, str):
        return "—" if value is None else str(value)
    words = _CODE_WORDS.get(value)
    if words is not None:
        return words()
    from core.incidents.model import IncidentKind
    from core.lifecycle.states import DraftState, IncidentState

    for kind in (IncidentKind, IncidentState, DraftState, AccountStatus):
        try:
            return str(kind(value).label)
        except ValueError:
            continue
    return value


def _when(value: Any) -> str:
    """A recorded UTC time (canonical ISO text) on this computer's clock, with the offset."""
    if not isinstance(value, str):
        return "—" if value is None else str(value)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        return value
    local = moment.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


def _move_outcome(value: Any) -> str:
    """What a move on the calendar did (``core.planning.calendar.MoveKind``), in words."""
    return {
        "free": tr("planned time changed"),
        "resubmit": tr("sent for approval again"),
        "reapproval": tr("approval set aside, sent for a new approval"),
    }.get(str(value), str(value))


Summary = Callable[[Mapping[str, Any], Names], str]


def _draft_created(p: Mapping[str, Any], n: Names) -> str:
    line = tr("Created draft {draft} for {account}").format(
        draft=p.get("draft_id"), account=n.account(p.get("account_id"))
    )
    if p.get("template_id") is not None:
        line += " " + tr("from template {template} (revision {revision})").format(
            template=p.get("template_id"), revision=p.get("template_revision", "?")
        )
    if p.get("group_id") is not None:
        line += " " + tr("in group {group}").format(group=p.get("group_id"))
    return line


def _id_list(value: Any) -> str:
    return ", ".join(str(v) for v in value) if isinstance(value, list) else "—"


_SUMMARIES: dict[str, Summary] = {
    "organization.created": lambda p, n: tr("Set up the organization {name}").format(name=p.get("name", "")),
    "organization.updated": _organization_updated,
    "department.created": lambda p, n: tr("Added the department {name}").format(name=p.get("name", "")),
    "staff.created": _staff_created,
    "staff.roles_changed": lambda p, n: tr("Roles of {staff}: {before} → {after}").format(
        staff=n.person(p.get("staff_id")), before=_roles(p.get("from")), after=_roles(p.get("to"))
    ),
    "staff.department_changed": lambda p, n: tr("Moved {staff} from {before} to {after}").format(
        staff=n.person(p.get("staff_id")), before=n.department(p.get("from")), after=n.department(p.get("to"))
    ),
    "staff.deactivated": lambda p, n: tr("Deactivated {staff}").format(staff=n.person(p.get("staff_id"))),
    "staff.activated": lambda p, n: tr("Reactivated {staff}").format(staff=n.person(p.get("staff_id"))),
    "checks.configured": lambda p, n: tr("Changed the check settings"),
    "account.created": lambda p, n: tr("Created the account {handle} ({platform})").format(
        handle=p.get("handle", ""), platform=platform_label(str(p.get("platform", "")))
    ),
    "account.updated": _account_updated,
    "account.policy_updated": lambda p, n: tr("Changed the operating policy of {account} ({count} items)").format(
        account=n.account(p.get("account_id")), count=len(p.get("changed") or [])
    ),
    "account.policy_filed": lambda p, n: tr("Filed the operating policy of {account}").format(
        account=n.account(p.get("account_id"))
    ),
    "account.filing_withdrawn": lambda p, n: tr("Withdrew the filing of {account}: it must be filed again").format(
        account=n.account(p.get("account_id"))
    ),
    "account.staff_changed": lambda p, n: tr("Changed the staff of {account} ({count} people)").format(
        account=n.account(p.get("account_id")), count=len({pair[0] for pair in p.get("to") or [] if pair})
    ),
    "account.status_changed": lambda p, n: tr("Account {account}: {before} → {after}").format(
        account=n.account(p.get("account_id")), before=_status(p.get("from")), after=_status(p.get("to"))
    ),
    "account.rotation_required": lambda p, n: tr("The password of {account} must be changed: {reason}").format(
        account=n.account(p.get("account_id")), reason=_clip(p.get("reason", ""))
    ),
    "account.password_changed": lambda p, n: tr("Changed the password of {account}").format(
        account=n.account(p.get("account_id"))
    ),
    "account.rotation_completed": lambda p, n: tr("Completed the password change of {account}").format(
        account=n.account(p.get("account_id"))
    ),
    "credential.stored": lambda p, n: tr("Stored the credential of {account} on the terminal {terminal}").format(
        account=n.account(p.get("account_id")), terminal=n.terminal(p.get("terminal_id"))
    ),
    "credential.removed": lambda p, n: tr("Removed the credential of {account} from the terminal {terminal}").format(
        account=n.account(p.get("account_id")), terminal=n.terminal(p.get("terminal_id"))
    ),
    "terminal.registered": lambda p, n: tr("Registered the terminal {host} ({user})").format(
        host=p.get("hostname", ""), user=p.get("os_user", "")
    ),
    "terminal.approved": lambda p, n: tr("Approved the terminal {terminal}").format(
        terminal=n.terminal(p.get("terminal_id"))
    ),
    "terminal.revoked": lambda p, n: tr("Revoked the approval of the terminal {terminal}").format(
        terminal=n.terminal(p.get("terminal_id"))
    ),
    "terminal.key_registered": lambda p, n: tr("Registered the key of the terminal {terminal}").format(
        terminal=n.terminal(p.get("terminal_id"))
    ),
    "terminal.key_reset": lambda p, n: tr("Reset the key of the terminal {terminal}").format(
        terminal=n.terminal(p.get("terminal_id"))
    ),
    "draft.created": _draft_created,
    "template.created": lambda p, n: tr("Added the template “{name}” (revision {revision})").format(
        name=_clip(p.get("name", "")), revision=p.get("revision", "?")
    ),
    "template.updated": lambda p, n: tr("Changed the template “{name}” (revision {revision})").format(
        name=_clip(p.get("name", "")), revision=p.get("revision", "?")
    ),
    "template.retired": lambda p, n: tr("Retired the template “{name}”").format(name=_clip(p.get("name", ""))),
    "group.created": lambda p, n: tr("Composed “{title}” for several accounts: drafts {drafts}").format(
        title=_clip(p.get("title", "")), drafts=_id_list(p.get("draft_ids"))
    ),
    "group.submitted": lambda p, n: tr("Submitted group {group} together: drafts {drafts}").format(
        group=p.get("group_id"), drafts=_id_list(p.get("draft_ids"))
    ),
    "group.approved": lambda p, n: tr(
        "Approved group {group} together, one signature per draft: drafts {drafts}"
    ).format(group=p.get("group_id"), drafts=_id_list(p.get("draft_ids"))),
    "draft.submitted": lambda p, n: tr("Submitted draft {draft} for approval (version {number})").format(
        draft=p.get("draft_id"), number=p.get("number", "?")
    ),
    "draft.emergency_marked": lambda p, n: tr("Marked draft {draft} as an emergency: {reason}").format(
        draft=p.get("draft_id"), reason=_clip(p.get("reason", ""))
    ),
    "draft.emergency_cleared": lambda p, n: tr("Removed the emergency mark from draft {draft}").format(
        draft=p.get("draft_id")
    ),
    "draft.reopened": lambda p, n: tr("Took draft {draft} back for editing: {reason}").format(
        draft=p.get("draft_id"), reason=_clip(p.get("reason", ""))
    ),
    "draft.rescheduled": lambda p, n: tr("Moved draft {draft} from {before} to {after} ({outcome})").format(
        draft=p.get("draft_id"),
        before=_when(p.get("from")),
        after=_when(p.get("to")),
        outcome=_move_outcome(p.get("outcome")),
    ),
    "draft.correction_created": lambda p, n: tr("Started draft {draft} to correct a published post").format(
        draft=p.get("draft_id")
    ),
    "media.stored": _media_stored,
    "review.approved": lambda p, n: _with_comment(
        tr("Approved draft {draft}"), tr("Approved draft {draft}: {comment}"), p, n
    ),
    "review.returned": lambda p, n: tr("Returned draft {draft}: {comment}").format(
        draft=p.get("draft_id"), comment=_clip(p.get("comment", ""))
    ),
    "review.rejected": lambda p, n: tr("Rejected draft {draft}: {comment}").format(
        draft=p.get("draft_id"), comment=_clip(p.get("comment", ""))
    ),
    "signing_key.created": lambda p, n: tr("Created a signing key for {staff}").format(
        staff=n.person(p.get("staff_id"))
    ),
    "signing_key.registered": lambda p, n: tr("Registered a signing key for {staff}").format(
        staff=n.person(p.get("staff_id"))
    ),
    "signing_key.revoked": lambda p, n: tr("Revoked a signing key of {staff}").format(
        staff=n.person(p.get("staff_id"))
    ),
    "deputy.named": lambda p, n: tr("Named {deputy} deputy of {supervisor}").format(
        deputy=n.person(p.get("deputy_id")), supervisor=n.person(p.get("supervisor_id"))
    ),
    "publication.queued": lambda p, n: tr("Queued draft {draft} for posting to {account}").format(
        draft=p.get("draft_id"), account=n.account(p.get("account_id"))
    ),
    "publication.attempt": lambda p, n: tr("Sending post {post}, attempt {attempt}").format(
        post=p.get("publication_id"), attempt=p.get("attempt", "?")
    ),
    "publication.published": lambda p, n: tr("Published draft {draft}: {url}").format(
        draft=p.get("draft_id"), url=p.get("url") or "—"
    ),
    "publication.recorded": lambda p, n: tr("Recorded a post made by hand: {url}").format(url=p.get("url") or "—"),
    "publication.failed": lambda p, n: tr("Sending post {post} failed: {error}").format(
        post=p.get("publication_id"), error=_clip(p.get("error", ""))
    ),
    "publication.needs_check": lambda p, n: tr("Post {post} needs checking: {error}").format(
        post=p.get("publication_id"), error=_clip(p.get("error", ""))
    ),
    "deletion.requested": lambda p, n: tr("Requested the deletion of {url}: {reason}").format(
        url=p.get("url") or "—", reason=_clip(p.get("reason", ""))
    ),
    "publication.deleted": lambda p, n: tr("Deleted the post {url}").format(url=p.get("url") or "—"),
    "draft.saved": _draft_saved,
    "draft.editing_ended": lambda p, n: tr(
        "Finished editing draft {draft}: {saves} saves, changed {fields} ({why})"
    ).format(
        draft=p.get("draft_id"), saves=p.get("saves", "?"), fields=_fields(p.get("changed")), why=_code(p.get("reason"))
    ),
    "draft.duplicated": lambda p, n: tr("Copied draft {source} into the new draft {draft}").format(
        source=p.get("source_draft_id"), draft=p.get("draft_id")
    ),
    "posting.refused": lambda p, n: tr("Posting to {account} refused: {reason}").format(
        account=n.account(p.get("account_id")), reason=_code(p.get("reason"))
    ),
    "publishing.refused": lambda p, n: tr("Publishing draft {draft} refused: {reason}").format(
        draft=p.get("draft_id"), reason=_code(p.get("reason"))
    ),
    "publication.missed_window": lambda p, n: tr("Draft {draft} missed its time (due {due})").format(
        draft=p.get("draft_id"), due=_when(p.get("due_at"))
    ),
    "publication.resolved_posted": lambda p, n: tr("Checked post {post}: it was posted ({url})").format(
        post=p.get("publication_id"), url=p.get("url") or "—"
    ),
    "publication.resolved_not_posted": lambda p, n: tr("Checked post {post}: it was not posted").format(
        post=p.get("publication_id")
    ),
    "deletion.approved": lambda p, n: tr("Approved the deletion of post {post}: {comment}").format(
        post=p.get("publication_id"), comment=_clip(p.get("comment") or tr("no comment"))
    ),
    "deletion.rejected": lambda p, n: tr("Rejected the deletion of post {post}: {comment}").format(
        post=p.get("publication_id"), comment=_clip(p.get("comment") or tr("no comment"))
    ),
    "account.locked": lambda p, n: tr("Locked the account {account}: nothing posts until it is unlocked").format(
        account=n.account(p.get("account_id"))
    ),
    "account.unlocked": lambda p, n: tr("Unlocked the account {account}").format(
        account=n.account(p.get("account_id"))
    ),
    "organization.paused": lambda p, n: tr("Paused all scheduled posting: {reason}").format(
        reason=_clip(p.get("reason", ""))
    ),
    "organization.resumed": lambda p, n: tr("Resumed scheduled posting: {reason}").format(
        reason=_clip(p.get("reason", ""))
    ),
    "incident.reported": lambda p, n: tr("Reported incident {incident} ({kind})").format(
        incident=p.get("incident_id"), kind=_code(p.get("kind"))
    ),
    "incident.state_changed": lambda p, n: tr("Incident {incident} is now {state}").format(
        incident=p.get("incident_id"), state=_code(p.get("state"))
    ),
    "incident.evidence_added": lambda p, n: tr("Recorded evidence for incident {incident} ({size} bytes)").format(
        incident=p.get("incident_id"), size=p.get("size", "?")
    ),
    "audit.checkpoint": lambda p, n: tr("Signed a checkpoint of the record up to entry {seq}").format(
        seq=p.get("seq", "?")
    ),
}

# Values no person reads (hashes, keys, machine ids): they stay in the JSON only.
_HIDDEN_KEYS = {"uid", "machine_id", "idempotency_key", "signature", "public_key", "terminal_uid", "original_text"}

_KEY_LABELS: dict[str, Callable[[], str]] = {
    "staff_id": lambda: tr("Staff"),
    "supervisor_id": lambda: tr("Supervisor"),
    "deputy_id": lambda: tr("Deputy"),
    "account_id": lambda: tr("Account"),
    "department_id": lambda: tr("Department"),
    "terminal_id": lambda: tr("Terminal"),
    "draft_id": lambda: tr("Draft"),
    "version_id": lambda: tr("Version"),
    "number": lambda: tr("Version"),
    "publication_id": lambda: tr("Post"),
    "deletion_request_id": lambda: tr("Deletion request"),
    "reason": lambda: tr("Reason"),
    "comment": lambda: tr("Comment"),
    "url": lambda: tr("URL"),
    "error": lambda: tr("Error"),
    "from": lambda: tr("Before"),
    "to": lambda: tr("After"),
    "login": lambda: tr("OS login"),
    "os_user": lambda: tr("OS login"),
    "name": lambda: tr("Name"),
    "display_name": lambda: tr("Name"),
    "handle": lambda: tr("Account ID"),
    "platform": lambda: tr("Platform"),
    "verified": lambda: tr("Verified"),
    "roles": lambda: tr("Roles"),
    "status": lambda: tr("Status"),
    "state": lambda: tr("Status"),
    "kind": lambda: tr("Kind"),
    "attempts": lambda: tr("Attempts"),
    "attempt": lambda: tr("Attempts"),
    "hostname": lambda: tr("Host name"),
    "fingerprint": lambda: tr("Fingerprint"),
    "due_at": lambda: tr("Due"),
    "starts_at": lambda: tr("From"),
    "ends_at": lambda: tr("Until"),
    "own_domains": lambda: tr("Own domains"),
    "public_phones": lambda: tr("Published phone numbers"),
    "public_emails": lambda: tr("Published e-mail addresses"),
    "postal_addresses": lambda: tr("Published postal addresses"),
    "partner_contacts": lambda: tr("Other bodies' public contacts"),
    "own_channels": lambda: tr("Own accounts on other platforms"),
    "place_names": lambda: tr("Place names"),
    "officials": lambda: tr("Officials"),
    "account_id_pattern": lambda: tr("Account ID rule"),
    "rotation_interval_days": lambda: tr("Password change interval"),
    "document_prefix": lambda: tr("Document number prefix"),
    "document_number": lambda: tr("Document number"),
    "incident_id": lambda: tr("Incident"),
    "evidence_id": lambda: tr("Evidence"),
    "step_id": lambda: tr("Step"),
    "session_id": lambda: tr("Editing session"),
    "phase": lambda: tr("Phase"),
    "saves": lambda: tr("Saves"),
    "saves_in_session": lambda: tr("Saves in the session"),
    "changed": lambda: tr("Changed"),
    "length": lambda: tr("Length (characters)"),
    "started_at": lambda: tr("Started"),
    "last_saved_at": lambda: tr("Last saved"),
    "acknowledged": lambda: tr("Acknowledged findings"),
    "confirmed": lambda: tr("Ticked confirmations"),
    "findings": lambda: tr("Findings"),
    "source_draft_id": lambda: tr("Copied from draft"),
    "window_ends_at": lambda: tr("Window ends"),
    "size": lambda: tr("Size (bytes)"),
    "accounts": lambda: tr("Accounts"),
    "severity": lambda: tr("Severity"),
    "mime": lambda: tr("File type"),
    "seq": lambda: tr("Entry"),
    "from_state": lambda: tr("Previous state"),
}


def _key_label(key: str) -> str:
    label = _KEY_LABELS.get(key)
    return label() if label is not None else key


def _value(key: str, value: Any, names: Names) -> str:
    if key in _STAFF_KEYS:
        return names.person(value)
    resolvers: dict[str, Callable[[Any], str]] = {
        "account_id": names.account,
        "department_id": names.department,
        "terminal_id": names.terminal,
    }
    if key in resolvers:
        return resolvers[key](value)
    if value is None:
        return "—"
    if key in ("state", "kind", "from_state", "reason", "phase") and isinstance(value, str):
        return _clip(_code(value))
    if key == "changed" and isinstance(value, list):
        return _fields(value)
    if key in ("confirmed", "acknowledged", "findings") and isinstance(value, list):
        # Ids of checklist items and findings: how many is what a reader needs (the ids are in the JSON).
        return tr("{count} items").format(count=len(value)) if value else tr("none")
    if key.endswith("_at") and isinstance(value, str):
        return _when(value)
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, dict):
        return tr("{count} items").format(count=len(value))
    if isinstance(value, list):
        return _clip(", ".join(str(item) for item in value)) if value else "—"
    return _clip(value)


def _incident_step(event: str, p: Mapping[str, Any]) -> str | None:
    """「インシデント 3: 警察に相談した」 for the timeline steps of an incident (incident.<step kind>)."""
    from core.incidents.model import StepKind

    step = next((k for k in StepKind if k.audit_event == event), None)
    if step is None:
        return None
    return tr("Incident {incident}: {step}").format(incident=p.get("incident_id"), step=step.label)


def summarize(event: str, payload: Mapping[str, Any], names: Names | None = None) -> str:
    """One line about an entry, in the current language (never raises on an odd payload)."""
    names = names or Names()
    step = _incident_step(event, payload) if event.startswith("incident.") and event not in _SUMMARIES else None
    if step is not None:
        return step
    known = _SUMMARIES.get(event)
    if known is not None:
        try:
            return known(payload, names)
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            pass  # a payload from another version: fall back to its fields
    pairs = [f"{label}: {value}" for label, value in describe(payload, names)]
    return " / ".join(pairs) if pairs else event_label(event)


def describe(payload: Mapping[str, Any], names: Names | None = None) -> tuple[tuple[str, str], ...]:
    """Every recorded field in words, for the detail view and the CSV: (label, value), ids named.

    Hashes, keys and machine ids are left to the raw JSON (one click away on the screen).
    """
    return tuple((label, value) for _key, label, value in _fields_in_words(payload, names))


def _fields_in_words(payload: Mapping[str, Any], names: Names | None = None) -> tuple[tuple[str, str, str], ...]:
    names = names or Names()
    return tuple(
        (key, _key_label(key), _value(key, value, names))
        for key, value in sorted(payload.items())
        if key not in _HIDDEN_KEYS and not key.endswith(("sha256", "hash"))
    )
