"""A complete example operating policy (demo data and tests; also a starting point in the editor).

The texts follow joso:3(3) ア–セ in the plain style of a municipal policy; an
organization adapts them before filing.
"""

from __future__ import annotations


def sample_policy(display_name: str, department: str, contact: str) -> dict[str, str]:
    """A complete policy for ``display_name`` run by ``department`` (Japanese, as filed)."""
    return {
        "a": f"{display_name}として、市政情報・イベント・防災情報を迅速かつ正確に届けるため。",
        "o": "市民、市内在勤・在学者、市に関心のある方",
        "ka": "市政のお知らせ、イベント情報、防災・緊急情報、子育て・福祉の情報",
        "ki": (
            f"運用主体: {department}。担当者が下書きを作成し、所属長(運用責任者)の承認を得て発信する。"
            "緊急時は事後承認とし、24時間以内に確認を受ける。"
        ),
        "ku": "平日の開庁時間内に1日1〜3回程度。災害時は随時。",
        "ke": "個別の返信は原則として行わない。問い合わせは連絡先の窓口で受け付ける。",
        "ko": "本アカウントは市ソーシャルメディア利用ガイドラインを遵守して運用する。",
        "sa": "掲載する文章・画像の著作権は市又は正当な権利者に帰属する。無断転載を禁止する。",
        "shi": "掲載情報の正確性には万全を期すが、利用により生じた損害について市は責任を負わない。",
        "su": "ダイレクトメッセージ機能は利用しない(wako:5-エ)。共有・引用は慎重に行う。",
        "se": f"{department} {contact}",
    }


def starting_policy(organization: str, department: str, contacts: tuple[str, ...]) -> dict[str, str]:
    """The sample policy as a new account's starting point: the organization's own name and contacts.

    Every item stays editable; the editor shows what is still missing before filing.
    """
    contact = " / ".join(contacts[:2]) or "(連絡先)"
    return sample_policy(f"{organization}公式アカウント", department or organization, contact)
