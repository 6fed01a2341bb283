<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
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
      <source>Incident {id} cannot go from {old} to {new}.</source>
      <translation>インシデント {id} は「{old}」から「{new}」にできません。</translation>
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
      <source>look for impersonating accounts (for Task Scheduler / cron)</source>
      <translation>なりすましアカウントを探す（タスク スケジューラ／cron 用）</translation>
    </message>
    <message>
      <source>search the platforms for accounts that look like the official ones</source>
      <translation>公式アカウントに似たアカウントを各サービスで検索する</translation>
    </message>
    <message>
      <source>only this official account (repeatable)</source>
      <translation>この公式アカウントのみ（複数指定可）</translation>
    </message>
  </context>
</TS>
