<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>AccountsScreen</name>
    <message>
      <source>Official accounts</source>
      <translation>公式アカウント</translation>
    </message>
    <message>
      <source>&amp;Add account…</source>
      <translation>アカウントを追加(&amp;A)…</translation>
    </message>
    <message>
      <source>Account status</source>
      <translation>アカウントの状態</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>状態(&amp;T):</translation>
    </message>
    <message>
      <source>Set &amp;status</source>
      <translation>状態を変更(&amp;S)</translation>
    </message>
    <message>
      <source>Save the status chosen for the selected account.</source>
      <translation>ここで選んだ状態を、選択したアカウントに保存します。</translation>
    </message>
    <message>
      <source>Platform</source>
      <translation>サービス</translation>
    </message>
    <message>
      <source>Account ID</source>
      <translation>アカウントID</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>URL</translation>
    </message>
  </context>
  <context>
    <name>Application</name>
    <message>
      <source>KohoGate cannot start</source>
      <translation>広報ゲートを起動できません</translation>
    </message>
    <message>
      <source>The terminal key could not be prepared.</source>
      <translation>端末鍵を準備できませんでした。</translation>
    </message>
  </context>
  <context>
    <name>ApprovalTab</name>
    <message>
      <source>&amp;Waiting for registration (compare the fingerprint first):</source>
      <translation>登録を待っている鍵（先にフィンガープリントを照合してください）(&amp;W):</translation>
    </message>
    <message>
      <source>&amp;Create my signing key on this computer</source>
      <translation>このパソコンに自分の署名鍵を作成(&amp;C)</translation>
    </message>
    <message>
      <source>My signing key</source>
      <translation>自分の署名鍵</translation>
    </message>
    <message>
      <source>Registered signing keys</source>
      <translation>登録済みの署名鍵</translation>
    </message>
    <message>
      <source>Keys waiting for registration</source>
      <translation>登録待ちの鍵</translation>
    </message>
    <message>
      <source>Register for</source>
      <translation>登録先の職員</translation>
    </message>
    <message>
      <source>&amp;Register selected key for…</source>
      <translation>選択した鍵をこの職員の鍵として登録(&amp;R):</translation>
    </message>
    <message>
      <source>Signing keys (administrators)</source>
      <translation>署名鍵 (管理者)</translation>
    </message>
    <message>
      <source>Deputies</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>所属長</translation>
    </message>
    <message>
      <source>Deputy</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>From</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>終了</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>e.g. business trip, leave</source>
      <translation>例: 出張、休暇</translation>
    </message>
    <message>
      <source>&amp;Name deputy</source>
      <translation>代理を指名(&amp;N)</translation>
    </message>
    <message>
      <source>End selected</source>
      <translation>選択した代理を終了</translation>
    </message>
    <message>
      <source>Deputies (代理) for absent supervisors</source>
      <translation>不在の所属長の代理</translation>
    </message>
    <message>
      <source>Emergency posts may be published &amp;before approval</source>
      <translation>緊急の投稿は承認前に公開できる(&amp;B)</translation>
    </message>
    <message>
      <source> hours</source>
      <translation> 時間</translation>
    </message>
    <message>
      <source>After-the-fact review due within</source>
      <translation>事後承認の期限</translation>
    </message>
    <message>
      <source>Save &amp;emergency rules</source>
      <translation>緊急時の設定を保存(&amp;E)</translation>
    </message>
    <message>
      <source>Emergency (緊急, joso:6 / wako:4)</source>
      <translation>緊急時 (joso:6 / wako:4)</translation>
    </message>
    <message>
      <source>Key created.</source>
      <translation>鍵を作成しました。</translation>
    </message>
    <message>
      <source>Key registered.</source>
      <translation>鍵を登録しました。</translation>
    </message>
    <message>
      <source>Key revoked: approvals signed with it no longer publish.</source>
      <translation>鍵を取り消しました。この鍵で署名された承認では公開できなくなります。</translation>
    </message>
    <message>
      <source>Deputy named.</source>
      <translation>代理を指名しました。</translation>
    </message>
    <message>
      <source>Deputy ended.</source>
      <translation>代理を終了しました。</translation>
    </message>
    <message>
      <source>Emergency rules saved.</source>
      <translation>緊急時の設定を保存しました。</translation>
    </message>
    <message>
      <source>Approvals are signed with a key kept only in this computer's keyring. Read the fingerprint to the administrator, who registers it.</source>
      <translation>承認は、このパソコンのキーリングだけに保管される鍵で署名されます。フィンガープリントを管理者に伝えて登録してもらってください。</translation>
    </message>
    <message>
      <source>Registered &amp;keys:</source>
      <translation>登録済みの鍵(&amp;K):</translation>
    </message>
    <message>
      <source>Su&amp;pervisor:</source>
      <translation>所属長(&amp;P):</translation>
    </message>
    <message>
      <source>&amp;Deputy:</source>
      <translation>代理(&amp;D):</translation>
    </message>
    <message>
      <source>&amp;Until:</source>
      <translation>終了(&amp;U):</translation>
    </message>
    <message>
      <source>Rea&amp;son:</source>
      <translation>理由(&amp;S):</translation>
    </message>
    <message>
      <source>&amp;After-the-fact review due within:</source>
      <translation>事後承認の期限(&amp;A):</translation>
    </message>
    <message>
      <source>No registered key.</source>
      <translation>登録済みの鍵はありません。</translation>
    </message>
    <message>
      <source>Select a key waiting for registration and the person it belongs to.</source>
      <translation>登録待ちの鍵と、その鍵の持ち主を選んでください。</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>職員</translation>
    </message>
    <message>
      <source>Fingerprint</source>
      <translation>フィンガープリント</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>登録日時</translation>
    </message>
    <message>
      <source>Revoked</source>
      <translation>取消日時</translation>
    </message>
    <message>
      <source>Created by</source>
      <translation>作成者</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>作成日時</translation>
    </message>
    <message>
      <source>Registered: {fingerprint}</source>
      <translation>登録済み: {fingerprint}</translation>
    </message>
    <message>
      <source>Created, waiting for registration: {fingerprint}</source>
      <translation>作成済み・登録待ち: {fingerprint}</translation>
    </message>
  </context>
  <context>
    <name>ApprovalsScreen</name>
    <message>
      <source>EMERGENCY</source>
      <translation>緊急</translation>
    </message>
    <message>
      <source>Awaiting approval</source>
      <translation>承認待ち</translation>
    </message>
    <message>
      <source>&amp;Open for review…</source>
      <translation>審査を開く(&amp;O)…</translation>
    </message>
    <message>
      <source>Recent decisions</source>
      <translation>最近の判断</translation>
    </message>
    <message>
      <source>Save approval &amp;record (PDF)…</source>
      <translation>決裁記録をPDFで保存(&amp;R)…</translation>
    </message>
    <message>
      <source>Save approval record</source>
      <translation>決裁記録の保存</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
      <source>Published before approval — review due {due}</source>
      <translation>承認前に公開 — 事後承認期限 {due}</translation>
    </message>
    <message>
      <source>OVERDUE: </source>
      <translation>期限切れ: </translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>申請日時</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>作成者</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>予約日時</translation>
    </message>
    <message>
      <source>To confirm</source>
      <translation>要確認</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>緊急</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>本文</translation>
    </message>
    <message>
      <source>Decided</source>
      <translation>判断日時</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>判断</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>所属長</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>コメント</translation>
    </message>
    <message>
      <source>{count} submissions await your decision.</source>
      <translation>あなたの判断を待つ申請が {count} 件あります。</translation>
    </message>
    <message>
      <source>{count} submissions await a supervisor's decision (view only).</source>
      <translation>所属長の判断を待つ申請: {count} 件 (閲覧のみ)</translation>
    </message>
    <message>
      <source>{count} after-the-fact reviews are overdue.</source>
      <translation>事後承認の期限切れが {count} 件あります。</translation>
    </message>
  </context>
  <context>
    <name>AuditScreen</name>
    <message>
      <source>Audit record</source>
      <translation>監査記録</translation>
    </message>
    <message>
      <source>Filter by person</source>
      <translation>操作者で絞り込み</translation>
    </message>
    <message>
      <source>Filter by event</source>
      <translation>操作の種類で絞り込み</translation>
    </message>
    <message>
      <source>Filter by date</source>
      <translation>記録日で絞り込み</translation>
    </message>
    <message>
      <source>Recorded from</source>
      <translation>記録日の開始</translation>
    </message>
    <message>
      <source>Recorded to</source>
      <translation>記録日の終了</translation>
    </message>
    <message>
      <source>C&amp;lear filters</source>
      <translation>絞り込みを解除(&amp;L)</translation>
    </message>
    <message>
      <source>Recorded data of the selected entry</source>
      <translation>選択した記録のデータ</translation>
    </message>
    <message>
      <source>Select an entry to see everything that was recorded for it.</source>
      <translation>一覧で記録を選ぶと、記録されたすべての内容をここに表示します。</translation>
    </message>
    <message>
      <source>Not verified in this session.</source>
      <translation>この起動ではまだ検証していません。</translation>
    </message>
    <message>
      <source>Verify chai&amp;n</source>
      <translation>改ざん検証(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Export CSV…</source>
      <translation>CSV に書き出す(&amp;E)…</translation>
    </message>
    <message>
      <source>Exports the whole record, whatever the filters show.</source>
      <translation>絞り込みにかかわらず、監査記録のすべてを書き出します。</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>全員</translation>
    </message>
    <message>
      <source>All events</source>
      <translation>すべての操作</translation>
    </message>
    <message>
      <source>Verifying the audit record…</source>
      <translation>監査記録を検証しています…</translation>
    </message>
    <message>
      <source>Export audit record</source>
      <translation>監査記録の書き出し</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
      <source>Exporting the audit record…</source>
      <translation>監査記録を書き出しています…</translation>
    </message>
    <message>
      <source>&amp;Person:</source>
      <translation>操作者(&amp;P):</translation>
    </message>
    <message>
      <source>Even&amp;t:</source>
      <translation>操作(&amp;T):</translation>
    </message>
    <message>
      <source>&amp;Recorded:</source>
      <translation>記録日(&amp;R):</translation>
    </message>
    <message>
      <source>Fro&amp;m:</source>
      <translation>開始日(&amp;M):</translation>
    </message>
    <message>
      <source>T&amp;o:</source>
      <translation>終了日(&amp;O):</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>番号</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>日時</translation>
    </message>
    <message>
      <source>Actor</source>
      <translation>操作者</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Hash</source>
      <translation>ハッシュ</translation>
    </message>
    <message>
      <source>No. {seq} · {event} ({code}) · terminal {terminal}
Hash: {hash}

{json}</source>
      <translation>番号 {seq} · {event}（{code}）· 端末 {terminal}
ハッシュ: {hash}

{json}</translation>
    </message>
    <message>
      <source>Intact: {count} entries checked.</source>
      <translation>改ざんなし: {count} 件を検証しました。</translation>
    </message>
    <message>
      <source>BROKEN at entry {seq}: {reason}</source>
      <translation>連番 {seq} で不整合: {reason}</translation>
    </message>
    <message>
      <source>{count} matching entries</source>
      <translation>該当 {count} 件</translation>
    </message>
    <message>
      <source>{count} entries</source>
      <translation>{count} 件</translation>
    </message>
    <message>
      <source>{count} entries exported to {path}.</source>
      <translation>{count} 件を {path} に書き出しました。</translation>
    </message>
    <message>
      <source>UTC: {time}</source>
      <translation>UTC: {time}</translation>
    </message>
    <message>
      <source>Terminal: {host}</source>
      <translation>端末: {host}</translation>
    </message>
  </context>
  <context>
    <name>ChecksTab</name>
    <message>
      <source>Defamation</source>
      <translation>誹謗中傷</translation>
    </message>
    <message>
      <source>Discrimination</source>
      <translation>差別</translation>
    </message>
    <message>
      <source>Political</source>
      <translation>政治</translation>
    </message>
    <message>
      <source>Religious</source>
      <translation>宗教</translation>
    </message>
    <message>
      <source>Commercial / advertising</source>
      <translation>営利・広告</translation>
    </message>
    <message>
      <source>Obscene</source>
      <translation>わいせつ</translation>
    </message>
    <message>
      <source>Rumour</source>
      <translation>噂・風評</translation>
    </message>
    <message>
      <source>Confidential</source>
      <translation>秘密情報</translation>
    </message>
    <message>
      <source>{label} ({meaning})</source>
      <translation>{label}（{meaning}）</translation>
    </message>
    <message>
      <source>Guideline checks</source>
      <translation>ガイドラインチェック</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>重要度</translation>
    </message>
    <message>
      <source>Built-in default</source>
      <translation>既定のまま</translation>
    </message>
    <message>
      <source>&amp;Rule is on</source>
      <translation>このチェックを使う(&amp;R)</translation>
    </message>
    <message>
      <source>Selected rule</source>
      <translation>選択したチェック</translation>
    </message>
    <message>
      <source>&amp;Severity:</source>
      <translation>重要度(&amp;S):</translation>
    </message>
    <message>
      <source>Word list</source>
      <translation>語句リスト</translation>
    </message>
    <message>
      <source>Words, one per line</source>
      <translation>語句 (1行に1件)</translation>
    </message>
    <message>
      <source>Word lists (wako:5 prohibited content, joso:5)</source>
      <translation>語句リスト (wako:5 禁止事項、joso:5)</translation>
    </message>
    <message>
      <source>&amp;List:</source>
      <translation>リスト(&amp;L):</translation>
    </message>
    <message>
      <source>Extra shortener domains</source>
      <translation>短縮URLとして扱う追加ドメイン</translation>
    </message>
    <message>
      <source>Domains not to treat as shorteners</source>
      <translation>短縮URLとして扱わないドメイン</translation>
    </message>
    <message>
      <source>URL shorteners (wako:5-ア)</source>
      <translation>短縮URL (wako:5-ア)</translation>
    </message>
    <message>
      <source>Also treat as shorteners:</source>
      <translation>短縮URLとして扱う:</translation>
    </message>
    <message>
      <source>Do not treat as shorteners:</source>
      <translation>短縮URLとして扱わない:</translation>
    </message>
    <message>
      <source>New word list</source>
      <translation>新しい語句リスト</translation>
    </message>
    <message>
      <source>Name (lower-case letters, digits and _), e.g. local_terms:</source>
      <translation>名前 (半角小文字・数字・_ 。例: local_terms):</translation>
    </message>
    <message>
      <source>Check settings saved and recorded in the audit record.</source>
      <translation>チェック設定を保存し、監査記録に記録しました。</translation>
    </message>
    <message>
      <source>Read-only: only administrators change the checks.</source>
      <translation>閲覧のみ: チェック設定を変更できるのは管理者だけです。</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>チェック</translation>
    </message>
    <message>
      <source>Clause</source>
      <translation>根拠条項</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>既定</translation>
    </message>
    <message>
      <source>Unsaved changes.</source>
      <translation>未保存の変更があります。</translation>
    </message>
    <message>
      <source>{description}
Example: {example}</source>
      <translation>{description}
例: {example}</translation>
    </message>
    <message>
      <source>A list name uses lower-case letters, digits and _ only.</source>
      <translation>リスト名には半角小文字・数字・_ だけを使えます。</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>使わない</translation>
    </message>
    <message>
      <source>Not a domain name: {error}</source>
      <translation>ドメイン名ではありません: {error}</translation>
    </message>
  </context>
  <context>
    <name>Composer</name>
    <message>
      <source>Start a &amp;new draft from this one</source>
      <translation>この内容で新しい下書きを作成(&amp;N)</translation>
    </message>
    <message>
      <source>Take back for editing</source>
      <translation>編集のため取り戻す</translation>
    </message>
    <message>
      <source>Why is this draft taken back? The reason is kept in the record. It must be submitted and approved again before it can be published.</source>
      <translation>取り戻す理由を入力してください（記録に残ります）。公開するには、もう一度申請して承認を受ける必要があります。</translation>
    </message>
    <message>
      <source>&amp;Withdraw the submission to edit…</source>
      <translation>申請を取り下げて編集(&amp;W)…</translation>
    </message>
    <message>
      <source>Take back for editin&amp;g (needs a new approval)…</source>
      <translation>編集のため取り戻す（再承認が必要）(&amp;G)…</translation>
    </message>
    <message>
      <source>Submitted: waiting for the supervisor's decision. Withdraw the submission to edit it.</source>
      <translation>申請中です。所属長の判断を待っています。編集するには申請を取り下げてください。</translation>
    </message>
    <message>
      <source>Approved: it cannot be edited. Publish it, or take it back for editing and have it approved again.</source>
      <translation>承認済みのため編集できません。公開するか、編集のため取り戻して再度承認を受けてください。</translation>
    </message>
    <message>
      <source>Rejected: it cannot be submitted again. Start a new draft from it if the post is still needed.</source>
      <translation>却下されたため再申請できません。投稿がまだ必要なら、この内容で新しい下書きを作成してください。</translation>
    </message>
    <message>
      <source>Looking for faces in {name}…</source>
      <translation>{name} から顔を探しています…</translation>
    </message>
    <message>
      <source>Not saved (unexpected error). Your text is still here; retrying…</source>
      <translation>保存できませんでした（予期しないエラー）。本文はこの画面に残っています。再試行します…</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <source>KohoGate: unexpected error</source>
      <translation>広報ゲート: 予期しないエラー</translation>
    </message>
    <message>
      <source>Something went wrong inside KohoGate. Your saved work is safe.</source>
      <translation>広報ゲートの内部で問題が発生しました。保存済みの作業は失われていません。</translation>
    </message>
    <message>
      <source>Please send the details below to the administrator. They are also in the log file.</source>
      <translation>下の詳細を管理者に送ってください。同じ内容がログファイルにも記録されています。</translation>
    </message>
    <message>
      <source>Please send the details below to the administrator. They are also in the log file:</source>
      <translation>下の詳細を管理者に送ってください。同じ内容が次のログファイルにも記録されています:</translation>
    </message>
    <message>
      <source>Something went wrong inside KohoGate. The last change is not saved yet; it is still on screen.</source>
      <translation>広報ゲート内部で問題が発生しました。最後の変更はまだ保存されていませんが、画面には残っています。</translation>
    </message>
  </context>
  <context>
    <name>DateRangeFilter</name>
    <message>
      <source>Any</source>
      <translation>指定なし</translation>
    </message>
    <message>
      <source>Any time</source>
      <translation>すべての期間</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Last 7 days</source>
      <translation>過去 7 日間</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>過去 30 日間</translation>
    </message>
    <message>
      <source>Custom range</source>
      <translation>期間を指定</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <source>Comment</source>
      <translation>コメント</translation>
    </message>
  </context>
  <context>
    <name>DraftsScreen</name>
    <message>
      <source>No.</source>
      <translation>番号</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>件名</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>本文</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>作成者</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>更新日時</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>予約日時</translation>
    </message>
    <message>
      <source>New draft</source>
      <translation>新しい下書き</translation>
    </message>
    <message>
      <source>Official account</source>
      <translation>公式アカウント</translation>
    </message>
    <message>
      <source>&amp;Account:</source>
      <translation>アカウント(&amp;A):</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>件名(&amp;T):</translation>
    </message>
    <message>
      <source>Drafts</source>
      <translation>下書き</translation>
    </message>
    <message>
      <source>Filter by account</source>
      <translation>アカウントで絞り込み</translation>
    </message>
    <message>
      <source>Filter by state</source>
      <translation>状態で絞り込み</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>すべての状態</translation>
    </message>
    <message>
      <source>Filter by author</source>
      <translation>作成者で絞り込み</translation>
    </message>
    <message>
      <source>Filter by date updated</source>
      <translation>更新日で絞り込み</translation>
    </message>
    <message>
      <source>Updated from</source>
      <translation>更新日の開始</translation>
    </message>
    <message>
      <source>Updated to</source>
      <translation>更新日の終了</translation>
    </message>
    <message>
      <source>C&amp;lear filters</source>
      <translation>絞り込みを解除(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;New draft</source>
      <translation>新しい下書き(&amp;N)</translation>
    </message>
    <message>
      <source>All accounts</source>
      <translation>すべてのアカウント</translation>
    </message>
    <message>
      <source>All authors</source>
      <translation>すべての作成者</translation>
    </message>
    <message>
      <source>&amp;State:</source>
      <translation>状態(&amp;S):</translation>
    </message>
    <message>
      <source>Autho&amp;r:</source>
      <translation>作成者(&amp;R):</translation>
    </message>
    <message>
      <source>S&amp;earch:</source>
      <translation>検索(&amp;E):</translation>
    </message>
    <message>
      <source>&amp;Updated:</source>
      <translation>更新日(&amp;U):</translation>
    </message>
    <message>
      <source>Fro&amp;m:</source>
      <translation>開始日(&amp;M):</translation>
    </message>
    <message>
      <source>&amp;To:</source>
      <translation>終了日(&amp;T):</translation>
    </message>
    <message>
      <source>{count} drafts</source>
      <translation>{count} 件</translation>
    </message>
    <message>
      <source>My drafts</source>
      <translation>自分の下書き</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Drafts</source>
      <translation>下書き</translation>
    </message>
    <message>
      <source>Awaiting approval</source>
      <translation>承認待ち</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Terminals</source>
      <translation>端末</translation>
    </message>
    <message>
      <source>Audit record</source>
      <translation>監査記録</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>設定</translation>
    </message>
    <message>
      <source>Opening the database…</source>
      <translation>データベースを開いています…</translation>
    </message>
    <message>
      <source>KohoGate</source>
      <translation>広報ゲート</translation>
    </message>
    <message>
      <source>Screens</source>
      <translation>画面</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Export audit record…</source>
      <translation>監査記録を書き出す(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>終了(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>表示(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About KohoGate</source>
      <translation>広報ゲートについて(&amp;A)</translation>
    </message>
    <message>
      <source>Demo: act as</source>
      <translation>デモ: 操作する職員</translation>
    </message>
    <message>
      <source>Demo data only: try the app as another member of staff.</source>
      <translation>デモデータ専用: 別の職員としてアプリを試せます。</translation>
    </message>
    <message>
      <source>not registered</source>
      <translation>未登録</translation>
    </message>
    <message>
      <source>Demo — act as:</source>
      <translation>デモ — 操作する職員:</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>保存していない変更</translation>
    </message>
    <message>
      <source>Close KohoGate and lose them?</source>
      <translation>保存せずに広報ゲートを閉じますか？</translation>
    </message>
    <message>
      <source>&amp;Close without saving</source>
      <translation>保存せずに閉じる(&amp;C)</translation>
    </message>
    <message>
      <source>KohoGate — {org}</source>
      <translation>広報ゲート — {org}</translation>
    </message>
    <message>
      <source>User: {name} ({roles})</source>
      <translation>利用者: {name} ({roles})</translation>
    </message>
    <message>
      <source>Terminal: {status}</source>
      <translation>端末: {status}</translation>
    </message>
    <message>
      <source>KohoGate: {count} awaiting your approval</source>
      <translation>広報ゲート: 承認待ち {count} 件</translation>
    </message>
    <message>
      <source>{count} submissions await your approval.</source>
      <translation>承認待ちが {count} 件あります。</translation>
    </message>
    <message>
      <source>{title} (Ctrl+{n})</source>
      <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
      <source>These settings are changed but not saved:</source>
      <translation>次の設定は変更されていますが、保存されていません:</translation>
    </message>
  </context>
  <context>
    <name>Publishing</name>
    <message>
      <source>due by hand: {count}</source>
      <translation>手動投稿の時刻: {count} 件</translation>
    </message>
    <message>
      <source>Due now, to post by hand: {titles}</source>
      <translation>手動で投稿する時刻になりました：{titles}</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>Text unchanged.</source>
      <translation>本文の変更はありません。</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>指摘事項</translation>
    </message>
    <message>
      <source>Confirmations</source>
      <translation>確認事項</translation>
    </message>
    <message>
      <source>Images and alt text</source>
      <translation>画像と代替テキスト</translation>
    </message>
    <message>
      <source>Changes since the previous version</source>
      <translation>前の版からの変更点</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>変更点</translation>
    </message>
    <message>
      <source>Operating &amp;policy…</source>
      <translation>運用方針(&amp;P)…</translation>
    </message>
    <message>
      <source>Comment for the operator</source>
      <translation>担当者へのコメント</translation>
    </message>
    <message>
      <source>Comment (required to return or reject)</source>
      <translation>コメント (差戻し・却下では必須)</translation>
    </message>
    <message>
      <source>&amp;Approve</source>
      <translation>承認(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Return with comments</source>
      <translation>コメントを付けて差戻し(&amp;R)</translation>
    </message>
    <message>
      <source>Re&amp;ject</source>
      <translation>却下(&amp;J)</translation>
    </message>
    <message>
      <source>Save approval &amp;record (PDF)…</source>
      <translation>決裁記録をPDFで保存(&amp;S)…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <source>Save approval record</source>
      <translation>決裁記録の保存</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
      <source>Changes since version {n} (green: added, red: removed)</source>
      <translation>第{n}版からの変更点 (緑: 追加、赤: 削除)</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>作成者</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>申請日時</translation>
    </message>
    <message>
      <source>No findings: the checks found nothing to fix or confirm.</source>
      <translation>指摘はありません。チェックで修正・確認が必要なものは見つかりませんでした。</translation>
    </message>
    <message>
      <source>Write a comment for the operator first.</source>
      <translation>先に担当者へのコメントを書いてください。</translation>
    </message>
    <message>
      <source>Comment not sent</source>
      <translation>コメントは送信されていません</translation>
    </message>
    <message>
      <source>You wrote a comment but made no decision. Close and discard the comment?</source>
      <translation>コメントを書きましたが、まだ判断していません。コメントを破棄して閉じますか？</translation>
    </message>
    <message>
      <source>&amp;Discard and close</source>
      <translation>破棄して閉じる(&amp;D)</translation>
    </message>
    <message>
      <source>First submission: nothing to compare with.</source>
      <translation>初回の申請のため、比較する版はありません。</translation>
    </message>
    <message>
      <source>Comment on that version:</source>
      <translation>その版へのコメント:</translation>
    </message>
    <message>
      <source>Other changes (time, images and videos, their descriptions):</source>
      <translation>本文以外の変更（日時、画像・動画、その説明）：</translation>
    </message>
    <message>
      <source>What</source>
      <translation>項目</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>変更前</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>変更後</translation>
    </message>
    <message>
      <source>Review: {account} — version {n}</source>
      <translation>審査: {account} — 第{n}版</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>緊急</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>重要度</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>チェック</translation>
    </message>
    <message>
      <source>What it says</source>
      <translation>指摘の内容</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>箇所</translation>
    </message>
    <message>
      <source>Operator's reason</source>
      <translation>担当者の理由</translation>
    </message>
    <message>
      <source>Acknowledged by</source>
      <translation>確認者</translation>
    </message>
    <message>
      <source>Confirmation</source>
      <translation>確認事項</translation>
    </message>
    <message>
      <source>Clause</source>
      <translation>根拠条項</translation>
    </message>
    <message>
      <source>Ticked by</source>
      <translation>確認者</translation>
    </message>
    <message>
      <source>No images or videos.</source>
      <translation>画像・動画はありません。</translation>
    </message>
    <message>
      <source>Findings ({n})</source>
      <translation>指摘事項 ({n})</translation>
    </message>
    <message>
      <source>Confirmations ({n})</source>
      <translation>確認事項 ({n})</translation>
    </message>
    <message>
      <source>Images and alt text ({n})</source>
      <translation>画像と代替テキスト ({n})</translation>
    </message>
    <message>
      <source>Operating policy: {account}</source>
      <translation>運用方針: {account}</translation>
    </message>
    <message>
      <source>Operating policy (joso:3(3)) of {account}</source>
      <translation>{account} の運用方針 (joso:3(3))</translation>
    </message>
    <message>
      <source>Approval record saved to {path}.</source>
      <translation>決裁記録を {path} に保存しました。</translation>
    </message>
    <message>
      <source>EMERGENCY</source>
      <translation>緊急</translation>
    </message>
    <message>
      <source>Alt text:</source>
      <translation>代替テキスト:</translation>
    </message>
    <message>
      <source>faces redacted</source>
      <translation>顔をぼかし済み</translation>
    </message>
    <message>
      <source>(decorative)</source>
      <translation>(装飾)</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(なし)</translation>
    </message>
  </context>
  <context>
    <name>SettingsScreen</name>
    <message>
      <source>Name</source>
      <translation>氏名</translation>
    </message>
    <message>
      <source>OS login</source>
      <translation>OS ログイン名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>所属</translation>
    </message>
    <message>
      <source>(No department)</source>
      <translation>(所属なし)</translation>
    </message>
    <message>
      <source>&amp;Department:</source>
      <translation>所属(&amp;D):</translation>
    </message>
    <message>
      <source>&amp;Roles:</source>
      <translation>役割(&amp;R):</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>団体</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>チェック項目</translation>
    </message>
    <message>
      <source>Approval</source>
      <translation>承認</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>職員</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>個人設定</translation>
    </message>
    <message>
      <source>Organization name</source>
      <translation>団体名</translation>
    </message>
    <message>
      <source>Own domains</source>
      <translation>自団体のドメイン</translation>
    </message>
    <message>
      <source>Published phone numbers</source>
      <translation>公開している電話番号</translation>
    </message>
    <message>
      <source>Published e-mail addresses</source>
      <translation>公開しているメールアドレス</translation>
    </message>
    <message>
      <source>Published postal addresses</source>
      <translation>公開している住所</translation>
    </message>
    <message>
      <source>&amp;Save profile</source>
      <translation>団体情報を保存(&amp;S)</translation>
    </message>
    <message>
      <source>One entry per line. Links to own domains and their subdomains are not third-party links; published contacts are not personal data.</source>
      <translation>1行に1件ずつ入力します。自団体のドメインとそのサブドメインへのリンクは第三者リンクとして扱いません。公開している連絡先は個人情報として扱いません。</translation>
    </message>
    <message>
      <source>Organization &amp;name:</source>
      <translation>団体名(&amp;N):</translation>
    </message>
    <message>
      <source>Own &amp;domains:</source>
      <translation>自団体のドメイン(&amp;D):</translation>
    </message>
    <message>
      <source>Published &amp;phone numbers:</source>
      <translation>公開している電話番号(&amp;P):</translation>
    </message>
    <message>
      <source>Published &amp;e-mail addresses:</source>
      <translation>公開しているメールアドレス(&amp;E):</translation>
    </message>
    <message>
      <source>Published postal &amp;addresses:</source>
      <translation>公開している住所(&amp;A):</translation>
    </message>
    <message>
      <source>Account ID rule</source>
      <translation>アカウントIDの規則</translation>
    </message>
    <message>
      <source>No rule</source>
      <translation>規則なし</translation>
    </message>
    <message>
      <source>Example account ID</source>
      <translation>試すアカウントID</translation>
    </message>
    <message>
      <source> days</source>
      <translation> 日</translation>
    </message>
    <message>
      <source>Password change interval</source>
      <translation>パスワード変更の間隔</translation>
    </message>
    <message>
      <source>A regular expression the whole account ID must match, e.g. @josokoiki\.[a-z]+ for @josokoiki.koho. Leave it empty for no rule. An account whose ID breaks the rule cannot be used for drafts until the ID is corrected.</source>
      <translation>アカウントID全体が一致すべき正規表現です (例: @josokoiki.koho に対して @josokoiki\.[a-z]+)。空欄にすると規則なしになります。規則に合わないIDのアカウントは、IDを直すまで下書きに使えません。</translation>
    </message>
    <message>
      <source>Platform passwords are changed at this interval (joso:6(1)); the Accounts screen reminds you before the date.</source>
      <translation>各サービスのパスワードをこの間隔で変更します (joso:6(1))。期限が近づくとアカウント画面でお知らせします。</translation>
    </message>
    <message>
      <source>Official account rules</source>
      <translation>公式アカウントの規則</translation>
    </message>
    <message>
      <source>Account &amp;ID rule:</source>
      <translation>アカウントIDの規則(&amp;I):</translation>
    </message>
    <message>
      <source>E&amp;xample ID:</source>
      <translation>試すID(&amp;X):</translation>
    </message>
    <message>
      <source>Password change in&amp;terval:</source>
      <translation>パスワード変更の間隔(&amp;T):</translation>
    </message>
    <message>
      <source>&amp;Add staff…</source>
      <translation>職員を追加(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>編集(&amp;E)…</translation>
    </message>
    <message>
      <source>Change the selected person's roles and department (Enter or double-click).</source>
      <translation>選択した職員の役割と所属を変更します（Enter キーまたはダブルクリックでも開きます）。</translation>
    </message>
    <message>
      <source>&amp;Deactivate</source>
      <translation>利用停止(&amp;D)</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>表示言語</translation>
    </message>
    <message>
      <source>Follow the system (Japanese unless the system is set otherwise)</source>
      <translation>システムに合わせる (他の言語が設定されていなければ日本語)</translation>
    </message>
    <message>
      <source>The language changes the next time KohoGate starts.</source>
      <translation>表示言語は次回の起動時に切り替わります。</translation>
    </message>
    <message>
      <source>Display</source>
      <translation>表示</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>表示言語(&amp;L):</translation>
    </message>
    <message>
      <source>Add staff</source>
      <translation>職員の追加</translation>
    </message>
    <message>
      <source>Edit staff</source>
      <translation>職員の編集</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>氏名(&amp;N):</translation>
    </message>
    <message>
      <source>OS &amp;login:</source>
      <translation>OS ログイン名(&amp;L):</translation>
    </message>
    <message>
      <source>&amp;Reactivate</source>
      <translation>利用再開(&amp;R)</translation>
    </message>
    <message>
      <source>Deactivate</source>
      <translation>利用停止</translation>
    </message>
    <message>
      <source>These accounts do not follow the new rule and cannot be used for drafts until their ID is corrected:
{accounts}

Save the rule anyway?</source>
      <translation>次のアカウントは新しい規則に合っていないため、IDを直すまで下書きに使えなくなります:
{accounts}

このまま規則を保存しますか?</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>役割</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>有効</translation>
    </message>
    <message>
      <source>Deactivate {name} ({login})? They can no longer use KohoGate, and the password of every account they are named on must be changed. They can be reactivated later.</source>
      <translation>{name}（{login}）の利用を停止しますか？ KohoGate を使えなくなり、この職員が運用体制に入っているすべてのアカウントでパスワードの変更が必要になります。利用はあとで再開できます。</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <source>KohoGate set-up</source>
      <translation>広報ゲートの初期設定</translation>
    </message>
    <message>
      <source>Your organization</source>
      <translation>団体の情報</translation>
    </message>
    <message>
      <source>This database is new. Describe the organization whose accounts it manages.</source>
      <translation>新しいデータベースです。管理する公式アカウントの団体について入力してください。</translation>
    </message>
    <message>
      <source>Organization name</source>
      <translation>団体名</translation>
    </message>
    <message>
      <source>Own domains</source>
      <translation>自団体のドメイン</translation>
    </message>
    <message>
      <source>Published phone numbers</source>
      <translation>公開している電話番号</translation>
    </message>
    <message>
      <source>Published e-mail addresses</source>
      <translation>公開しているメールアドレス</translation>
    </message>
    <message>
      <source>Published postal addresses</source>
      <translation>公開している住所</translation>
    </message>
    <message>
      <source>e.g. 〒351-0192 見本市広沢1-5</source>
      <translation>例: 〒351-0192 見本市広沢1-5</translation>
    </message>
    <message>
      <source>Organization &amp;name:</source>
      <translation>団体名(&amp;O):</translation>
    </message>
    <message>
      <source>Own &amp;domains (one per line):</source>
      <translation>自団体のドメイン (1行に1件)(&amp;D):</translation>
    </message>
    <message>
      <source>Published &amp;phone numbers:</source>
      <translation>公開している電話番号(&amp;P):</translation>
    </message>
    <message>
      <source>Published &amp;e-mail addresses:</source>
      <translation>公開しているメールアドレス(&amp;E):</translation>
    </message>
    <message>
      <source>Published postal &amp;addresses:</source>
      <translation>公開している住所(&amp;A):</translation>
    </message>
    <message>
      <source>First administrator</source>
      <translation>最初の管理者</translation>
    </message>
    <message>
      <source>You become the first administrator. You can add staff and roles afterwards.</source>
      <translation>あなたが最初の管理者になります。職員と役割は後から追加できます。</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>あなたの氏名</translation>
    </message>
    <message>
      <source>Your department</source>
      <translation>あなたの所属</translation>
    </message>
    <message>
      <source>Your &amp;name:</source>
      <translation>あなたの氏名(&amp;N):</translation>
    </message>
    <message>
      <source>Your &amp;department:</source>
      <translation>あなたの所属(&amp;D):</translation>
    </message>
    <message>
      <source>OS login:</source>
      <translation>OS ログイン名:</translation>
    </message>
  </context>
  <context>
    <name>TerminalsScreen</name>
    <message>
      <source>Terminals</source>
      <translation>端末</translation>
    </message>
    <message>
      <source>Host name</source>
      <translation>ホスト名</translation>
    </message>
    <message>
      <source>OS user</source>
      <translation>OS ユーザー</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>Last seen</source>
      <translation>最終利用</translation>
    </message>
    <message>
      <source>Machine ID</source>
      <translation>マシンID</translation>
    </message>
  </context>
  <context>
    <name>UnknownUser</name>
    <message>
      <source>&lt;h2&gt;You are not registered in KohoGate&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;広報ゲートに登録されていません&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>&amp;Copy login name</source>
      <translation>ログイン名をコピー(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>再試行(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>終了(&amp;Q)</translation>
    </message>
    <message>
      <source>Your login &lt;b&gt;{login}&lt;/b&gt; has no active staff record in {org}. Ask an administrator (広報担当 or 情報システム担当) to add you with this login and the roles you need, then press Retry.</source>
      <translation>ログイン名 &lt;b&gt;{login}&lt;/b&gt; は {org} の有効な職員として登録されていません。管理者 (広報担当または情報システム担当) にこのログイン名と必要な役割での登録を依頼し、登録後に「再試行」を押してください。</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <source>Posts on this platform cannot be deleted.</source>
      <translation>このサービスの投稿は削除できません。</translation>
    </message>
    <message>
      <source>Signing key endorsed by an administrator</source>
      <translation>管理者が署名鍵を保証</translation>
    </message>
    <message>
      <source>This key has been revoked.</source>
      <translation>この鍵は失効しています。</translation>
    </message>
    <message>
      <source>Administrator keys pinned on a terminal</source>
      <translation>端末に管理者の鍵を固定</translation>
    </message>
    <message>
      <source>A role or schema name must be lower-case letters, digits and underscores (at most 63): {name}</source>
      <translation>ロール名・スキーマ名は英小文字・数字・下線で63文字以内にしてください: {name}</translation>
    </message>
    <message>
      <source>This terminal holds no pinned administrator key, so it cannot tell a genuine approval from one written into the database. Ask an administrator to approve this terminal with their signing key.</source>
      <translation>この端末には管理者の鍵が固定されていないため、正規の承認とデータベースに直接書き込まれた承認を区別できません。管理者に署名鍵でこの端末を承認してもらってください。</translation>
    </message>
    <message>
      <source>This terminal's approval is not signed by an administrator key pinned on this terminal (it may have been written into the database directly). Ask an administrator to approve it again.</source>
      <translation>この端末の承認には、この端末に固定された管理者の鍵による署名がありません（データベースに直接書き込まれた可能性があります）。管理者に承認し直してもらってください。</translation>
    </message>
    <message>
      <source>The approver's signing key was not registered with the signature of an administrator key pinned on this terminal (it may have been written into the database directly). Ask an administrator to register the key again.</source>
      <translation>承認者の署名鍵は、この端末に固定された管理者の鍵の署名付きで登録されていません（データベースに直接書き込まれた可能性があります）。管理者に鍵を登録し直してもらってください。</translation>
    </message>
    <message>
      <source>The role {role} is set up: it owns nothing, cannot alter triggers and may only add to the audit record. Give it a password (psql: \password {role}) and connect workstations with it.</source>
      <translation>ロール {role} を設定しました。所有するオブジェクトはなく、トリガーを変更できず、監査記録には追加しかできません。パスワードを設定し（psql: \password {role}）、各端末はこのロールで接続してください。</translation>
    </message>
    <message>
      <source>Database roles exist on PostgreSQL only; this database is {db}.</source>
      <translation>データベースロールは PostgreSQL でのみ使えます。このデータベースは {db} です。</translation>
    </message>
    <message>
      <source>The role {role} can still do too much: owns {owned} objects, may create in the schema: {create}, superuser: {superuser}, may rewrite the audit record: {audit}.</source>
      <translation>ロール {role} の権限が大きすぎます: 所有オブジェクト {owned} 件、スキーマへの作成: {create}、スーパーユーザー: {superuser}、監査記録の書き換え: {audit}。</translation>
    </message>
    <message>
      <source>print the SQL that sets up the PostgreSQL role workstations connect as (owns nothing, cannot alter triggers, may only add to the audit record)</source>
      <translation>各端末が接続に使う PostgreSQL ロールを設定する SQL を表示する（所有なし・トリガー変更不可・監査記録は追加のみ）</translation>
    </message>
    <message>
      <source>name of the workstation role</source>
      <translation>端末用ロールの名前</translation>
    </message>
    <message>
      <source>also execute the SQL (as the database owner) and check the result</source>
      <translation>SQL を（データベース所有者として）実行し、結果を確認する</translation>
    </message>
    <message>
      <source>The approver contributed to this draft; someone who did not make it must approve it.</source>
      <translation>承認者はこの下書きの作成・編集に関わっています。作成に関わっていない人の承認が必要です。</translation>
    </message>
    <message>
      <source>The approver {name} has been deactivated; the draft needs a new approval.</source>
      <translation>承認者 {name} は無効化されました。改めて承認を受けてください。</translation>
    </message>
    <message>
      <source>Facebook has temporarily blocked posting from this Page for a policy reason (code 368). Nothing was published; check the Page's quality notices before trying again.</source>
      <translation>Facebook はポリシー上の理由でこのページからの投稿を一時的に制限しています（コード 368）。投稿はされていません。再度試す前にページの品質に関する通知を確認してください。</translation>
    </message>
    <message>
      <source>Facebook refused the post as a duplicate of a recent one (code 506). Nothing new was published.</source>
      <translation>Facebook は最近の投稿と重複しているとして投稿を拒否しました（コード 506）。新しい投稿はされていません。</translation>
    </message>
    <message>
      <source>Ask the account manager to issue a new Page access token and store it (Accounts → Credential).</source>
      <translation>アカウント管理者に新しいページアクセストークンを発行してもらい、保存してください（アカウント → 資格情報）。</translation>
    </message>
    <message>
      <source>Facebook says the stored Page access token has expired or was revoked (code {code}). Nothing was posted.</source>
      <translation>保存されているページアクセストークンは期限切れか無効にされていると Facebook が応答しました（コード {code}）。投稿はされていません。</translation>
    </message>
    <message>
      <source>Facebook refused the call for want of a permission (code {code}). Nothing was posted.</source>
      <translation>権限が足りないため Facebook が要求を拒否しました（コード {code}）。投稿はされていません。</translation>
    </message>
    <message>
      <source>Grant the app {permission} on the Page and store the new Page access token.</source>
      <translation>ページでアプリに {permission} の権限を付与し、新しいページアクセストークンを保存してください。</translation>
    </message>
    <message>
      <source>X did not return an id for the uploaded file. Nothing was posted.</source>
      <translation>X がアップロードしたファイルの ID を返しませんでした。投稿はされていません。</translation>
    </message>
    <message>
      <source>The description of {file} is {length} characters long; X takes at most {limit}. Shorten it and have the post approved again. Nothing was posted.</source>
      <translation>{file} の説明（代替テキスト）は {length} 文字ですが、X は {limit} 文字までしか受け付けません。短くしてから改めて承認を受けてください。投稿はされていません。</translation>
    </message>
    <message>
      <source>An OAuth 2.0 user access token with tweet.write and media.write. It lasts two hours; for automatic renewal paste {"client_id": "…", "refresh_token": "…"} instead (offline.access; add "client_secret" for a confidential client) and KohoGate keeps the renewed token in the keyring.</source>
      <translation>tweet.write と media.write の権限を持つ OAuth 2.0 ユーザーアクセストークン。有効期間は2時間です。自動更新するには代わりに {"client_id": "…", "refresh_token": "…"} を貼り付けてください（offline.access が必要。機密クライアントは "client_secret" も追加）。更新後のトークンは広報ゲートがキーリングに保存します。</translation>
    </message>
    <message>
      <source>An access token of an application on the account's server with write:statuses and write:media.</source>
      <translation>アカウントのサーバーで作成したアプリケーションのアクセストークン（write:statuses と write:media の権限）。</translation>
    </message>
    <message>
      <source>An app password (Settings → Privacy and security → App passwords), never the account password.</source>
      <translation>アプリパスワード（設定 → プライバシーとセキュリティ → アプリパスワード）。アカウントのパスワードは使わないでください。</translation>
    </message>
    <message>
      <source>A Page access token with pages_manage_posts (and pages_read_engagement to check posts).</source>
      <translation>pages_manage_posts（投稿の確認には pages_read_engagement も）の権限を持つページアクセストークン。</translation>
    </message>
    <message>
      <source>The long-lived channel access token of the official account's Messaging API channel.</source>
      <translation>公式アカウントの Messaging API チャネルの長期チャネルアクセストークン。</translation>
    </message>
    <message>
      <source>This platform is posted to by hand in its own app; KohoGate stores no token for it.</source>
      <translation>このサービスへは各サービスのアプリから手動で投稿します。広報ゲートはトークンを保存しません。</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>担当者</translation>
    </message>
    <message>
      <source>This cannot change from {source} to {target}. Reload and try again.</source>
      <translation>「{source}」から「{target}」には変更できません。読み込み直してからやり直してください。</translation>
    </message>
    <message>
      <source>A new record cannot start as {state}.</source>
      <translation>新しい記録を「{state}」の状態で作成することはできません。</translation>
    </message>
    <message>
      <source>An earlier attempt may have gone out: check the account and record what happened first (要確認).</source>
      <translation>前回の送信が投稿されている可能性があります。先にアカウントを確認し、結果を記録してください（要確認）。</translation>
    </message>
    <message>
      <source>Only an approved version has an approval record.</source>
      <translation>決裁記録があるのは承認された版だけです。</translation>
    </message>
    <message>
      <source>The checkpoint file is incomplete.</source>
      <translation>チェックポイントファイルが不完全です。</translation>
    </message>
    <message>
      <source>The checkpoint's signature is not valid: the file was altered.</source>
      <translation>チェックポイントの署名が正しくありません。ファイルが改変されています。</translation>
    </message>
    <message>
      <source>The key that signed the checkpoint is not registered in this database.</source>
      <translation>チェックポイントに署名した鍵はこのデータベースに登録されていません。</translation>
    </message>
    <message>
      <source>The checkpoint was not signed by an administrator's key.</source>
      <translation>このチェックポイントは管理者の鍵で署名されていません。</translation>
    </message>
    <message>
      <source>Only an administrator can sign a checkpoint.</source>
      <translation>チェックポイントに署名できるのは管理者だけです。</translation>
    </message>
    <message>
      <source>Your signing key on this computer is not registered, or it was revoked.</source>
      <translation>このパソコンにあるあなたの署名鍵は登録されていないか、取り消されています。</translation>
    </message>
    <message>
      <source>{path} is a folder, not a checkpoint file.</source>
      <translation>{path} はフォルダーです。チェックポイントファイルを指定してください。</translation>
    </message>
    <message>
      <source>{path} is not a KohoGate audit checkpoint.</source>
      <translation>{path} は広報ゲートの監査チェックポイントではありません。</translation>
    </message>
    <message>
      <source>The chain was truncated: entry {seq} of the checkpoint no longer exists (head is {head}).</source>
      <translation>監査記録が切り詰められています。チェックポイントの連番 {seq} が存在しません (最新は {head})。</translation>
    </message>
    <message>
      <source>The chain was rewritten: entry {seq} no longer has the hash the checkpoint signed.</source>
      <translation>監査記録が書き換えられています。連番 {seq} のハッシュがチェックポイントの署名と一致しません。</translation>
    </message>
    <message>
      <source>The checkpoint file {path} does not exist.</source>
      <translation>チェックポイントファイル {path} が存在しません。</translation>
    </message>
    <message>
      <source>KohoGate may not read the checkpoint file {path}. Check its permissions.</source>
      <translation>チェックポイントファイル {path} を読み取る権限がありません。アクセス権を確認してください。</translation>
    </message>
    <message>
      <source>Cannot read the checkpoint file {path}: {error}</source>
      <translation>チェックポイントファイル {path} を読めません: {error}</translation>
    </message>
    <message>
      <source>Organization set up</source>
      <translation>団体の初期設定</translation>
    </message>
    <message>
      <source>Organization profile changed</source>
      <translation>団体情報の変更</translation>
    </message>
    <message>
      <source>Department added</source>
      <translation>所属の追加</translation>
    </message>
    <message>
      <source>Staff added</source>
      <translation>職員の追加</translation>
    </message>
    <message>
      <source>Roles changed</source>
      <translation>役割の変更</translation>
    </message>
    <message>
      <source>Staff reactivated</source>
      <translation>職員の利用再開</translation>
    </message>
    <message>
      <source>Staff deactivated</source>
      <translation>職員の利用停止</translation>
    </message>
    <message>
      <source>Staff moved to another department</source>
      <translation>職員の異動</translation>
    </message>
    <message>
      <source>Check settings changed</source>
      <translation>チェック設定の変更</translation>
    </message>
    <message>
      <source>Account added</source>
      <translation>アカウントの追加</translation>
    </message>
    <message>
      <source>Account changed</source>
      <translation>アカウントの変更</translation>
    </message>
    <message>
      <source>Operating policy changed</source>
      <translation>運用方針の変更</translation>
    </message>
    <message>
      <source>Operating policy filed</source>
      <translation>運用方針の届出</translation>
    </message>
    <message>
      <source>Filing withdrawn</source>
      <translation>届出の取下げ</translation>
    </message>
    <message>
      <source>Account staff changed</source>
      <translation>運用体制の変更</translation>
    </message>
    <message>
      <source>Account status changed</source>
      <translation>アカウント状態の変更</translation>
    </message>
    <message>
      <source>Password change required</source>
      <translation>パスワード変更が必要</translation>
    </message>
    <message>
      <source>Platform password changed</source>
      <translation>サービスのパスワード変更</translation>
    </message>
    <message>
      <source>Password change completed</source>
      <translation>パスワード変更の完了</translation>
    </message>
    <message>
      <source>Credential stored on a terminal</source>
      <translation>端末への資格情報の保存</translation>
    </message>
    <message>
      <source>Credential removed from a terminal</source>
      <translation>端末からの資格情報の削除</translation>
    </message>
    <message>
      <source>Terminal registered</source>
      <translation>端末の登録</translation>
    </message>
    <message>
      <source>Terminal approved</source>
      <translation>端末の承認</translation>
    </message>
    <message>
      <source>Terminal approval revoked</source>
      <translation>端末承認の取消</translation>
    </message>
    <message>
      <source>Terminal status changed</source>
      <translation>端末状態の変更</translation>
    </message>
    <message>
      <source>Terminal key registered</source>
      <translation>端末鍵の登録</translation>
    </message>
    <message>
      <source>Terminal key reset</source>
      <translation>端末鍵のリセット</translation>
    </message>
    <message>
      <source>Draft created</source>
      <translation>下書きの作成</translation>
    </message>
    <message>
      <source>Draft saved</source>
      <translation>下書きの保存</translation>
    </message>
    <message>
      <source>Submitted for approval</source>
      <translation>承認申請</translation>
    </message>
    <message>
      <source>Marked as emergency</source>
      <translation>緊急の指定</translation>
    </message>
    <message>
      <source>Emergency mark removed</source>
      <translation>緊急指定の解除</translation>
    </message>
    <message>
      <source>Correction started</source>
      <translation>訂正の作成</translation>
    </message>
    <message>
      <source>Image or video stored</source>
      <translation>画像・動画の保存</translation>
    </message>
    <message>
      <source>Approval (signed)</source>
      <translation>承認 (署名付き)</translation>
    </message>
    <message>
      <source>Returned with comments (signed)</source>
      <translation>差戻し (署名付き)</translation>
    </message>
    <message>
      <source>Rejection (signed)</source>
      <translation>却下 (署名付き)</translation>
    </message>
    <message>
      <source>Signing key created</source>
      <translation>署名鍵の作成</translation>
    </message>
    <message>
      <source>Signing key registered</source>
      <translation>署名鍵の登録</translation>
    </message>
    <message>
      <source>Signing key revoked</source>
      <translation>署名鍵の取消</translation>
    </message>
    <message>
      <source>Deputy named</source>
      <translation>代理の指名</translation>
    </message>
    <message>
      <source>Deputy ended</source>
      <translation>代理の終了</translation>
    </message>
    <message>
      <source>Emergency rules changed</source>
      <translation>緊急時設定の変更</translation>
    </message>
    <message>
      <source>Posting authorised on this terminal</source>
      <translation>端末による投稿の許可</translation>
    </message>
    <message>
      <source>Posting refused</source>
      <translation>投稿の拒否</translation>
    </message>
    <message>
      <source>Publishing refused</source>
      <translation>公開の拒否</translation>
    </message>
    <message>
      <source>Post queued</source>
      <translation>投稿の準備</translation>
    </message>
    <message>
      <source>Sending attempt</source>
      <translation>送信の試行</translation>
    </message>
    <message>
      <source>Draft taken back for editing</source>
      <translation>下書きを編集のため取り戻し</translation>
    </message>
    <message>
      <source>New draft copied from another</source>
      <translation>下書きを複製して新規作成</translation>
    </message>
    <message>
      <source>Terminal identity seen on another machine</source>
      <translation>端末の識別情報が別のパソコンで使われました</translation>
    </message>
    <message>
      <source>Sending stopped before the call</source>
      <translation>送信前に中断（送信していません）</translation>
    </message>
    <message>
      <source>Post published</source>
      <translation>投稿の公開</translation>
    </message>
    <message>
      <source>Manual post recorded</source>
      <translation>手作業での投稿の記録</translation>
    </message>
    <message>
      <source>Sending failed</source>
      <translation>送信の失敗</translation>
    </message>
    <message>
      <source>Needs checking (要確認)</source>
      <translation>要確認</translation>
    </message>
    <message>
      <source>Checked: it was posted</source>
      <translation>確認: 投稿済みだった</translation>
    </message>
    <message>
      <source>Checked: it was not posted</source>
      <translation>確認: 投稿されていなかった</translation>
    </message>
    <message>
      <source>Scheduled time missed</source>
      <translation>予約時刻の超過</translation>
    </message>
    <message>
      <source>Deletion started</source>
      <translation>削除の開始</translation>
    </message>
    <message>
      <source>Post deleted</source>
      <translation>投稿の削除</translation>
    </message>
    <message>
      <source>Audit checkpoint signed</source>
      <translation>監査チェックポイントの署名</translation>
    </message>
    <message>
      <source>the newest entries are missing</source>
      <translation>最新の記録が失われています</translation>
    </message>
    <message>
      <source>Audit record broken at sequence number {seq}: {reason}</source>
      <translation>監査記録が連番 {seq} で壊れています: {reason}</translation>
    </message>
    <message>
      <source>entry missing or reordered</source>
      <translation>記録の欠落または順序の入れ替え</translation>
    </message>
    <message>
      <source>link to the previous entry does not match</source>
      <translation>直前の記録とのつながりが一致しません</translation>
    </message>
    <message>
      <source>content was changed after it was recorded</source>
      <translation>記録後に内容が変更されています</translation>
    </message>
    <message>
      <source>Audit record intact: {count} entries, head {seq}.</source>
      <translation>監査記録は改ざんされていません: {count} 件、最新の連番 {seq}。</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>位置引数</translation>
    </message>
    <message>
      <source>options</source>
      <translation>オプション</translation>
    </message>
    <message>
      <source>unrecognized arguments: {args}</source>
      <translation>認識できない引数です: {args}</translation>
    </message>
    <message>
      <source>the following arguments are required: {args}</source>
      <translation>次の引数が必要です: {args}</translation>
    </message>
    <message>
      <source>invalid choice: {value} (choose from {choices})</source>
      <translation>{value} は指定できません（選択肢: {choices}）</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>値を 1 つ指定してください</translation>
    </message>
    <message>
      <source>expected at least one argument</source>
      <translation>値を 1 つ以上指定してください</translation>
    </message>
    <message>
      <source>invalid {type} value: {value}</source>
      <translation>{value} は {type} の値として正しくありません</translation>
    </message>
    <message>
      <source>ignored explicit argument {value}</source>
      <translation>このオプションには値を指定できません: {value}</translation>
    </message>
    <message>
      <source>ambiguous option: {option} could match {matches}</source>
      <translation>オプション {option} があいまいです。候補: {matches}</translation>
    </message>
    <message>
      <source>KohoGate: approval, checklist and audit record for official social-media posts.</source>
      <translation>広報ゲート: 公式SNS投稿の承認・チェック・監査記録ツール</translation>
    </message>
    <message>
      <source>show program's version number and exit</source>
      <translation>バージョンを表示して終了する</translation>
    </message>
    <message>
      <source>folder for the database, logs and settings</source>
      <translation>データベース・ログ・設定を置くフォルダー</translation>
    </message>
    <message>
      <source>SQLAlchemy database URL (default: SQLite in the data folder)</source>
      <translation>データベースURL (既定: データフォルダー内の SQLite)</translation>
    </message>
    <message>
      <source>language of the user interface</source>
      <translation>表示言語</translation>
    </message>
    <message>
      <source>database maintenance</source>
      <translation>データベースの保守</translation>
    </message>
    <message>
      <source>apply pending database migrations</source>
      <translation>未適用のデータベース移行を適用する</translation>
    </message>
    <message>
      <source>show the schema revision of the database</source>
      <translation>データベースのスキーマ版を表示する</translation>
    </message>
    <message>
      <source>fill the data folder with demonstration data</source>
      <translation>データフォルダーにデモ用データを作成する</translation>
    </message>
    <message>
      <source>check or export the audit record</source>
      <translation>監査記録の検証・書き出し</translation>
    </message>
    <message>
      <source>verify the hash chain of the audit record</source>
      <translation>監査記録のハッシュチェーンを検証する</translation>
    </message>
    <message>
      <source>also check the chain against a signed checkpoint file</source>
      <translation>署名付きチェックポイントファイルとも照合する</translation>
    </message>
    <message>
      <source>sign the head of the audit record with your key and write it to a file</source>
      <translation>監査記録の最新状態に自分の鍵で署名し、ファイルに書き出す</translation>
    </message>
    <message>
      <source>where to write the checkpoint</source>
      <translation>チェックポイントの書き出し先</translation>
    </message>
    <message>
      <source>export the audit record as CSV</source>
      <translation>監査記録を CSV で書き出す</translation>
    </message>
    <message>
      <source>where to write the CSV file</source>
      <translation>CSV ファイルの書き出し先</translation>
    </message>
    <message>
      <source>run the guideline checks on draft files</source>
      <translation>下書きファイルにガイドラインチェックを実行する</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>使い方: </translation>
    </message>
    <message>
      <source>argument {argument}: {message}</source>
      <translation>引数 {argument}: {message}</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>このヘルプを表示して終了する</translation>
    </message>
    <message>
      <source>{prog}: error: {message} (see: {prog} --help)</source>
      <translation>{prog}: エラー: {message}（使い方: {prog} --help）</translation>
    </message>
    <message>
      <source>The GUI is not available in this program.</source>
      <translation>このプログラムでは画面を表示できません。</translation>
    </message>
    <message>
      <source>Checkpoint of entry {seq} written to {path}. Keep it outside the database.</source>
      <translation>連番 {seq} のチェックポイントを {path} に書き出しました。データベースとは別の場所に保管してください。</translation>
    </message>
    <message>
      <source>Database {db} is at schema revision {rev} (newest: {head}).</source>
      <translation>データベース {db} のスキーマ版は {rev} です (最新: {head})。</translation>
    </message>
    <message>
      <source>Demo data written to {db}: {staff} staff, {accounts} accounts, {drafts} drafts.</source>
      <translation>デモデータを {db} に作成しました: 職員 {staff} 名、アカウント {accounts} 件、下書き {drafts} 件。</translation>
    </message>
    <message>
      <source>{count} audit entries written to {path}.</source>
      <translation>監査記録 {count} 件を {path} に書き出しました。</translation>
    </message>
    <message>
      <source>Error: {message}</source>
      <translation>エラー: {message}</translation>
    </message>
    <message>
      <source>You are not registered in KohoGate.</source>
      <translation>広報ゲートに登録されていません。</translation>
    </message>
    <message>
      <source>Due, to be posted by hand in the platform's app: {title} ({account}), due {time}</source>
      <translation>手動投稿の時刻です（各サービスのアプリで投稿してください）：{title}（{account}）予定 {time}</translation>
    </message>
    <message>
      <source>An empty draft cannot be submitted.</source>
      <translation>空の下書きは承認申請できません。</translation>
    </message>
    <message>
      <source>The scheduled time {time} has already passed: choose a later time or post without one.</source>
      <translation>予約日時 {time} は既に過ぎています。後の日時を選ぶか、予約なしで投稿してください。</translation>
    </message>
    <message>
      <source>The OS keyring is locked. Unlock it (log in again or open the keyring), then retry.</source>
      <translation>OS の資格情報ストア (キーリング) がロックされています。ロックを解除してから (再ログインまたはキーリングを開く) やり直してください。</translation>
    </message>
    <message>
      <source>No OS keyring is available on this computer.</source>
      <translation>このパソコンでは OS の資格情報ストア (キーリング) を利用できません。</translation>
    </message>
    <message>
      <source>{field} is required.</source>
      <translation>{field}を入力してください。</translation>
    </message>
    <message>
      <source>SQLite is not safe on shared folders: two computers can corrupt it. Keep the file on this computer, or let several workstations share a PostgreSQL server (--database-url postgresql://…).</source>
      <translation>共有フォルダー上の SQLite は安全ではありません (複数の端末から使うと壊れるおそれがあります)。ファイルをこのパソコン内に置くか、複数の端末で共有する場合は PostgreSQL サーバーを使ってください (--database-url postgresql://…)。</translation>
    </message>
    <message>
      <source>Unsupported database {name}: use SQLite or PostgreSQL.</source>
      <translation>{name} には対応していません。SQLite または PostgreSQL を使ってください。</translation>
    </message>
    <message>
      <source>The database file {path} is on a network drive ({kind}).</source>
      <translation>データベースファイル {path} はネットワークドライブ ({kind}) 上にあります。</translation>
    </message>
    <message>
      <source>Not a valid database URL: {url}</source>
      <translation>データベースURLが正しくありません: {url}</translation>
    </message>
    <message>
      <source>The data folder already holds a database; demo data goes only into an empty one.</source>
      <translation>このデータフォルダーには既にデータベースがあります。デモデータは空のフォルダーにだけ作成できます。</translation>
    </message>
    <message>
      <source>Account ID</source>
      <translation>アカウントID</translation>
    </message>
    <message>
      <source>The disk is full. Free some space, then try again; nothing was lost.</source>
      <translation>ディスクがいっぱいです。空き容量を確保してからやり直してください。データは失われていません。</translation>
    </message>
    <message>
      <source>Technical detail: {detail}</source>
      <translation>技術的な詳細: {detail}</translation>
    </message>
    <message>
      <source>The database is busy in another window or workstation. Try again in a moment.</source>
      <translation>データベースが別の画面または端末で使用中です。少し待ってからやり直してください。</translation>
    </message>
    <message>
      <source>The database cannot be reached. Check the network or ask the administrator.</source>
      <translation>データベースに接続できません。ネットワークを確認するか、管理者に問い合わせてください。</translation>
    </message>
    <message>
      <source>Cannot use {path}: {reason}</source>
      <translation>{path} を使用できません: {reason}</translation>
    </message>
    <message>
      <source>The database file is not an SQLite database.</source>
      <translation>データベースファイルが SQLite のデータベースではありません。</translation>
    </message>
    <message>
      <source>The database file is damaged. Restore it from a backup.</source>
      <translation>データベースファイルが破損しています。バックアップから復元してください。</translation>
    </message>
    <message>
      <source>KohoGate may not write to {path}. Check the folder's permissions.</source>
      <translation>{path} に書き込めません。フォルダーのアクセス権を確認してください。</translation>
    </message>
    <message>
      <source>{path} is a file, not a folder.</source>
      <translation>{path} はファイルです。フォルダーを指定してください。</translation>
    </message>
    <message>
      <source>{path} does not exist. Check the path.</source>
      <translation>{path} が存在しません。パスを確認してください。</translation>
    </message>
    <message>
      <source>The database path {path} is a folder, not a database file.</source>
      <translation>データベースのパス {path} はフォルダーです。データベースファイルを指定してください。</translation>
    </message>
    <message>
      <source>{path} is not an SQLite database file.</source>
      <translation>{path} は SQLite のデータベースファイルではありません。</translation>
    </message>
    <message>
      <source>The database file {path} is damaged. Restore it from a backup.</source>
      <translation>データベースファイル {path} が破損しています。バックアップから復元してください。</translation>
    </message>
    <message>
      <source>The database file cannot be opened.</source>
      <translation>データベースファイルを開けません。</translation>
    </message>
    <message>
      <source>The database {database} reported an error. Ask the administrator.</source>
      <translation>データベース {database} でエラーが発生しました。管理者に問い合わせてください。</translation>
    </message>
    <message>
      <source>Login to the database {server} was refused: check the user name and the password (pgpass.conf or PGPASSWORD).</source>
      <translation>データベース {server} へのログインが拒否されました。ユーザー名とパスワード（pgpass.conf または PGPASSWORD）を確認してください。</translation>
    </message>
    <message>
      <source>The database {server} does not exist on the server. Create it (createdb) or correct the URL.</source>
      <translation>データベース {server} がサーバー上に存在しません。作成する（createdb）か、URL を修正してください。</translation>
    </message>
    <message>
      <source>The database server {server} does not accept connections from this computer (pg_hba.conf). Ask the administrator.</source>
      <translation>データベースサーバー {server} はこのコンピューターからの接続を許可していません（pg_hba.conf）。管理者に問い合わせてください。</translation>
    </message>
    <message>
      <source>The database server {server} cannot be reached: it refused the connection. Is PostgreSQL running?</source>
      <translation>データベースサーバー {server} に接続できません: 接続が拒否されました。PostgreSQL が起動しているか確認してください。</translation>
    </message>
    <message>
      <source>The database server {server} cannot be reached: the host name is unknown. Check the URL.</source>
      <translation>データベースサーバー {server} に接続できません: ホスト名が見つかりません。URL を確認してください。</translation>
    </message>
    <message>
      <source>The database server {server} cannot be reached: no answer in time. Check the network.</source>
      <translation>データベースサーバー {server} に接続できません: 時間内に応答がありません。ネットワークを確認してください。</translation>
    </message>
    <message>
      <source>The database server {server} cannot be reached. Check the network or ask the administrator.</source>
      <translation>データベースサーバー {server} に接続できません。ネットワークを確認するか、管理者に問い合わせてください。</translation>
    </message>
    <message>
      <source>{path} already exists.</source>
      <translation>{path} は既に存在します。</translation>
    </message>
    <message>
      <source>The database file {path} cannot be opened.</source>
      <translation>データベースファイル {path} を開けません。</translation>
    </message>
    <message>
      <source>Publishing refused: {reason}</source>
      <translation>公開できません: {reason}</translation>
    </message>
    <message>
      <source>{what} {id} does not exist.</source>
      <translation>{what} {id} は存在しません。</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>下書き</translation>
    </message>
    <message>
      <source>An approved image or video file is missing.</source>
      <translation>承認された画像または動画のファイルがありません。</translation>
    </message>
    <message>
      <source>The stored X credential is neither a token nor a JSON object with client_id and refresh_token.</source>
      <translation>保存されている X の資格情報が、トークンでも client_id と refresh_token を含む JSON でもありません。</translation>
    </message>
    <message>
      <source>Store the credential for this account again (Accounts → Credential).</source>
      <translation>このアカウントの資格情報を保存し直してください（アカウント → 資格情報）。</translation>
    </message>
    <message>
      <source>Authorize KohoGate for the account again and store the new credential.</source>
      <translation>アカウントで広報ゲートをもう一度認可し、新しい資格情報を保存してください。</translation>
    </message>
    <message>
      <source>X answered the renewal with something unexpected.</source>
      <translation>X からのトークン更新の応答が想定外の内容でした。</translation>
    </message>
    <message>
      <source>X refused to renew the sign-in (HTTP {status}); nothing was posted.</source>
      <translation>X がサインインの更新を拒否しました（HTTP {status}）。投稿はされていません。</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>No role</source>
      <translation>役割なし</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>所属長</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理者</translation>
    </message>
    <message>
      <source>Platform</source>
      <translation>サービス</translation>
    </message>
    <message>
      <source>Account name</source>
      <translation>アカウント名</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>所属</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>職員</translation>
    </message>
    <message>
      <source>{platform} is not a platform KohoGate knows ({valid}).</source>
      <translation>{platform} は広報ゲートが扱うサービスではありません（{valid}）。</translation>
    </message>
    <message>
      <source>The account {handle} on {platform} is already registered.</source>
      <translation>{platform} のアカウント {handle} は既に登録されています。</translation>
    </message>
    <message>
      <source>Changed the check settings</source>
      <translation>チェック項目の設定を変更</translation>
    </message>
    <message>
      <source>Deputy</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>Terminal</source>
      <translation>端末</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>投稿</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>コメント</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>エラー</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>変更前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>変更後</translation>
    </message>
    <message>
      <source>OS login</source>
      <translation>OS ログイン名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>氏名</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>認証済み</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>役割</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>種別</translation>
    </message>
    <message>
      <source>Attempts</source>
      <translation>試行回数</translation>
    </message>
    <message>
      <source>Host name</source>
      <translation>ホスト名</translation>
    </message>
    <message>
      <source>Fingerprint</source>
      <translation>フィンガープリント</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>From</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>終了</translation>
    </message>
    <message>
      <source>Own domains</source>
      <translation>自団体のドメイン</translation>
    </message>
    <message>
      <source>Published phone numbers</source>
      <translation>公開している電話番号</translation>
    </message>
    <message>
      <source>Published e-mail addresses</source>
      <translation>公開しているメールアドレス</translation>
    </message>
    <message>
      <source>Published postal addresses</source>
      <translation>公開している住所</translation>
    </message>
    <message>
      <source>Account ID rule</source>
      <translation>アカウントIDの規則</translation>
    </message>
    <message>
      <source>Password change interval</source>
      <translation>パスワード変更の間隔</translation>
    </message>
    <message>
      <source>no department</source>
      <translation>所属なし</translation>
    </message>
    <message>
      <source>Added {name} ({login}) as {roles}</source>
      <translation>{name}（{login}）を{roles}として追加</translation>
    </message>
    <message>
      <source>Changed {fields} of the account {account}</source>
      <translation>アカウント {account} の{fields}を変更</translation>
    </message>
    <message>
      <source>Changed the organization profile: {fields}</source>
      <translation>団体の情報を変更: {fields}</translation>
    </message>
    <message>
      <source>Stored a file ({mime}, {size} KB)</source>
      <translation>ファイルを保存（{mime}、{size} KB）</translation>
    </message>
    <message>
      <source>Approved draft {draft}</source>
      <translation>下書き {draft} を承認</translation>
    </message>
    <message>
      <source>Approved draft {draft}: {comment}</source>
      <translation>下書き {draft} を承認: {comment}</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>はい</translation>
    </message>
    <message>
      <source>no</source>
      <translation>いいえ</translation>
    </message>
    <message>
      <source>Added {name} ({login}) to {department} as {roles}</source>
      <translation>{name}（{login}）を{department}の{roles}として追加</translation>
    </message>
    <message>
      <source>Set up the organization {name}</source>
      <translation>団体 {name} を設定</translation>
    </message>
    <message>
      <source>Added the department {name}</source>
      <translation>所属 {name} を追加</translation>
    </message>
    <message>
      <source>Roles of {staff}: {before} → {after}</source>
      <translation>{staff} の役割: {before} → {after}</translation>
    </message>
    <message>
      <source>Moved {staff} from {before} to {after}</source>
      <translation>{staff} を{before}から{after}へ異動</translation>
    </message>
    <message>
      <source>Deactivated {staff}</source>
      <translation>{staff} の利用を停止</translation>
    </message>
    <message>
      <source>Reactivated {staff}</source>
      <translation>{staff} の利用を再開</translation>
    </message>
    <message>
      <source>Created the account {handle} ({platform})</source>
      <translation>アカウント {handle}（{platform}）を作成</translation>
    </message>
    <message>
      <source>Changed the operating policy of {account} ({count} items)</source>
      <translation>アカウント {account} の運用方針を変更（{count} 項目）</translation>
    </message>
    <message>
      <source>Filed the operating policy of {account}</source>
      <translation>アカウント {account} の運用方針を届出</translation>
    </message>
    <message>
      <source>Withdrew the filing of {account}: it must be filed again</source>
      <translation>アカウント {account} の届出を取下げ（再度の届出が必要）</translation>
    </message>
    <message>
      <source>Changed the staff of {account} ({count} people)</source>
      <translation>アカウント {account} の運用体制を変更（{count} 人）</translation>
    </message>
    <message>
      <source>Account {account}: {before} → {after}</source>
      <translation>アカウント {account}: {before} → {after}</translation>
    </message>
    <message>
      <source>The password of {account} must be changed: {reason}</source>
      <translation>アカウント {account} のパスワード変更が必要: {reason}</translation>
    </message>
    <message>
      <source>Changed the password of {account}</source>
      <translation>アカウント {account} のパスワードを変更</translation>
    </message>
    <message>
      <source>Completed the password change of {account}</source>
      <translation>アカウント {account} のパスワード変更を完了</translation>
    </message>
    <message>
      <source>Stored the credential of {account} on the terminal {terminal}</source>
      <translation>アカウント {account} の資格情報を端末 {terminal} に保存</translation>
    </message>
    <message>
      <source>Removed the credential of {account} from the terminal {terminal}</source>
      <translation>アカウント {account} の資格情報を端末 {terminal} から削除</translation>
    </message>
    <message>
      <source>Registered the terminal {host} ({user})</source>
      <translation>端末 {host}（{user}）を登録</translation>
    </message>
    <message>
      <source>Approved the terminal {terminal}</source>
      <translation>端末 {terminal} を承認</translation>
    </message>
    <message>
      <source>Revoked the approval of the terminal {terminal}</source>
      <translation>端末 {terminal} の承認を取消し</translation>
    </message>
    <message>
      <source>Registered the key of the terminal {terminal}</source>
      <translation>端末 {terminal} の鍵を登録</translation>
    </message>
    <message>
      <source>Reset the key of the terminal {terminal}</source>
      <translation>端末 {terminal} の鍵をリセット</translation>
    </message>
    <message>
      <source>Created draft {draft} for {account}</source>
      <translation>アカウント {account} の下書き {draft} を作成</translation>
    </message>
    <message>
      <source>Saved draft {draft} ({length} characters)</source>
      <translation>下書き {draft} を保存（本文 {length} 文字）</translation>
    </message>
    <message>
      <source>Submitted draft {draft} for approval (version {number})</source>
      <translation>下書き {draft} の承認を申請（第 {number} 版）</translation>
    </message>
    <message>
      <source>Marked draft {draft} as an emergency: {reason}</source>
      <translation>下書き {draft} を緊急に指定: {reason}</translation>
    </message>
    <message>
      <source>Removed the emergency mark from draft {draft}</source>
      <translation>下書き {draft} の緊急指定を解除</translation>
    </message>
    <message>
      <source>Took draft {draft} back for editing: {reason}</source>
      <translation>下書き {draft} を編集に戻す: {reason}</translation>
    </message>
    <message>
      <source>Started draft {draft} to correct a published post</source>
      <translation>公開済みの投稿を訂正する下書き {draft} を作成</translation>
    </message>
    <message>
      <source>Returned draft {draft}: {comment}</source>
      <translation>下書き {draft} を差戻し: {comment}</translation>
    </message>
    <message>
      <source>Rejected draft {draft}: {comment}</source>
      <translation>下書き {draft} を却下: {comment}</translation>
    </message>
    <message>
      <source>Created a signing key for {staff}</source>
      <translation>{staff} の署名鍵を作成</translation>
    </message>
    <message>
      <source>Registered a signing key for {staff}</source>
      <translation>{staff} の署名鍵を登録</translation>
    </message>
    <message>
      <source>Revoked a signing key of {staff}</source>
      <translation>{staff} の署名鍵を失効</translation>
    </message>
    <message>
      <source>Named {deputy} deputy of {supervisor}</source>
      <translation>{deputy} を {supervisor} の代理に指定</translation>
    </message>
    <message>
      <source>Queued draft {draft} for posting to {account}</source>
      <translation>下書き {draft} を {account} への投稿待ちに追加</translation>
    </message>
    <message>
      <source>Sending post {post}, attempt {attempt}</source>
      <translation>投稿 {post} を送信（{attempt} 回目）</translation>
    </message>
    <message>
      <source>Published draft {draft}: {url}</source>
      <translation>下書き {draft} を投稿: {url}</translation>
    </message>
    <message>
      <source>Recorded a post made by hand: {url}</source>
      <translation>手動で行った投稿を記録: {url}</translation>
    </message>
    <message>
      <source>Sending post {post} failed: {error}</source>
      <translation>投稿 {post} の送信に失敗: {error}</translation>
    </message>
    <message>
      <source>Post {post} needs checking: {error}</source>
      <translation>投稿 {post} は要確認: {error}</translation>
    </message>
    <message>
      <source>Requested the deletion of {url}: {reason}</source>
      <translation>{url} の削除を依頼: {reason}</translation>
    </message>
    <message>
      <source>Deleted the post {url}</source>
      <translation>投稿 {url} を削除</translation>
    </message>
    <message>
      <source>Signed a checkpoint of the record up to entry {seq}</source>
      <translation>番号 {seq} までの記録のチェックポイントに署名</translation>
    </message>
    <message>
      <source>{count} items</source>
      <translation>{count} 項目</translation>
    </message>
    <message>
      <source>This database has not been set up yet. Start the app to run the set-up.</source>
      <translation>このデータベースはまだ初期設定されていません。アプリを起動して初期設定を行ってください。</translation>
    </message>
    <message>
      <source>Your staff record is inactive or missing. Ask an administrator.</source>
      <translation>あなたの職員情報が無効か、登録されていません。管理者に問い合わせてください。</translation>
    </message>
    <message>
      <source>This needs the role {needed}; you have {held}.</source>
      <translation>この操作には「{needed}」の役割が必要です (あなたの役割: {held})。</translation>
    </message>
    <message>
      <source>The period must end after it starts.</source>
      <translation>終了日時は開始日時より後にしてください。</translation>
    </message>
    <message>
      <source>A supervisor cannot be their own deputy.</source>
      <translation>所属長を自分自身の代理にはできません。</translation>
    </message>
    <message>
      <source>{name} is not a supervisor.</source>
      <translation>{name} は所属長ではありません。</translation>
    </message>
    <message>
      <source>{name} is not an active member of staff.</source>
      <translation>{name} は有効な職員ではありません。</translation>
    </message>
    <message>
      <source>Give the reason for taking this draft back.</source>
      <translation>下書きを取り戻す理由を入力してください。</translation>
    </message>
    <message>
      <source>Someone else changed this draft. Reload it and try again.</source>
      <translation>この下書きは他の人が変更しました。読み込み直してからやり直してください。</translation>
    </message>
    <message>
      <source>A sending attempt for this draft is still open; settle it before taking the draft back.</source>
      <translation>この下書きの送信処理がまだ完了していません。先に送信結果を確定してから取り戻してください。</translation>
    </message>
    <message>
      <source>The text is too long ({length} characters; at most {limit}).</source>
      <translation>本文が長すぎます ({length} 文字。上限 {limit} 文字)。</translation>
    </message>
    <message>
      <source>This draft is {state} and cannot be edited.</source>
      <translation>この下書きは「{state}」のため編集できません。</translation>
    </message>
    <message>
      <source>This draft is {state} and cannot be submitted.</source>
      <translation>この下書きは「{state}」のため承認申請できません。</translation>
    </message>
    <message>
      <source>Only a draft awaiting approval or approved can be taken back (this one is {state}).</source>
      <translation>取り戻せるのは承認待ちまたは承認済みの下書きだけです（この下書きは「{state}」です）。</translation>
    </message>
    <message>
      <source>Copy of {title}</source>
      <translation>{title}（複製）</translation>
    </message>
    <message>
      <source>Say why this is an emergency (e.g. evacuation information).</source>
      <translation>緊急とする理由を書いてください (例: 避難情報)。</translation>
    </message>
    <message>
      <source>Mark a draft as an emergency before submitting it.</source>
      <translation>緊急の指定は承認申請の前に行ってください。</translation>
    </message>
    <message>
      <source>The after-the-fact review must be due within 1 to {max} hours.</source>
      <translation>事後承認の期限は1〜{max}時間の範囲で指定してください。</translation>
    </message>
    <message>
      <source>No rule: any account ID is accepted.</source>
      <translation>規則なし: どのアカウントIDも受け付けます。</translation>
    </message>
    <message>
      <source>Type an example ID to try the rule.</source>
      <translation>試すIDを入力すると、規則に合うかどうかを表示します。</translation>
    </message>
    <message>
      <source>Department name</source>
      <translation>所属名</translation>
    </message>
    <message>
      <source>The password change interval must be between {min} and {max} days: a shorter one makes people choose weak passwords, a longer one is no longer a periodic change (joso:6(1)).</source>
      <translation>パスワード変更の間隔は{min}日から{max}日の間で指定してください。短すぎると覚えやすい弱いパスワードが選ばれやすくなり、長すぎると定期的な変更 (joso:6(1)) になりません。</translation>
    </message>
    <message>
      <source>{handle} follows the naming rule.</source>
      <translation>{handle} は命名規則に従っています。</translation>
    </message>
    <message>
      <source>Organization name</source>
      <translation>団体名</translation>
    </message>
    <message>
      <source>The account ID rule {pattern} is not a valid regular expression.</source>
      <translation>アカウントIDの規則 {pattern} は正しい正規表現ではありません。</translation>
    </message>
    <message>
      <source>The check settings are invalid: {error}</source>
      <translation>チェック設定が正しくありません: {error}</translation>
    </message>
    <message>
      <source>A department named {name} already exists.</source>
      <translation>所属「{name}」は既にあります。</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>削除済</translation>
    </message>
    <message>
      <source>The newest version of this draft is not approved.</source>
      <translation>この下書きの最新版は承認されていません。</translation>
    </message>
    <message>
      <source>Only the newest version of a draft can be published.</source>
      <translation>公開できるのは下書きの最新版だけです。</translation>
    </message>
    <message>
      <source>A comment is required to return or reject a draft.</source>
      <translation>差戻しまたは却下にはコメントが必要です。</translation>
    </message>
    <message>
      <source>This version is no longer awaiting a decision.</source>
      <translation>この版は既に承認待ちではありません。</translation>
    </message>
    <message>
      <source>The signature could not be verified with your registered key.</source>
      <translation>登録済みの鍵で署名を検証できませんでした。</translation>
    </message>
    <message>
      <source>Another supervisor has already decided on this version.</source>
      <translation>この版は既に別の所属長が判断しました。</translation>
    </message>
    <message>
      <source>Your signing key on this computer is not registered, or it was revoked. Ask an administrator to register it (fingerprint {fingerprint}).</source>
      <translation>このパソコンにあるあなたの署名鍵は登録されていないか、取り消されています。管理者に登録を依頼してください (フィンガープリント {fingerprint})。</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>あなたの氏名</translation>
    </message>
    <message>
      <source>Your department</source>
      <translation>あなたの所属</translation>
    </message>
    <message>
      <source>The OS login name is empty.</source>
      <translation>OS のログイン名が空です。</translation>
    </message>
    <message>
      <source>This database is already set up.</source>
      <translation>このデータベースは既に初期設定済みです。</translation>
    </message>
    <message>
      <source>Signing key</source>
      <translation>署名鍵</translation>
    </message>
    <message>
      <source>This key is already registered.</source>
      <translation>この鍵は既に登録されています。</translation>
    </message>
    <message>
      <source>Choose at least one role: a person without a role can do nothing in KohoGate. To take away someone's access, deactivate them instead.</source>
      <translation>役割を 1 つ以上選んでください。役割のない職員は KohoGate で何もできません。利用をやめさせるときは、代わりに利用停止にしてください。</translation>
    </message>
    <message>
      <source>At least one active administrator must remain.</source>
      <translation>有効な管理者が少なくとも1名必要です。</translation>
    </message>
    <message>
      <source>The login {login} is already registered.</source>
      <translation>ログイン名 {login} は既に登録されています。</translation>
    </message>
    <message>
      <source>{field} is too long ({length} characters; at most {limit}).</source>
      <translation>{field}が長すぎます ({length} 文字。上限 {limit} 文字)。</translation>
    </message>
    <message>
      <source>Approved and signed for exactly this content.</source>
      <translation>この内容のとおりに承認・署名されています。</translation>
    </message>
    <message>
      <source>The draft does not exist.</source>
      <translation>下書きが存在しません。</translation>
    </message>
    <message>
      <source>The draft was taken back for editing; submit it for approval again.</source>
      <translation>下書きは編集のため取り戻されています。もう一度承認を申請してください。</translation>
    </message>
    <message>
      <source>The approved version was altered in the database after approval.</source>
      <translation>承認された版が承認後にデータベース上で改変されています。</translation>
    </message>
    <message>
      <source>The content changed after approval (text, time, images or their descriptions): approve it again.</source>
      <translation>承認後に内容 (本文・日時・画像・代替テキスト) が変更されています。もう一度承認を受けてください。</translation>
    </message>
    <message>
      <source>The approval is not signed.</source>
      <translation>承認に署名がありません。</translation>
    </message>
    <message>
      <source>The approval was signed with a key not registered to the approver.</source>
      <translation>承認者に登録されていない鍵で署名されています。</translation>
    </message>
    <message>
      <source>The approver's signing key has been revoked.</source>
      <translation>承認者の署名鍵は取り消されています。</translation>
    </message>
    <message>
      <source>The approval's signature does not match.</source>
      <translation>承認の署名が一致しません。</translation>
    </message>
    <message>
      <source>You cannot decide on a draft you wrote, edited or submitted.</source>
      <translation>自分が作成・編集・提出したことのある下書きは、承認・差戻し・却下できません。</translation>
    </message>
    <message>
      <source>Only a supervisor of the account's department, or a deputy named for one, can decide on this draft.</source>
      <translation>この下書きを判断できるのは、アカウントを運用する所属の所属長か、その代理に指名された職員だけです。</translation>
    </message>
    <message>
      <source>This is not an Ed25519 public key (expected 32 bytes in base64).</source>
      <translation>Ed25519 の公開鍵ではありません (base64 で32バイトが必要です)。</translation>
    </message>
    <message>
      <source>There is no signing key for you on this computer. Create one under Settings → Approval and ask an administrator to register it.</source>
      <translation>このパソコンにはあなたの署名鍵がありません。設定 → 承認 で作成し、管理者に登録を依頼してください。</translation>
    </message>
    <message>
      <source>not scheduled</source>
      <translation>予約なし</translation>
    </message>
    <message>
      <source>video</source>
      <translation>動画</translation>
    </message>
    <message>
      <source>image</source>
      <translation>画像</translation>
    </message>
    <message>
      <source>burned into the picture</source>
      <translation>映像に焼き込み済み</translation>
    </message>
    <message>
      <source>none</source>
      <translation>なし</translation>
    </message>
    <message>
      <source>{kind} {n} ({name})</source>
      <translation>{kind}{n}（{name}）</translation>
    </message>
    <message>
      <source>decorative: {reason}</source>
      <translation>装飾用：{reason}</translation>
    </message>
    <message>
      <source>Scheduled time</source>
      <translation>予約日時</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>緊急</translation>
    </message>
    <message>
      <source>image/video {n}</source>
      <translation>画像・動画 {n}</translation>
    </message>
    <message>
      <source>Added: {item}</source>
      <translation>追加：{item}</translation>
    </message>
    <message>
      <source>Moved: {item}</source>
      <translation>順番の変更：{item}</translation>
    </message>
    <message>
      <source>Alt text of {item}</source>
      <translation>{item}の代替テキスト</translation>
    </message>
    <message>
      <source>Captions of {item}</source>
      <translation>{item}の字幕</translation>
    </message>
    <message>
      <source>Removed: {item}</source>
      <translation>削除：{item}</translation>
    </message>
    <message>
      <source>Awaiting approval</source>
      <translation>承認待ち</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>差戻し</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>承認済</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>却下</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>公開済</translation>
    </message>
    <message>
      <source>Preparing</source>
      <translation>準備中</translation>
    </message>
    <message>
      <source>In operation</source>
      <translation>運用中</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>休止</translation>
    </message>
    <message>
      <source>Withdrawal announced</source>
      <translation>撤退予告</translation>
    </message>
    <message>
      <source>Pending approval</source>
      <translation>申請中</translation>
    </message>
    <message>
      <source>Revoked</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Sending</source>
      <translation>送信中</translation>
    </message>
    <message>
      <source>Needs checking</source>
      <translation>要確認</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>失敗</translation>
    </message>
    <message>
      <source>Number of faces</source>
      <translation>顔の数</translation>
    </message>
    <message>
      <source>Width</source>
      <translation>幅</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>高さ</translation>
    </message>
    <message>
      <source>A media item is malformed ({field} must be a whole number).</source>
      <translation>添付ファイルの情報が不正です（{field}は整数でなければなりません）。</translation>
    </message>
    <message>
      <source>Unknown duty {duty}.</source>
      <translation>不明な担当 {duty} です。</translation>
    </message>
    <message>
      <source>{what}: the id must be a whole number.</source>
      <translation>{what}: ID は整数でなければなりません。</translation>
    </message>
    <message>
      <source>The text</source>
      <translation>本文</translation>
    </message>
    <message>
      <source>{field} must be text.</source>
      <translation>{field}は文字列でなければなりません。</translation>
    </message>
    <message>
      <source>{field} contains the character U+{code} at position {position}, which cannot be saved.</source>
      <translation>{field}の {position} 文字目に保存できない文字 U+{code} が含まれています。</translation>
    </message>
    <message>
      <source>{field} must be between {minimum} and {maximum}.</source>
      <translation>{field}は {minimum} 以上 {maximum} 以下でなければなりません。</translation>
    </message>
    <message>
      <source>{field} must be a date and time.</source>
      <translation>{field}は日時でなければなりません。</translation>
    </message>
    <message>
      <source>{field} has no time zone.</source>
      <translation>{field}にタイムゾーンがありません。</translation>
    </message>
    <message>
      <source>{field} must be a whole number.</source>
      <translation>{field}は整数でなければなりません。</translation>
    </message>
    <message>
      <source>An entry</source>
      <translation>項目</translation>
    </message>
    <message>
      <source>The text contains the character U+{code} at position {position}, which cannot be saved.</source>
      <translation>{position} 文字目に保存できない文字 U+{code} が含まれています。</translation>
    </message>
    <message>
      <source>A number is too large to be saved.</source>
      <translation>数値が大きすぎて保存できません。</translation>
    </message>
    <message>
      <source>The data is nested too deeply to be saved.</source>
      <translation>データの入れ子が深すぎて保存できません。</translation>
    </message>
    <message>
      <source>the text</source>
      <translation>本文</translation>
    </message>
    <message>
      <source>the profile</source>
      <translation>プロファイル</translation>
    </message>
    <message>
      <source>{path} is larger than {limit} MB; app.py check reads at most that much.</source>
      <translation>{path} は {limit} MB を超えています。app.py check が読み込めるのはそこまでです。</translation>
    </message>
    <message>
      <source>{path}: {field} contains the character {character} at position {position}, which cannot be saved or posted.</source>
      <translation>{path}: {field}の {position} 文字目に、保存も投稿もできない文字 {character} が含まれています。</translation>
    </message>
    <message>
      <source>{path}: the text has {count} characters; app.py check accepts at most {limit}.</source>
      <translation>{path}: 本文が {count} 文字あります。app.py check が受け付けるのは {limit} 文字までです。</translation>
    </message>
    <message>
      <source>{path}: a number has {count} digits (at most {limit}).</source>
      <translation>{path}: {count} 桁の数値があります（{limit} 桁まで）。</translation>
    </message>
    <message>
      <source>{path}: the JSON is nested too deeply to be a draft.</source>
      <translation>{path}: JSON の入れ子が深すぎて、下書きとして読めません。</translation>
    </message>
    <message>
      <source>{path}: the image {image} has more pixels than any platform accepts (at most {limit}).</source>
      <translation>{path}: 画像 {image} の画素数が、どの投稿先の上限も超えています（{limit} 画素まで）。</translation>
    </message>
    <message>
      <source>a number has more than {limit} digits</source>
      <translation>{limit} 桁を超える数値があります</translation>
    </message>
    <message>
      <source>nested too deeply</source>
      <translation>入れ子が深すぎます</translation>
    </message>
    <message>
      <source>The data folder {path} is on a network drive ({kind}).</source>
      <translation>データフォルダー {path} はネットワークドライブ ({kind}) 上にあります。</translation>
    </message>
    <message>
      <source>Keep KohoGate's data folder on this computer; several workstations share data through a PostgreSQL server (--database-url postgresql://…).</source>
      <translation>広報ゲートのデータフォルダーはこのパソコンに置いてください。複数の端末でデータを共有するには PostgreSQL サーバーを使います (--database-url postgresql://…)。</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>End</source>
      <translation>終了</translation>
    </message>
    <message>
      <source>The Mastodon account {handle} has an http:// address; KohoGate sends the token only over https://. Correct the account's URL.</source>
      <translation>Mastodon のアカウント {handle} のアドレスが http:// です。広報ゲートはトークンを https:// でしか送りません。アカウントの URL を修正してください。</translation>
    </message>
    <message>
      <source>Something changed during the run; the run decides afresh.</source>
      <translation>実行中に変更がありました。改めて判定します。</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <source>KohoGate</source>
      <translation>広報ゲート</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>はい(&amp;Y)</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>破棄(&amp;D)</translation>
    </message>
  </context>
</TS>
