"""Write the user manual (docs/manual_ja.md, docs/manual_en.md) from its text and the rule catalogue.

    uv run python tools/manual.py          # write both files
    uv run python tools/manual.py --check  # exit 1 when a file differs from what would be written

The prose is here; what each check means and the clause it cites come from the
rule catalogue (resources/rules/), and the incident procedures from
resources/rules/incidents.toml, so the manual cannot drift from what the app
checks. The app shows the same files under ヘルプ → 使い方 (gui/manual.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

JA_TEXT = """# 広報ゲート 使い方

広報ゲートは、公式アカウントへの投稿を **下書き → 申請 → 所属長の承認 → 投稿** の順に進め、
すべてを改ざんできない記録(監査記録)に残すアプリです。

## 役割

| 役割 | できること |
|---|---|
| 担当者 | 下書きを作成し、承認を申請し、承認された投稿を投稿する |
| 所属長 | 申請を確認し、承認・差戻し・却下を判断する(個人の署名鍵で署名) |
| 管理者 | 職員・アカウント・端末・署名鍵を管理する |

一人が複数の役割を持てますが、**自分で書いた下書きは承認できません**(職務の分離)。
担当者と所属長は別の人にしてください。

## 最初の投稿まで(はじめに)

初回の設定ウィザードのあと、「はじめに」画面が開きます(後から ヘルプ → はじめに)。
各手順は終わると ✔ になり、足りないものを示します。

1. 職員に役割を付ける(設定 → 職員)
2. 最初の公式アカウントを追加する(運用方針は見本が入力済み。すべての項目を自分の組織に合わせる)
3. アカウントの運用体制(運用管理者・運用責任者・担当者)を指定する
4. 運用方針を届け出て(届出)、アカウントを「運用中」にする
5. この端末を承認する(端末 → 承認…)
6. アカウントの資格情報をこの端末に保存する(アカウント → この端末の資格情報…)
7. 所属長が自分のコンピューターで署名鍵を作成し(設定 → 承認)、管理者が登録する

![はじめに](screenshots/00-guided-start.png)

## 1件の投稿:下書きから公開まで

1. **下書き** 画面で「新しい下書き」。アカウントと件名(必須)を選びます。
2. 本文を書き、画像には代替テキストを付けます。右側の「チェック」に指摘が出ます。
   「要修正」は直すまで申請できません。「要確認」は理由を書けば申請できます。
3. 「確認事項」をすべて確認し、「承認を申請」。
4. 所属長が **承認待ち** 画面で開き、件名・アカウント・公開日時・本文・画像と代替テキスト・区分を確認して
   承認・差戻し・却下を選びます。承認は取り消せないため、確認の画面が出ます。
5. 承認された下書きを開き、「今すぐ投稿」(予約した投稿はその時刻に自動で投稿)。
   投稿先と時刻を示す確認の画面が出ます。

![下書き](screenshots/01-drafts.png)

下書きの一覧の状態:下書き、承認待ち、差戻し、承認済、予約済み、送信中、要確認、送信失敗、公開済、削除済、却下、破棄。
状態の絞り込みでそれぞれを表示できます。一度も申請していない下書きは「下書きを破棄」で破棄でき、
本文は監査記録に「破棄」として残ります。

## 定型文と一括作成

- **定型文から**: 下書き画面の「定型文から」で、アカウントと定型文を選び、日付・場所・URL・担当課などの
  差し込み項目を入力すると、本文とチェック結果がその場で表示されます。すべて入力すると「下書きを作成」
  できます。作られた下書きは、どの定型文(改訂番号)から作ったかを記録し、ふつうの下書きと同じく申請・承認します。
  定型文は管理者が 設定 → 定型文 で追加・変更・廃止します。保存のたびに下書きと同じチェックを行い、
  「要修正」になる定型文は保存できません。「標準の定型文を追加」で、災害・休館・イベント・募集の
  お知らせ(ガイドラインの条項に沿ったもの)を追加できます。
- **複数アカウントへ一括作成**: 件名と文面を一度書き、アカウントを選ぶと、アカウントごとに下書きができます。
  それぞれのタブで文字数と上限、プレビュー、確認事項を見ながら文面を直し、「まとめて提出」します。
  所属長の承認待ちではグループとして並び、「グループを承認」で全件を承認できます(署名は下書きごとに、
  それぞれの内容に対して行います)。一件だけ差し戻すときは、その下書きを開いて差し戻します。

## 送信が「要確認」になったら

