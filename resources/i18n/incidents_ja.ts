<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>IncidentsScreen</name>
    <message>
      <source>New incident</source>
      <translation>新しいインシデント</translation>
    </message>
    <message>
      <source>Accounts concerned</source>
      <translation>対象アカウント</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>種別(&amp;K):</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>件名(&amp;T):</translation>
    </message>
    <message>
      <source>&amp;Severity:</source>
      <translation>重大度(&amp;S):</translation>
    </message>
    <message>
      <source>Acc&amp;ounts concerned:</source>
      <translation>対象アカウント(&amp;O):</translation>
    </message>
    <message>
      <source>&amp;Discovered:</source>
      <translation>発見日時(&amp;D):</translation>
    </message>
    <message>
      <source>&amp;What is known:</source>
      <translation>判明していること(&amp;W):</translation>
    </message>
    <message>
      <source>Record a step</source>
      <translation>対応の記録</translation>
    </message>
    <message>
      <source>e.g. 管理課 山田, 和光警察署, X</source>
      <translation>例：管理課 山田、和光警察署、X</translation>
    </message>
    <message>
      <source>ticket or reference number, notice URL</source>
      <translation>受付番号・照会番号、周知ページの URL</translation>
    </message>
    <message>
      <source>&amp;Step:</source>
      <translation>対応(&amp;S):</translation>
    </message>
    <message>
      <source>&amp;When:</source>
      <translation>日時(&amp;W):</translation>
    </message>
    <message>
      <source>To &amp;whom:</source>
      <translation>相手(&amp;W):</translation>
    </message>
    <message>
      <source>&amp;Reference:</source>
      <translation>受付番号・参照(&amp;R):</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>メモ(&amp;N):</translation>
    </message>
    <message>
      <source>Add evidence</source>
      <translation>証拠を追加</translation>
    </message>
    <message>
      <source>No file</source>
      <translation>ファイルなし</translation>
    </message>
    <message>
      <source>Choose &amp;file…</source>
      <translation>ファイルを選択(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;Label:</source>
      <translation>見出し(&amp;L):</translation>
    </message>
    <message>
      <source>&amp;URL:</source>
      <translation>URL(&amp;U):</translation>
    </message>
    <message>
      <source>&amp;Text as seen:</source>
      <translation>確認した文面(&amp;T):</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>ファイル:</translation>
    </message>
    <message>
      <source>Evidence is kept exactly as recorded and cannot be changed or removed afterwards.</source>
      <translation>証拠は記録したとおりに保存され、後から変更・削除できません。</translation>
    </message>
    <message>
      <source>Evidence file</source>
      <translation>証拠ファイル</translation>
    </message>
    <message>
      <source>&amp;Pause all scheduled posts…</source>
      <translation>予約投稿を全停止(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Only incidents being handled</source>
      <translation>対応中のみ表示(&amp;O)</translation>
    </message>
    <message>
      <source>Incidents</source>
      <translation>インシデント</translation>
    </message>
    <message>
      <source>Incident details</source>
      <translation>インシデントの詳細</translation>
    </message>
    <message>
      <source>&amp;New incident…</source>
      <translation>新しいインシデント(&amp;N)…</translation>
    </message>
    <message>
      <source>Record a &amp;step…</source>
      <translation>対応を記録(&amp;S)…</translation>
    </message>
    <message>
      <source>Add &amp;evidence…</source>
      <translation>証拠を追加(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Lock its accounts…</source>
      <translation>アカウントをロック(&amp;L)…</translation>
    </message>
    <message>
      <source>Mark &amp;contained</source>
      <translation>収束にする(&amp;C)</translation>
    </message>
    <message>
      <source>Close with a s&amp;ummary…</source>
      <translation>まとめを付けて終結(&amp;U)…</translation>
    </message>
    <message>
      <source>Lock accounts</source>
      <translation>アカウントのロック</translation>
    </message>
    <message>
      <source>Close incident</source>
      <translation>インシデントを終結</translation>
    </message>
    <message>
      <source>Summarise how the incident was handled and ended. A closed incident cannot be reopened.</source>
      <translation>インシデントへの対応と終結の経過をまとめてください。終結したインシデントは再開できません。</translation>
    </message>
    <message>
      <source>Pause all scheduled posts</source>
      <translation>予約投稿の全停止</translation>
    </message>
    <message>
      <source>Stop every scheduled post of every account now (a disaster, a tragedy, an incident)? Posts made by hand are not stopped. Why?</source>
      <translation>すべてのアカウントの予約投稿を今すぐ停止しますか（災害・事件・インシデント時）？手動での投稿は止まりません。理由は？</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>種別</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>重大度</translation>
    </message>
    <message>
      <source>Discovered</source>
      <translation>発見日時</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>&amp;Resume scheduled posting…</source>
      <translation>予約投稿を再開(&amp;R)…</translation>
    </message>
    <message>
      <source>Scheduled posting runs normally.</source>
      <translation>予約投稿は通常どおり動作しています。</translation>
    </message>
    <message>
      <source>Closing an incident needs a supervisor or administrator.</source>
      <translation>インシデントの終結には所属長または管理者の権限が必要です。</translation>
    </message>
    <message>
      <source>Pausing needs a supervisor or administrator.</source>
      <translation>全停止には所属長または管理者の権限が必要です。</translation>
    </message>
    <message>
      <source>Resume scheduled posting</source>
      <translation>予約投稿の再開</translation>
    </message>
    <message>
      <source>Next steps the guideline asks for</source>
      <translation>ガイドラインが求める次の対応</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>経過</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>証拠</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>番号</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>件名</translation>
    </message>
    <message>
      <source>Lock {accounts}? Every scheduled and pending post to them stops at once, and they need a new password before anything is posted again. Only a supervisor or administrator can unlock. Why?</source>
      <translation>{accounts} をロックしますか？予約中・送信待ちの投稿はすべて直ちに止まり、再び投稿するには新しいパスワードが必要になります。解除できるのは所属長または管理者だけです。理由は？</translation>
    </message>
    <message>
      <source>Resuming sends these posts now:</source>
      <translation>再開すると、次の投稿が直ちに送信されます：</translation>
    </message>
    <message>
      <source>No post became due while posting was paused.</source>
      <translation>停止中に投稿時刻を迎えた投稿はありません。</translation>
    </message>
    <message>
      <source>None</source>
      <translation>なし</translation>
    </message>
    <message>
      <source>Nothing recorded yet</source>
      <translation>まだ記録がありません</translation>
    </message>
    <message>
      <source>All scheduled posting is paused since {since} by {by}: {reason}</source>
      <translation>予約投稿は {since} から全停止中です（{by}）：{reason}</translation>
    </message>
    <message>
      <source>These missed their window and will be reported as missed:</source>
      <translation>次の投稿は送信期限を過ぎているため、未送信として報告されます：</translation>
    </message>
    <message>
      <source>Why is posting resumed?</source>
      <translation>再開する理由は？</translation>
    </message>
    <message>
      <source>Suspicious &amp;account…</source>
      <translation>不審なアカウント(&amp;A)…</translation>
    </message>
    <message>
      <source>Report to the platform</source>
      <translation>サービス運営者への報告</translation>
    </message>
    <message>
      <source>Record the suspicious account first: the report names it and goes to its platform.</source>
      <translation>先に不審なアカウントを記録してください。報告にはそのアカウントを記載し、そのサービスの運営者に送ります。</translation>
    </message>
    <message>
      <source>Impersonating accounts</source>
      <translation>なりすましアカウント</translation>
    </message>
    <message>
      <source>Warning posts drafted: {drafts}</source>
      <translation>注意喚起の下書き: {drafts}</translation>
    </message>
    <message>
      <source>Save the public notice</source>
      <translation>公開のお知らせを保存</translation>
    </message>
    <message>
      <source>Web page (*.html)</source>
      <translation>Web ページ (*.html)</translation>
    </message>
    <message>
      <source>Public notice</source>
      <translation>公開のお知らせ</translation>
    </message>
    <message>
      <source>&amp;Record as published…</source>
      <translation>掲載済みとして記録(&amp;R)…</translation>
    </message>
    <message>
      <source>City website</source>
      <translation>市ホームページ</translation>
    </message>
    <message>
      <source>The notice was written to {path}. Put it on the city's website, then record where it is.</source>
      <translation>お知らせを {path} に書き出しました。市のホームページに掲載したら、掲載先を記録してください。</translation>
    </message>
    <message>
      <source>Drafting posts needs an operator.</source>
      <translation>下書きの作成には担当者の役割が必要です。</translation>
    </message>
    <message>
      <source>Warning posts</source>
      <translation>注意喚起の投稿</translation>
    </message>
    <message>
      <source>&amp;Warning posts…</source>
      <translation>注意喚起の投稿(&amp;W)…</translation>
    </message>
    <message>
      <source>Drafts {drafts} are ready in Drafts. Check them, submit them and have them approved as usual.</source>
      <translation>下書き {drafts} を「下書き」に用意しました。内容を確認し、通常どおり申請して承認を受けてください。</translation>
    </message>
    <message>
      <source>Account:</source>
      <translation>アカウント:</translation>
    </message>
    <message>
      <source>Compare posts</source>
      <translation>投稿の照合</translation>
    </message>
    <message>
      <source>Unlock account</source>
      <translation>アカウントのロック解除</translation>
    </message>
    <message>
      <source>Unlock the account? Posting resumes only once a new credential is stored (要パスワード変更 stays until then). Why is it safe again?</source>
      <translation>アカウントのロックを解除しますか? 新しい認証情報が保存されるまで投稿は再開しません(それまで要パスワード変更のままです)。安全と判断した理由は?</translation>
    </message>
    <message>
      <source>Unlocking needs a supervisor or administrator.</source>
      <translation>ロック解除には承認者または管理者の役割が必要です。</translation>
    </message>
    <message>
      <source>{read} recent posts of {account} read: {foreign} were not made by KohoGate and are kept as evidence ({new} new). Ask the platform to remove them and name them in the notice.</source>
      <translation>{account} の最近の投稿 {read} 件を読み取りました: {foreign} 件は KohoGate による投稿ではなく、証拠として保存しました(新規 {new} 件)。運営者に削除を依頼し、お知らせにも記載してください。</translation>
    </message>
    <message>
      <source>{read} recent posts of {account} read: every one was published through KohoGate.</source>
      <translation>{account} の最近の投稿 {read} 件を読み取りました: すべて KohoGate から公開したものです。</translation>
    </message>
    <message>
      <source>(locked: nothing posts)</source>
      <translation>(ロック中: 投稿は止まっています)</translation>
    </message>
    <message>
      <source>Look for &amp;impersonators…</source>
      <translation>なりすましを探す(&amp;I)…</translation>
    </message>
    <message>
      <source>Report to the plat&amp;form…</source>
      <translation>運営者へ報告(&amp;F)…</translation>
    </message>
    <message>
      <source>Public no&amp;tice…</source>
      <translation>公開のお知らせ(&amp;T)…</translation>
    </message>
    <message>
      <source>Co&amp;mpare its posts…</source>
      <translation>投稿を照合(&amp;M)…</translation>
    </message>
    <message>
      <source>Unloc&amp;k…</source>
      <translation>ロック解除(&amp;K)…</translation>
    </message>
    <message>
      <source>Export evidence</source>
      <translation>証拠の書き出し</translation>
    </message>
    <message>
      <source>Evidence:</source>
      <translation>証拠:</translation>
    </message>
    <message>
      <source>E&amp;xport evidence…</source>
      <translation>証拠を書き出す(&amp;X)…</translation>
    </message>
    <message>
      <source>The evidence could not be saved to {path}: {reason}</source>
      <translation>証拠を {path} に保存できませんでした: {reason}</translation>
    </message>
    <message>
      <source>Saved to {path}. SHA-256 {sha} matches the record.</source>
      <translation>{path} に保存しました。SHA-256 {sha} は記録と一致しています。</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Incidents</source>
      <translation>インシデント</translation>
    </message>
    <message>
      <source>全停止: scheduled posting paused</source>
      <translation>全停止中: 予約投稿を停止しています</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <source>Account locked (incident)</source>
      <translation>アカウントをロック（インシデント）</translation>
    </message>
    <message>
      <source>Account unlocked</source>
      <translation>アカウントのロックを解除</translation>
    </message>
    <message>
      <source>All scheduled posting paused</source>
      <translation>予約投稿を全停止</translation>
    </message>
    <message>
      <source>Scheduled posting resumed</source>
      <translation>予約投稿を再開</translation>
    </message>
    <message>
      <source>Incident reported</source>
      <translation>インシデントを登録</translation>
    </message>
    <message>
      <source>Incident evidence recorded</source>
      <translation>インシデントの証拠を記録</translation>
    </message>
    <message>
      <source>Incident state changed</source>
      <translation>インシデントの状態を変更</translation>
    </message>
    <message>
      <source>Incident reported to the section</source>
      <translation>インシデントを管理課へ報告</translation>
    </message>
    <message>
      <source>Incident reported to the platform</source>
      <translation>インシデントを運営者へ通報</translation>
    </message>
    <message>
      <source>Police consulted about an incident</source>
      <translation>インシデントを警察へ相談</translation>
    </message>
    <message>
      <source>Incident notice published</source>
      <translation>インシデントの周知を掲載</translation>
    </message>
    <message>
      <source>Password changed after an incident</source>
      <translation>インシデント後にパスワードを変更</translation>
    </message>
    <message>
      <source>Account's posts compared after an incident</source>
      <translation>インシデント後に投稿を照合</translation>
    </message>
    <message>
      <source>Response to an incident posted</source>
      <translation>インシデントへの対応を発信</translation>
    </message>
    <message>
      <source>Incident note</source>
      <translation>インシデントのメモ</translation>
    </message>
    <message>
      <source>Incident closed</source>
      <translation>インシデントを終結</translation>
    </message>
    <message>
      <source>Being handled</source>
      <translation>対応中</translation>
    </message>
    <message>
      <source>Contained</source>
      <translation>収束</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>終結</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Reported to the PR / administration section</source>
      <translation>管理課・広報担当課へ報告した</translation>
    </message>
    <message>
      <source>Reported to the platform (deletion request)</source>
      <translation>運営者へ削除依頼・通報した</translation>
    </message>
    <message>
      <source>Consulted the police</source>
      <translation>警察等へ相談した</translation>
    </message>
    <message>
      <source>Notice published on the website</source>
      <translation>ホームページ等で周知した</translation>
    </message>
    <message>
      <source>Password changed and sessions revoked</source>
      <translation>パスワードを変更し、ログイン中のセッションを失効させた</translation>
    </message>
    <message>
      <source>Account's posts compared with KohoGate's record</source>
      <translation>アカウントの投稿を KohoGate の記録と照合した</translation>
    </message>
    <message>
      <source>Correction or response posted</source>
      <translation>訂正・説明を発信した</translation>
    </message>
    <message>
      <source>Closed with a summary</source>
      <translation>経過をまとめて終結した</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>件名</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>説明</translation>
    </message>
    <message>
      <source>To whom</source>
      <translation>相手</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>受付番号・参照</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>見出し</translation>
    </message>
    <message>
      <source>Close the incident with its summary instead.</source>
      <translation>終結は、経過のまとめを付けてインシデントの状態から行ってください。</translation>
    </message>
    <message>
      <source>Name the police station that was consulted.</source>
      <translation>相談した警察署名を入力してください。</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>インシデント</translation>
    </message>
    <message>
      <source>The time of the step needs a time zone.</source>
      <translation>対応の日時にタイムゾーンが必要です。</translation>
    </message>
    <message>
      <source>The evidence URL must start with https:// or http://.</source>
      <translation>証拠の URL は https:// または http:// で始めてください。</translation>
    </message>
    <message>
      <source>Evidence needs a URL, captured text or a file.</source>
      <translation>証拠には URL、記録した文面、またはファイルのいずれかが必要です。</translation>
    </message>
    <message>
      <source>The time of discovery needs a time zone.</source>
      <translation>発見日時にタイムゾーンが必要です。</translation>
    </message>
    <message>
      <source>The time of discovery lies in the future.</source>
      <translation>発見日時が未来になっています。</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>経過のまとめ</translation>
    </message>
    <message>
      <source>Scheduled posting is already paused.</source>
      <translation>予約投稿はすでに全停止中です。</translation>
    </message>
    <message>
      <source>Scheduled posting is not paused.</source>
      <translation>予約投稿は停止されていません。</translation>
    </message>
    <message>
      <source>Evidence {id} was altered after it was recorded: its content no longer matches SHA-256 {sha}.</source>
      <translation>証拠 {id} は記録後に改変されています。内容が SHA-256 {sha} と一致しません。</translation>
    </message>
    <message>
      <source>The evidence file is too large ({size} MB; at most {limit} MB).</source>
      <translation>証拠ファイルが大きすぎます（{size} MB。上限 {limit} MB）。</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>ファイル名</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>証拠</translation>
    </message>
    <message>
      <source>Incident {id} is closed; open a new one.</source>
      <translation>インシデント {id} は終結しています。新しいインシデントを登録してください。</translation>
    </message>
    <message>
      <source>The account {handle} is already locked.</source>
      <translation>アカウント {handle} はすでにロックされています。</translation>
    </message>
    <message>
      <source>The account {handle} is not locked.</source>
      <translation>アカウント {handle} はロックされていません。</translation>
    </message>
    <message>
      <source>The account {handle} is locked (suspected hijack or incident): nothing is posted until a supervisor or administrator unlocks it.</source>
      <translation>アカウント {handle} はロック中です（乗っ取りの疑い・インシデント）。所属長または管理者が解除するまで投稿されません。</translation>
    </message>
    <message>
      <source>known</source>
      <translation>既知</translation>
    </message>
    <message>
      <source>NEW</source>
      <translation>新規</translation>
    </message>
    <message>
      <source>No new look-alike accounts found.</source>
      <translation>新たな類似アカウントは見つかりませんでした。</translation>
    </message>
    <message>
      <source>No open incidents.</source>
      <translation>対応中のインシデントはありません。</translation>
    </message>
    <message>
      <source>No incidents recorded.</source>
      <translation>インシデントの記録はありません。</translation>
    </message>
    <message>
      <source>Scheduled posting is paused (全停止): {count} due posts held until it is resumed.</source>
      <translation>予約投稿は全停止中です。時刻を迎えた {count} 件は再開まで保留しています。</translation>
    </message>
    <message>
      <source>{label}: {handle} ({name}) resembles {official} — {url}</source>
      <translation>{label}：{handle}（{name}）は {official} に似ています — {url}</translation>
    </message>
    <message>
      <source>Could not search for {handle}: {message}</source>
      <translation>{handle} の検索ができませんでした：{message}</translation>
    </message>
    <message>
      <source>Not searchable through the platform's API (check by hand): {handles}</source>
      <translation>API で検索できないため目視で確認してください：{handles}</translation>
    </message>
    <message>
      <source>No official account has the id {ids}.</source>
      <translation>ID {ids} の公式アカウントはありません。</translation>
    </message>
    <message>
      <source>list the incident register</source>
      <translation>インシデントの登録簿を表示する</translation>
    </message>
    <message>
      <source>list incidents, newest first</source>
      <translation>インシデントを新しい順に一覧する</translation>
    </message>
    <message>
      <source>only incidents not yet closed</source>
      <translation>終結していないインシデントのみ</translation>
    </message>
    <message>
      <source>search the platforms for accounts that look like the official ones</source>
      <translation>公式アカウントに似たアカウントを各サービスで検索する</translation>
    </message>
    <message>
      <source>only this official account (repeatable)</source>
      <translation>この公式アカウントのみ（複数指定可）</translation>
    </message>
    <message>
      <source>Impersonating account recorded</source>
      <translation>なりすましアカウントを記録</translation>
    </message>
    <message>
      <source>Warning post drafted from an incident</source>
      <translation>インシデントから注意喚起の下書きを作成</translation>
    </message>
    <message>
      <source> (verified)</source>
      <translation>(認証済み)</translation>
    </message>
    <message>
      <source>The account {fake} pretends to be the official {platform} account of {org} ({official}). It is not operated by {org} and misleads residents. We are the organization impersonated and ask you to remove the account.</source>
      <translation>アカウント {fake} は{org}の{platform}公式アカウント({official})になりすましています。{org}が運用するものではなく、住民を誤解させています。なりすまされている当団体として、このアカウントの削除を依頼します。</translation>
    </message>
    <message>
      <source>The official {platform} account {official} of {org} was accessed without our permission. Posts since the takeover were not made by us. We ask you to help us regain control of the account and to remove the posts we did not make.</source>
      <translation>{org}の{platform}公式アカウント {official} が不正にアクセスされました。乗っ取り以降の投稿は当団体によるものではありません。アカウントの回復と、当団体が行っていない投稿の削除にご協力ください。</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>経緯</translation>
    </message>
    <message>
      <source>Our list of official accounts: {url}</source>
      <translation>公式アカウント一覧: {url}</translation>
    </message>
    <message>
      <source>Impersonating account</source>
      <translation>なりすましアカウント</translation>
    </message>
    <message>
      <source>This platform has no known report form; use its help centre.</source>
      <translation>このサービスの報告フォームは登録されていません。ヘルプセンターから報告してください。</translation>
    </message>
    <message>
      <source>found {date}</source>
      <translation>{date} 発見</translation>
    </message>
    <message>
      <source>Handle</source>
      <translation>アカウントID</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>表示名</translation>
    </message>
    <message>
      <source>The account's URL must start with https:// or http://.</source>
      <translation>アカウントの URL は https:// または http:// で始めてください。</translation>
    </message>
    <message>
      <source>Account found by the impersonation watch</source>
      <translation>なりすまし監視で見つかったアカウント</translation>
    </message>
    <message>
      <source>Unknown platform: {value}</source>
      <translation>不明なサービスです: {value}</translation>
    </message>
    <message>
      <source>Look-alike of {official}: {handle}</source>
      <translation>{official} に似たアカウント: {handle}</translation>
    </message>
    <message>
      <source>The account concerned</source>
      <translation>対象のアカウント</translation>
    </message>
    <message>
      <source>Impersonating accounts</source>
      <translation>なりすましアカウント</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>発見日</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>サービス</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>アドレス</translation>
    </message>
    <message>
      <source>The addresses are shown as text so that nobody is taken to these accounts.</source>
      <translation>これらのアカウントへ移動しないよう、アドレスはリンクにせず文字で示しています。</translation>
    </message>
    <message>
      <source>Our official accounts</source>
      <translation>公式アカウント</translation>
    </message>
    <message>
      <source>The full list of official accounts and their operating policies</source>
      <translation>公式アカウントの一覧と運用方針</translation>
    </message>
    <message>
      <source>What to do</source>
      <translation>皆さまへのお願い</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>電話</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>メール</translation>
    </message>
    <message>
      <source>Do not follow, reply to or send messages to the account.</source>
      <translation>このアカウントをフォローしたり、返信やメッセージを送ったりしないでください。</translation>
    </message>
    <message>
      <source>Do not open links it sends, and never enter passwords, card numbers or personal details.</source>
      <translation>送られてきたリンクを開かず、パスワード・カード番号・個人情報を絶対に入力しないでください。</translation>
    </message>
    <message>
      <source>{org} never asks for money, bank details or passwords on social media.</source>
      <translation>{org}が SNS で金銭、口座情報、パスワードを求めることはありません。</translation>
    </message>
    <message>
      <source>If you have already answered or paid, consult the police (#9110) or the consumer hotline (188) without delay.</source>
      <translation>すでに返信したり支払ったりした場合は、すぐに警察相談専用電話(#9110)または消費者ホットライン(188)にご相談ください。</translation>
    </message>
    <message>
      <source>You can help by reporting the account to the service.</source>
      <translation>サービスへの通報にご協力ください。</translation>
    </message>
    <message>
      <source>Record the impersonating account first: the notice names it.</source>
      <translation>先になりすましアカウントを記録してください。お知らせにはそのアカウントを記載します。</translation>
    </message>
    <message>
      <source>Name the hijacked account in the incident first: the notice names it.</source>
      <translation>先にインシデントに乗っ取られたアカウントを指定してください。お知らせにはそのアカウントを記載します。</translation>
    </message>
    <message>
      <source>Ignore posts and messages the account sent around the date it was found, and do not share them.</source>
      <translation>発見日前後にこのアカウントから送られた投稿やメッセージは無視し、拡散しないでください。</translation>
    </message>
    <message>
      <source>Unauthorized access to an official account of {org}</source>
      <translation>{org}公式アカウントへの不正アクセスについて</translation>
    </message>
    <message>
      <source>An official social-media account of {org} was accessed by someone else. Posts and messages sent from it since then were not made by {org}.</source>
      <translation>{org}の SNS 公式アカウントが第三者により不正にアクセスされました。その後にこのアカウントから送られた投稿やメッセージは{org}によるものではありません。</translation>
    </message>
    <message>
      <source>Beware of accounts impersonating {org}</source>
      <translation>{org}をかたる「なりすましアカウント」にご注意ください</translation>
    </message>
    <message>
      <source>Accounts pretending to be official accounts of {org} have been found. They are not operated by {org}.</source>
      <translation>{org}の公式アカウントを装ったアカウントが見つかりました。これらは{org}が運用するものではありません。</translation>
    </message>
    <message>
      <source>Only these accounts are operated by {org}.</source>
      <translation>{org}が運用しているのは次のアカウントだけです。</translation>
    </message>
    <message>
      <source>A public notice is written for impersonation and hijacked accounts, not for {kind}.</source>
      <translation>公開のお知らせは、なりすましと乗っ取りについて作成します({kind}は対象外です)。</translation>
    </message>
    <message>
      <source>{path} is a folder; give a file name such as notice.html.</source>
      <translation>{path} はフォルダーです。notice.html のようなファイル名を指定してください。</translation>
    </message>
    <message>
      <source>The notice could not be written to {path}: {reason}</source>
      <translation>お知らせを {path} に書き込めませんでした: {reason}</translation>
    </message>
    <message>
      <source>Notice for incident {number} written to {path}.</source>
      <translation>インシデント {number} のお知らせを {path} に書き出しました。</translation>
    </message>
    <message>
      <source>Recorded: notice published at {url}.</source>
      <translation>記録しました: お知らせを {url} に掲載。</translation>
    </message>
    <message>
      <source>write the public warning for the city's website (impersonation, hijacked account)</source>
      <translation>ホームページ用の注意喚起のお知らせを書き出す(なりすまし・乗っ取り)</translation>
    </message>
    <message>
      <source>the incident's number</source>
      <translation>インシデントの番号</translation>
    </message>
    <message>
      <source>where to write the HTML page</source>
      <translation>HTML ページの書き出し先</translation>
    </message>
    <message>
      <source>address of the list of official accounts on the website</source>
      <translation>ホームページ上の公式アカウント一覧のアドレス</translation>
    </message>
    <message>
      <source>the page is on the website at URL: record the step 'notice published' (as the OS login)</source>
      <translation>ページを URL に掲載した: 「お知らせ掲載」の手順を記録する(OS のログインユーザーとして)</translation>
    </message>
    <message>
      <source>Date of this notice</source>
      <translation>掲載日</translation>
    </message>
    <message>
      <source>Choose at least one official account to post the warning from.</source>
      <translation>注意喚起を投稿する公式アカウントを 1 つ以上選んでください。</translation>
    </message>
    <message>
      <source>There is no warning post for an incident of the kind {kind}.</source>
      <translation>{kind}のインシデントには注意喚起の投稿文がありません。</translation>
    </message>
    <message>
      <source>The account is not one of the incident's accounts.</source>
      <translation>このアカウントはインシデントの対象アカウントではありません。</translation>
    </message>
    <message>
      <source>This terminal's keyring holds no credential for {handle}. Store the new credential (after changing the password) on this terminal, then compare.</source>
      <translation>この端末のキーリングに {handle} の認証情報がありません。パスワードを変更したあと新しい認証情報をこの端末に保存してから照合してください。</translation>
    </message>
    <message>
      <source>{platform} does not let KohoGate read the account's posts. Compare them by hand in the platform's own app with the publications in KohoGate's record.</source>
      <translation>{platform}では KohoGate からアカウントの投稿を読み取れません。サービスのアプリで、KohoGate の記録にある投稿と手作業で照合してください。</translation>
    </message>
    <message>
      <source>This terminal is not approved for {handle}. Compare on a terminal that is.</source>
      <translation>この端末は {handle} に承認されていません。承認された端末で照合してください。</translation>
    </message>
    <message>
      <source>{read} recent posts read, {foreign} not made by KohoGate ({new} newly kept as evidence).</source>
      <translation>最近の投稿 {read} 件を読み取り、うち {foreign} 件は KohoGate による投稿ではありません(新たに証拠として保存 {new} 件)。</translation>
    </message>
    <message>
      <source>Post not made by KohoGate ({handle})</source>
      <translation>KohoGate によらない投稿({handle})</translation>
    </message>
    <message>
      <source>Held, the account is locked (乗っ取り): {title} ({account}), due {time}</source>
      <translation>アカウントがロック中のため保留(乗っ取り): {title}({account})、予定 {time}</translation>
    </message>
  </context>
  <context>
    <name>IncidentDialogs</name>
    <message>
      <source>Copy</source>
      <translation>コピー</translation>
    </message>
    <message>
      <source>Report form address</source>
      <translation>報告フォームのアドレス</translation>
    </message>
    <message>
      <source>Copy &amp;everything</source>
      <translation>すべてコピー(&amp;E)</translation>
    </message>
    <message>
      <source>Report to the platform</source>
      <translation>サービス運営者への報告</translation>
    </message>
    <message>
      <source>Open the form in your browser, paste the facts below and submit it. Then record the report with the ticket or reference number the platform gives.</source>
      <translation>ブラウザでフォームを開き、下の内容を貼り付けて送信してください。その後、運営者から受け取った受付番号とともに報告を記録します。</translation>
    </message>
    <message>
      <source>&amp;Record as reported…</source>
      <translation>報告済みとして記録(&amp;R)…</translation>
    </message>
    <message>
      <source>Suspicious account</source>
      <translation>不審なアカウント</translation>
    </message>
    <message>
      <source>&amp;Platform:</source>
      <translation>サービス(&amp;P):</translation>
    </message>
    <message>
      <source>&amp;Handle:</source>
      <translation>アカウントID(&amp;H):</translation>
    </message>
    <message>
      <source>&amp;Display name:</source>
      <translation>表示名(&amp;D):</translation>
    </message>
    <message>
      <source>&amp;URL:</source>
      <translation>URL(&amp;U):</translation>
    </message>
    <message>
      <source>Add what you saw (a screenshot, the profile text) as evidence too.</source>
      <translation>見たもの(スクリーンショット、プロフィールの文面)は証拠としても追加してください。</translation>
    </message>
    <message>
      <source>Copy {what}</source>
      <translation>{what}をコピー</translation>
    </message>
    <message>
      <source>(no known form: see the help centre)</source>
      <translation>(登録されたフォームなし: ヘルプセンターを参照)</translation>
    </message>
    <message>
      <source>Form:</source>
      <translation>フォーム:</translation>
    </message>
    <message>
      <source>the form address</source>
      <translation>フォームのアドレス</translation>
    </message>
    <message>
      <source>Source: {url}</source>
      <translation>出典: {url}</translation>
    </message>
    <message>
      <source>Warning posts</source>
      <translation>注意喚起の投稿</translation>
    </message>
    <message>
      <source>KohoGate prepares one draft per account chosen, with a warning text that fits the platform. The drafts are checked, submitted and approved like any other post: nothing is published now.</source>
      <translation>選んだアカウントごとに、そのサービスの文字数に収まる注意喚起の下書きを用意します。下書きは通常の投稿と同じくチェック・申請・承認を経ます。ここでは何も公開されません。</translation>
    </message>
    <message>
      <source>Accounts to post the warning from</source>
      <translation>注意喚起を投稿するアカウント</translation>
    </message>
    <message>
      <source>&amp;Prepare drafts</source>
      <translation>下書きを用意(&amp;P)</translation>
    </message>
    <message>
      <source>Look-alike accounts</source>
      <translation>似たアカウント</translation>
    </message>
    <message>
      <source>&amp;Open an incident</source>
      <translation>インシデントにする(&amp;O)</translation>
    </message>
    <message>
      <source>No look-alike accounts found.</source>
      <translation>似たアカウントは見つかりませんでした。</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新規</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>サービス</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>表示名</translation>
    </message>
    <message>
      <source>Resembles</source>
      <translation>似ている公式アカウント</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>アドレス</translation>
    </message>
    <message>
      <source>Could not search for {handle}: {message}</source>
      <translation>{handle} を検索できませんでした: {message}</translation>
    </message>
    <message>
      <source>Not searchable through the platform's API (check by hand): {handles}</source>
      <translation>サービスの API では検索できません(手作業で確認してください): {handles}</translation>
    </message>
    <message>
      <source>known</source>
      <translation>既知</translation>
    </message>
    <message>
      <source>NEW</source>
      <translation>新規</translation>
    </message>
  </context>
  <context>
    <name>Publishing</name>
    <message>
      <source>account locked, held: {count}</source>
      <translation>ロック中のアカウントで保留: {count}</translation>
    </message>
  </context>
  <context>
    <name>AccountsScreen</name>
    <message>
      <source>Not verified</source>
      <translation>未認証</translation>
    </message>
    <message>
      <source>The platform's verification badge (joso:3(2))</source>
      <translation>サービスによる認証バッジ(joso:3(2))</translation>
    </message>
  </context>
</TS>
