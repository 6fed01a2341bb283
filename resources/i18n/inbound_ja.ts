<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>Replies read from a platform</source>
      <translation>プラットフォームから返信を読み取り</translation>
    </message>
    <message>
      <source>Reply kept as evidence</source>
      <translation>返信を証拠として保存</translation>
    </message>
    <message>
      <source>Reply hidden on the platform</source>
      <translation>返信をプラットフォームで非表示</translation>
    </message>
    <message>
      <source>Reply deleted on the platform</source>
      <translation>返信をプラットフォームで削除</translation>
    </message>
    <message>
      <source>Author of a reply blocked</source>
      <translation>返信の投稿者をブロック</translation>
    </message>
    <message>
      <source>Author of a reply muted</source>
      <translation>返信の投稿者をミュート</translation>
    </message>
    <message>
      <source>Reply reported to the platform</source>
      <translation>返信をプラットフォームに通報</translation>
    </message>
    <message>
      <source>Reply marked handled</source>
      <translation>返信を対応済みに</translation>
    </message>
    <message>
      <source>Reply escalated to an incident</source>
      <translation>返信をインシデントに</translation>
    </message>
    <message>
      <source>Answer to a reply drafted</source>
      <translation>返信への回答を起案</translation>
    </message>
    <message>
      <source>炎上 suspected: replies far above normal</source>
      <translation>炎上の疑い:返信が通常を大きく上回る</translation>
    </message>
    <message>
      <source>炎上 episode calmed down</source>
      <translation>炎上が収まった</translation>
    </message>
    <message>
      <source>炎上 episode opened as an incident</source>
      <translation>炎上をインシデントに</translation>
    </message>
    <message>
      <source>Old replies deleted (retention)</source>
      <translation>古い返信を削除(保存期間)</translation>
    </message>
    <message>
      <source>Reply settings changed</source>
      <translation>返信の設定を変更</translation>
    </message>
    <message>
      <source>Action needed</source>
      <translation>要対応</translation>
    </message>
    <message>
      <source>To check</source>
      <translation>要確認</translation>
    </message>
    <message>
      <source>Information</source>
      <translation>情報</translation>
    </message>
    <message>
      <source>LINE official accounts have no public replies: messages from friends are one-to-one chats, which official accounts do not conduct (wako:5-エ). KohoGate does not read them.</source>
      <translation>LINE 公式アカウントには公開の返信がありません。友だちからのメッセージは1対1のトークで、公式アカウントでは行いません(wako:5-エ)。KohoGate は読み取りません。</translation>
    </message>
    <message>
      <source>KohoGate cannot read replies on {platform} through its API: check them in the platform's app.</source>
      <translation>{platform} の返信は API で読めません。{platform} のアプリで確認してください。</translation>
    </message>
    <message>
      <source>{platform} does not let KohoGate do this through its API; do it in the platform's app.</source>
      <translation>{platform} の API ではこの操作ができません。プラットフォームのアプリで行ってください。</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>返信</translation>
    </message>
    <message>
      <source>Reply to {handle} needing action ({level})</source>
      <translation>{handle} への返信({level})</translation>
    </message>
    <message>
      <source>The reply as read from the platform</source>
      <translation>プラットフォームから読み取った返信</translation>
    </message>
    <message>
      <source>Keep replies between 30 and 3650 days.</source>
      <translation>返信の保存期間は30日から3650日の間で指定してください。</translation>
    </message>
    <message>
      <source>The 炎上 threshold needs a factor of at least 1.5 and at least one reply an hour.</source>
      <translation>炎上のしきい値は、倍率1.5以上、1時間に1件以上にしてください。</translation>
    </message>
    <message>
      <source>炎上 episode</source>
      <translation>炎上</translation>
    </message>
    <message>
      <source>炎上 suspected on {handle}: {count} replies an hour</source>
      <translation>{handle} で炎上の疑い:1時間に {count} 件の返信</translation>
    </message>
    <message>
      <source>Keep the reply as evidence before it is hidden or deleted.</source>
      <translation>非表示・削除の前に返信を証拠として保存してください。</translation>
    </message>
    <message>
      <source>Reply to {handle}</source>
      <translation>{handle} への回答</translation>
    </message>
    <message>
      <source>This reply is already part of incident {id}.</source>
      <translation>この返信はすでにインシデント {id} に含まれています。</translation>
    </message>
    <message>
      <source>A reply to this item is already drafted (draft {id}).</source>
      <translation>この返信への回答はすでに起案されています(下書き {id})。</translation>
    </message>
    <message>
      <source>This 炎上 episode already has incident {id}.</source>
      <translation>この炎上にはすでにインシデント {id} があります。</translation>
    </message>
    <message>
      <source>Reply {id} does not exist.</source>
      <translation>返信 {id} はありません。</translation>
    </message>
    <message>
      <source>{platform} does not offer this through its API: do it in the platform's app and record it.</source>
      <translation>{platform} の API にはこの操作がありません。プラットフォームのアプリで行い、記録してください。</translation>
    </message>
    <message>
      <source>look for impersonating accounts or read replies (for Task Scheduler / cron)</source>
      <translation>なりすましの検索や返信の読み取り(タスク スケジューラ/cron 用)</translation>
    </message>
    <message>
      <source>read new replies and mentions into the moderation queue, triage them, watch for 炎上 and purge old ones (exit 1 when something needs a person)</source>
      <translation>新しい返信・メンションをモデレーション待ちに読み取り、振り分け、炎上を監視し、古いものを削除する(確認が必要なものがあれば終了コード1)</translation>
    </message>
    <message>
      <source>No official account to read.</source>
      <translation>読み取る公式アカウントがありません。</translation>
    </message>
    <message>
      <source>炎上 suspected on {handle}: {count} replies in the last hour (usually {usual:.1f}).</source>
      <translation>{handle} で炎上の疑い:直近1時間に {count} 件の返信(通常 {usual:.1f} 件)。</translation>
    </message>
    <message>
      <source>{count} replies older than the retention period were deleted.</source>
      <translation>保存期間を過ぎた返信 {count} 件を削除しました。</translation>
    </message>
    <message>
      <source>Could not read {handle}: {message}</source>
      <translation>{handle} を読めませんでした:{message}</translation>
    </message>
    <message>
      <source>{handle}: the platform asked to wait; reading again after {time}.</source>
      <translation>{handle}:プラットフォームから待機を求められました。{time} 以降に再度読みます。</translation>
    </message>
    <message>
      <source>{handle}: {new} new, {action} action needed, {check} to check{more}</source>
      <translation>{handle}:新着 {new} 件、要対応 {action} 件、要確認 {check} 件{more}</translation>
    </message>
    <message>
      <source>(stopped by a rate limit; the rest comes next run)</source>
      <translation>(回数制限で中断。残りは次回読みます)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Moderation</source>
      <translation>モデレーション</translation>
    </message>
  </context>
  <context>
    <name>Moderation</name>
    <message>
      <source>炎上 suspected on {handle}: {count} replies in an hour (usually {usual:.1f}).</source>
      <translation>{handle} で炎上の疑い:1時間に {count} 件の返信(通常 {usual:.1f} 件)。</translation>
    </message>
    <message>
      <source>Reading replies could not run: {kind}</source>
      <translation>返信を読み取れませんでした:{kind}</translation>
    </message>
    <message>
      <source>Replies: {new} new, {attention} needing a person.</source>
      <translation>返信:新着 {new} 件、うち確認が必要 {attention} 件。</translation>
    </message>
    <message>
      <source>An incident is proposed on the Moderation screen.</source>
      <translation>モデレーション画面でインシデントの作成を提案しています。</translation>
    </message>
    <message>
      <source>{count} new replies need action (要対応): see Moderation.</source>
      <translation>要対応の新しい返信が {count} 件あります。モデレーション画面を確認してください。</translation>
    </message>
  </context>
  <context>
    <name>ModerationScreen</name>
    <message>
      <source>Hide</source>
      <translation>非表示</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>削除</translation>
    </message>
    <message>
      <source>Block the author</source>
      <translation>投稿者をブロック</translation>
    </message>
    <message>
      <source>Mute the author</source>
      <translation>投稿者をミュート</translation>
    </message>
    <message>
      <source>Report to the platform</source>
      <translation>プラットフォームに通報</translation>
    </message>
    <message>
      <source>Reply settings</source>
      <translation>返信の設定</translation>
    </message>
    <message>
      <source> days</source>
      <translation> 日</translation>
    </message>
    <message>
      <source>&amp;Keep replies for:</source>
      <translation>返信の保存期間(&amp;K):</translation>
    </message>
    <message>
      <source>炎上 when replies an hour reach this many times the usual:</source>
      <translation>1時間の返信が通常の何倍で炎上とするか:</translation>
    </message>
    <message>
      <source>…and at least this many an hour:</source>
      <translation>…かつ1時間あたりの最少件数:</translation>
    </message>
    <message>
      <source>…or this share of them needs a person:</source>
      <translation>…または確認が必要な返信の割合:</translation>
    </message>
    <message>
      <source>Open a 炎上 &amp;incident…</source>
      <translation>炎上のインシデントを開く(&amp;I)…</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Sho&amp;w handled</source>
      <translation>対応済みも表示(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Read now</source>
      <translation>今すぐ読む(&amp;R)</translation>
    </message>
    <message>
      <source>Read new replies on this terminal now (otherwise every few minutes).</source>
      <translation>この端末で新しい返信を今すぐ読みます(通常は数分ごと)。</translation>
    </message>
    <message>
      <source>A&amp;ccount:</source>
      <translation>アカウント(&amp;C):</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>設定(&amp;S)…</translation>
    </message>
    <message>
      <source>Moderation queue</source>
      <translation>モデレーション待ち</translation>
    </message>
    <message>
      <source>Reply details</source>
      <translation>返信の詳細</translation>
    </message>
    <message>
      <source>&amp;Escalate to an incident…</source>
      <translation>インシデントにする(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Answer (draft)…</source>
      <translation>返信を起案(&amp;A)…</translation>
    </message>
    <message>
      <source>All accounts</source>
      <translation>すべてのアカウント</translation>
    </message>
    <message>
      <source>Mark handled</source>
      <translation>対応済みにする</translation>
    </message>
    <message>
      <source>No action on the platform. Why is this reply handled?</source>
      <translation>プラットフォーム上では何もしません。この返信を対応済みにする理由は?</translation>
    </message>
    <message>
      <source>Escalate to an incident</source>
      <translation>インシデントにする</translation>
    </message>
    <message>
      <source>Open an incident for this reply (threat, fraud or prohibited post, joso:6(5)); the reply is copied into it as evidence, and its steps include consulting the police. What happened?</source>
      <translation>この返信のインシデントを開きます(脅迫・詐欺・禁止投稿、joso:6(5))。返信は証拠として写され、手順には警察への相談が含まれます。何がありましたか。</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>区分</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>投稿者</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>種類</translation>
    </message>
    <message>
      <source>Written</source>
      <translation>投稿日時</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>アドレス</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>返信</translation>
    </message>
    <message>
      <source>Mention</source>
      <translation>メンション</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>引用</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>コメント</translation>
    </message>
    <message>
      <source>Marked handled</source>
      <translation>対応済み</translation>
    </message>
    <message>
      <source>Replies are residents' personal data: they are deleted after this period, except what was copied into an incident as evidence.</source>
      <translation>返信は住民の個人情報です。この期間を過ぎると削除されます(インシデントに証拠として写したものを除く)。</translation>
    </message>
    <message>
      <source>Hi&amp;de…</source>
      <translation>非表示(&amp;D)…</translation>
    </message>
    <message>
      <source>De&amp;lete…</source>
      <translation>削除(&amp;L)…</translation>
    </message>
    <message>
      <source>&amp;Block…</source>
      <translation>ブロック(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Mute…</source>
      <translation>ミュート(&amp;M)…</translation>
    </message>
    <message>
      <source>Re&amp;port…</source>
      <translation>通報(&amp;P)…</translation>
    </message>
    <message>
      <source>Opening an incident for a 炎上 needs a supervisor or administrator.</source>
      <translation>炎上のインシデントを開くには所属長または管理者の権限が必要です。</translation>
    </message>
    <message>
      <source>Changing these needs an administrator.</source>
      <translation>変更には管理者の権限が必要です。</translation>
    </message>
    <message>
      <source>{new} new replies, {attention} needing a person.</source>
      <translation>新しい返信 {new} 件、うち確認が必要 {attention} 件。</translation>
    </message>
    <message>
      <source>Reading replies</source>
      <translation>返信の読み取り</translation>
    </message>
    <message>
      <source>炎上</source>
      <translation>炎上</translation>
    </message>
    <message>
      <source>Incident {id}</source>
      <translation>インシデント {id}</translation>
    </message>
    <message>
      <source>Matched rule</source>
      <translation>該当ルール</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>本文</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>対応</translation>
    </message>
    <message>
      <source>{action} on {platform}. The reply's text, author, address and time are kept as evidence first. Why?</source>
      <translation>{platform} で「{action}」を行います。先に返信の本文・投稿者・アドレス・日時を証拠として保存します。理由は?</translation>
    </message>
    <message>
      <source>{action} on {platform}. Why?</source>
      <translation>{platform} で「{action}」を行います。理由は?</translation>
    </message>
    <message>
      <source>{platform} does not let KohoGate do this. Do it in {platform}'s app first; KohoGate records that it was done. Why was it done?</source>
      <translation>{platform} では KohoGate からこの操作はできません。先に {platform} のアプリで行ってください。KohoGate は実施したことを記録します。理由は?</translation>
    </message>
    <message>
      <source>Delete the comment</source>
      <translation>コメントの削除</translation>
    </message>
    <message>
      <source>&amp;Open incident</source>
      <translation>インシデントを開く(&amp;O)</translation>
    </message>
    <message>
      <source>No rule matched.</source>
      <translation>該当するルールはありません。</translation>
    </message>
    <message>
      <source>The post it answers</source>
      <translation>返信先の投稿</translation>
    </message>
    <message>
      <source>Why it is here</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Through the platform's API, from this terminal.</source>
      <translation>この端末から、プラットフォームの API で行います。</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>削除する(&amp;D)</translation>
    </message>
    <message>
      <source>Open a 炎上 incident for {handle}? Its steps follow joso:6(6).</source>
      <translation>{handle} の炎上インシデントを開きますか。対応手順は joso:6(6) に従います。</translation>
    </message>
    <message>
      <source>In reply to</source>
      <translation>返信先</translation>
    </message>
    <message>
      <source>Not in the platform's API: do it in the platform's app, then record it here.</source>
      <translation>API にない操作です。プラットフォームのアプリで行ってから、ここに記録してください。</translation>
    </message>
    <message>
      <source>Delete this comment on {platform}? It cannot be restored; the evidence stays here.</source>
      <translation>{platform} のこのコメントを削除しますか。元に戻せません。証拠はここに残ります。</translation>
    </message>
    <message>
      <source>Incident opened</source>
      <translation>インシデントを作成しました</translation>
    </message>
    <message>
      <source>Answer drafted</source>
      <translation>回答を起案しました</translation>
    </message>
    <message>
      <source>炎上 suspected on {handle}: {count} replies in an hour (usually {usual:.1f}). Respond calmly, avoid needless argument (joso:6(6)).</source>
      <translation>{handle} で炎上の疑い:1時間に {count} 件の返信(通常 {usual:.1f} 件)。冷静に対応し、無用な議論は避けてください(joso:6(6))。</translation>
    </message>
    <message>
      <source>{platform} does not offer this.</source>
      <translation>{platform} にはこの操作がありません。</translation>
    </message>
    <message>
      <source>Incident {id} is open on the Incidents screen.</source>
      <translation>インシデント {id} をインシデント画面に作成しました。</translation>
    </message>
    <message>
      <source>Draft {id} is on the Drafts screen. It goes through sign-off like any other post (wako:5-conduct: answer carefully, sincerely and fairly).</source>
      <translation>下書き {id} を下書き画面に作成しました。ほかの投稿と同じく承認を経て発信されます(wako:5-conduct:細心の注意を払い、誠実公正に対応)。</translation>
    </message>
    <message>
      <source>in the platform app</source>
      <translation>プラットフォームのアプリで実施</translation>
    </message>
    <message>
      <source>Mark ha&amp;ndled…</source>
      <translation>対応済みにする(&amp;N)…</translation>
    </message>
    <message>
      <source>None yet</source>
      <translation>まだありません</translation>
    </message>
    <message>
      <source>The posts that drew them</source>
      <translation>返信が集まった投稿</translation>
    </message>
    <message>
      <source>Answers drafted</source>
      <translation>起案した回答</translation>
    </message>
    <message>
      <source>Not known</source>
      <translation>不明</translation>
    </message>
    <message>
      <source>draft {id}</source>
      <translation>下書き {id}</translation>
    </message>
    <message>
      <source>Replies per hour on {handle}</source>
      <translation>{handle} への1時間あたりの返信</translation>
    </message>
    <message>
      <source>needing a person</source>
      <translation>要確認以上</translation>
    </message>
    <message>
      <source>{count} replies</source>
      <translation>返信 {count} 件</translation>
    </message>
  </context>
</TS>
