<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>Only an operator (担当者) writes drafts; ask an administrator for the role.</source>
      <translation>下書きを作成できるのは担当者だけです。管理者に役割の付与を依頼してください。</translation>
    </message>
    <message>
      <source>No account is ready for drafts yet: its operating policy must be complete and filed (Help → Getting started).</source>
      <translation>下書きに使えるアカウントがまだありません。運用方針を完成させて届出をしてください(ヘルプ → はじめに)。</translation>
    </message>
    <message>
      <source>Only an operator (担当者) writes drafts. As administrator, give yourself or someone else the operator role under Settings → Staff (Help → Getting started).</source>
      <translation>下書きを作成できるのは担当者だけです。管理者として、設定 → 職員 で自分または他の職員に担当者の役割を付けてください(ヘルプ → はじめに)。</translation>
    </message>
    <message>
      <source>Nobody has the operator role (担当者) yet: an operator writes the drafts.</source>
      <translation>担当者の役割を持つ人がまだいません。下書きは担当者が作成します。</translation>
    </message>
    <message>
      <source>Nobody has the supervisor role (所属長) yet: a supervisor approves the drafts.</source>
      <translation>所属長の役割を持つ人がまだいません。下書きは所属長が承認します。</translation>
    </message>
    <message>
      <source>No official account yet: add one (the sample policy is filled in, every item editable).</source>
      <translation>公式アカウントがまだありません。追加してください(運用方針は見本が入力済みで、すべての項目を編集できます)。</translation>
    </message>
    <message>
      <source>Add an account first.</source>
      <translation>先にアカウントを追加してください。</translation>
    </message>
    <message>
      <source>This terminal is not registered yet; restart KohoGate on it.</source>
      <translation>この端末はまだ登録されていません。この端末で広報ゲートを再起動してください。</translation>
    </message>
    <message>
      <source>This terminal is waiting for an administrator's approval (Terminals → Approve…).</source>
      <translation>この端末は管理者の承認待ちです(端末 → 承認…)。</translation>
    </message>
    <message>
      <source>This terminal's approval has expired: approve it again.</source>
      <translation>この端末の承認は期限切れです。もう一度承認してください。</translation>
    </message>
    <message>
      <source>Give someone the supervisor role first.</source>
      <translation>先に誰かに所属長の役割を付けてください。</translation>
    </message>
    <message>
      <source>Give people their roles</source>
      <translation>職員に役割を付ける</translation>
    </message>
    <message>
      <source>Add the first official account</source>
      <translation>最初の公式アカウントを追加する</translation>
    </message>
    <message>
      <source>Name the account's staff</source>
      <translation>アカウントの運用体制(職員)を指定する</translation>
    </message>
    <message>
      <source>File the operating policy (届出) and start operation</source>
      <translation>運用方針を届け出て運用を開始する</translation>
    </message>
    <message>
      <source>Approve this terminal</source>
      <translation>この端末を承認する</translation>
    </message>
    <message>
      <source>Store the account's credential on this terminal</source>
      <translation>アカウントの資格情報をこの端末に保存する</translation>
    </message>
    <message>
      <source>Register the supervisors' signing keys</source>
      <translation>所属長の署名鍵を登録する</translation>
    </message>
    <message>
      <source>An operator (担当者) writes drafts, a supervisor (所属長) approves them, an administrator sets KohoGate up. One person may hold several roles, but nobody approves their own draft: the operator and the supervisor of a post must be two people.</source>
      <translation>担当者が下書きを作成し、所属長が承認し、管理者が広報ゲートを設定します。一人が複数の役割を持てますが、自分の下書きは承認できません。投稿の担当者と所属長は別の人である必要があります(職務の分離)。</translation>
    </message>
    <message>
      <source>Each official account needs an operating policy covering joso:3(3) ア–セ. The sample policy is filled in for you; read and adapt every item.</source>
      <translation>公式アカウントごとに joso:3(3) ア〜セ を満たす運用方針が必要です。見本の方針が入力されています。すべての項目を読んで自分の組織に合わせてください。</translation>
    </message>
    <message>
      <source>The policy names who runs the account (joso:3(3)-キ, wako:5): an operations manager, a person responsible and at least one operator.</source>
      <translation>運用方針には運用体制を記載します(joso:3(3)-キ、wako:5)。運用管理者、運用責任者、担当者1名以上を指定してください。</translation>
    </message>
    <message>
      <source>A complete policy is filed (届出) by an administrator before drafts may be written; the account posts once it is set 運用中 (in operation).</source>
      <translation>下書きを作成する前に、管理者が完成した運用方針を届け出ます。投稿できるのはアカウントを「運用中」にしてからです。</translation>
    </message>
    <message>
      <source>Only an approved terminal posts (wako:5 端末, joso:6(2)). An administrator approves it under Terminals.</source>
      <translation>投稿できるのは承認された端末だけです(wako:5 端末、joso:6(2))。管理者が「端末」画面で承認します。</translation>
    </message>
    <message>
      <source>The platform's access token is kept in this computer's OS keyring, never in the database.</source>
      <translation>サービスのアクセストークンはこのコンピューターの OS キーリングに保存され、データベースには保存されません。</translation>
    </message>
    <message>
      <source>A supervisor signs each approval with a personal key. They create it on their own computer (Settings → Approval); an administrator compares the fingerprint and registers it.</source>
      <translation>所属長は承認ごとに個人の署名鍵で署名します。所属長が自分のコンピューターで鍵を作成し(設定 → 承認)、管理者がフィンガープリントを照合して登録します。</translation>
    </message>
    <message>
      <source>{account}: the policy is complete but not filed yet.</source>
      <translation>{account}: 運用方針は完成していますが、まだ届出されていません。</translation>
    </message>
    <message>
      <source>{account}: no credential on this terminal (Accounts → Credential on this terminal…).</source>
      <translation>{account}: この端末に資格情報がありません(アカウント → この端末の資格情報…)。</translation>
    </message>
    <message>
      <source>{name} (supervisor) has no registered signing key.</source>
      <translation>{name}(所属長)の署名鍵が登録されていません。</translation>
    </message>
    <message>
      <source>{name} is the only operator and the only supervisor: nobody approves their own draft, so give one of the two roles to another person as well.</source>
      <translation>担当者も所属長も {name} さんだけです。自分の下書きは承認できないため、どちらかの役割を別の人にも付けてください。</translation>
    </message>
    <message>
      <source>{account}: nobody is named as {duty}.</source>
      <translation>{account}: {duty}が指定されていません。</translation>
    </message>
    <message>
      <source>{account}: filed, but not in operation yet (Accounts → Set status → In operation).</source>
      <translation>{account}: 届出済みですが、まだ運用中ではありません(アカウント → 状態を変更 → 運用中)。</translation>
    </message>
    <message>
      <source>{account}: complete the policy and the staff first.</source>
      <translation>{account}: 先に運用方針と運用体制を完成させてください。</translation>
    </message>
    <message>
      <source>This terminal is approved, but not for {account}.</source>
      <translation>この端末は承認されていますが、{account} は対象外です。</translation>
    </message>
    <message>
      <source>{count} key(s) created on a computer wait to be registered (Settings → Approval).</source>
      <translation>作成済みで登録を待っている鍵が {count} 件あります(設定 → 承認)。</translation>
    </message>
  </context>
  <context>
    <name>GuidedStart</name>
    <message>
      <source>Open Settings → Staff</source>
      <translation>設定 → 職員 を開く</translation>
    </message>
    <message>
      <source>Open Accounts</source>
      <translation>アカウントを開く</translation>
    </message>
    <message>
      <source>Open Terminals</source>
      <translation>端末を開く</translation>
    </message>
    <message>
      <source>Open Settings → Approval</source>
      <translation>設定 → 承認 を開く</translation>
    </message>
    <message>
      <source>Add the first account…</source>
      <translation>最初のアカウントを追加…</translation>
    </message>
    <message>
      <source>Getting started (はじめに)</source>
      <translation>はじめに</translation>
    </message>
    <message>
      <source>What stands between this organization and its first post, in the order it is best done. Each step turns to ✔ as soon as it is done, here or on another computer.</source>
      <translation>最初の投稿までに必要なことを、進めやすい順に並べています。各手順は、ここでも別のコンピューターでも、終わるとすぐ ✔ になります。</translation>
    </message>
    <message>
      <source>✔ Done</source>
      <translation>✔ 完了</translation>
    </message>
    <message>
      <source>✖ To do</source>
      <translation>✖ 未完了</translation>
    </message>
    <message>
      <source>Everything is in place: an operator can write the first draft (Drafts → New draft).</source>
      <translation>準備はすべて整いました。担当者が最初の下書きを作成できます(下書き → 新しい下書き)。</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>完了。</translation>
    </message>
    <message>
      <source>To do.</source>
      <translation>未完了。</translation>
    </message>
    <message>
      <source>{left} of {total} steps still to do.</source>
      <translation>全 {total} 手順のうち {left} 手順が未完了です。</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Getting started (はじめに)…</source>
      <translation>はじめに(&amp;G)…</translation>
    </message>
  </context>
  <context>
    <name>DraftsScreen</name>
    <message>
      <source>Start a new draft for an official account (Ctrl+N).</source>
      <translation>公式アカウントの新しい下書きを作成します(Ctrl+N)。</translation>
    </message>
  </context>
</TS>