通信が途中で切れるなどして、投稿されたかどうか分からないときは「要確認」になります。
広報ゲートは二重投稿を防ぐため、自動で再送しません。

1. 公開パネルの「投稿をもう一度探す」で、アカウントの最近の投稿を探します。
2. 見つからなければ、実際のアカウントを自分で確認します。
3. 「何が起きたかを記録…」で、投稿されていればその URL を、されていなければ空欄で記録します
   (空欄なら、もう一度送信できます)。

## 各チェックの意味

{rules}

## インシデントの手順

投稿のあとで問題が起きたら、**インシデント** 画面で記録し、指針の手順を順に進めます。

{incidents}

投稿の取り下げは「削除依頼」から行い、所属長の承認を受けて削除します(LINE の配信は削除できません)。
"""

EN_TEXT = """# KohoGate user manual (short)

KohoGate takes a post to an official account through **draft → submission → the supervisor's approval →
publication**, and keeps everything in a tamper-evident audit record.

## Roles

| Role | May |
|---|---|
| Operator (担当者) | write drafts, submit them, publish approved posts |
| Supervisor (所属長) | review submissions: approve, return or reject (signed with a personal key) |
| Administrator (管理者) | manage staff, accounts, terminals and signing keys |

One person may hold several roles, but **nobody approves their own draft**: the operator and the
supervisor of a post are two people.

## Getting started (はじめに)

After the set-up wizard the guided start opens (later: Help → Getting started). Each step turns ✔ when
done and says what is missing: roles; the first account (the sample policy is filled in, every item
editable); its staff; filing (届出) and 運用中; approving this terminal; storing the credential; the
supervisors' signing keys.

![Getting started](screenshots/00-guided-start.png)

## One post, from draft to publication

1. Drafts → New draft: choose the account and give a title (required).
2. Write the text; give every image alt text. The Checks tab lists findings: a *must fix* blocks
   submission, a *confirm* needs a one-line reason.
3. Tick every confirmation and submit.
4. The supervisor opens it under Awaiting approval, sees title, account, time, text, media with alt text
   and category, and approves, returns or rejects. Approving asks for confirmation first.
5. Open the approved draft and Publish now (a scheduled post goes out at its time). A confirmation names
   the account.

## Templates and one message for several accounts

- **From template…** (Drafts): choose the account and a template, fill in its placeholders (date, place,
  URL, department …); the text and the checks follow as you type, and Create draft is enabled once every
  placeholder is filled. The draft records the template (and its revision) and then goes through sign-off
  like any other. Administrators keep the templates under Settings → Templates; each save is checked like a
  draft, and a template with a *must fix* finding is refused. *Add the starter set* adds disaster, closure,
  event and recruitment notices written for the guidelines.
- **For several accounts…**: write the title and message once, tick the accounts, and get one draft per
  account; edit each on its tab (count and limit, preview, confirmations) and Submit together. The
  supervisor sees them as a group and can Approve the group (one signature per draft, each on its own
  content) or open one and return it alone.

## When a send is 要確認 (needs checking)

KohoGate does not resend blindly. Look for the post again; if it is not found, check the account
yourself, then Record what happened (its URL, or empty if it was not posted).

## What each check means

{rules}

## Incidents

{incidents}
"""


def rules_table(lang: str) -> str:
    from core.checks.rule_listing import list_rules

    head = (
        "| チェック | 内容 | 根拠 |\n|---|---|---|"
        if lang == "ja"
        else "| Check | What it means | Clause |\n|---|---|---|"
    )
    rows = []
    for rule in list_rules():
        description = " ".join(rule.description(lang).split()).replace("|", "\\|")
        rows.append(f"| {rule.title(lang)} | {description} | {', '.join(rule.clauses)} |")
    return head + "\n" + "\n".join(rows)


def incidents_list(lang: str) -> str:
    from core.i18n import set_language
    from core.incidents.model import kind_facts

    set_language(lang)
    lines = []
    for facts in kind_facts().values():
        label = facts.label_ja if lang == "ja" else facts.label_en
        steps = " → ".join(step.label for step in facts.steps)
        lines.append(f"- **{label}** ({', '.join(facts.clauses)}): {steps}")
    return "\n".join(lines)


def render(lang: str) -> str:
    text = JA_TEXT if lang == "ja" else EN_TEXT
    return text.format(rules=rules_table(lang), incidents=incidents_list(lang))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    for lang in ("ja", "en"):
        path = ROOT / "docs" / f"manual_{lang}.md"
        text = render(lang)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run tools/manual.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
