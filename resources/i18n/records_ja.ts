<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>Approval record (決裁記録)</source>
      <translation>決裁記録</translation>
    </message>
    <message>
      <source>awaiting a decision</source>
      <translation>決裁待ち</translation>
    </message>
    <message>
      <source>Approved (承認)</source>
      <translation>承認</translation>
    </message>
    <message>
      <source>Returned (差戻し)</source>
      <translation>差戻し</translation>
    </message>
    <message>
      <source>Rejected (却下)</source>
      <translation>却下</translation>
    </message>
    <message>
      <source>not numbered</source>
      <translation>番号なし</translation>
    </message>
    <message>
      <source>The post as it will appear</source>
      <translation>発信内容（掲載されるとおり）</translation>
    </message>
    <message>
      <source>Findings and the operator's reasons</source>
      <translation>チェック結果と担当者の理由</translation>
    </message>
    <message>
      <source>Confirmations ticked</source>
      <translation>確認事項（チェック済み）</translation>
    </message>
    <message>
      <source>Review history</source>
      <translation>審査の経過</translation>
    </message>
    <message>
      <source>Appendix: integrity of this record</source>
      <translation>付録　記録の完全性</translation>
    </message>
    <message>
      <source>The content hash binds the text, the account, the scheduled time and every file with its alt text. The supervisor's Ed25519 signature covers the decision and that hash; anyone holding the public key can check it. The audit record of KohoGate keeps every step with a hash chain.</source>
      <translation>内容ハッシュは本文・アカウント・予定日時・すべてのファイルと代替テキストを束ねます。決裁者の Ed25519 署名は決裁内容とこのハッシュを対象とし、公開鍵があれば誰でも検証できます。各手順は KohoGate の監査記録にハッシュチェーンで残っています。</translation>
    </message>
    <message>
      <source>Signature (Ed25519, base64)</source>
      <translation>署名（Ed25519、base64）</translation>
    </message>
    <message>
      <source>Fingerprint of the signing key</source>
      <translation>署名鍵のフィンガープリント</translation>
    </message>
    <message>
      <source>Approval (決裁欄)</source>
      <translation>決裁欄</translation>
    </message>
    <message>
      <source> (after publication)</source>
      <translation>（事後承認）</translation>
    </message>
    <message>
      <source>Drafted by (起案者)</source>
      <translation>起案者</translation>
    </message>
    <message>
      <source>Drafted (起案)</source>
      <translation>起案</translation>
    </message>
    <message>
      <source>Document number (文書番号)</source>
      <translation>文書番号</translation>
    </message>
    <message>
      <source>Drafted on (起案日)</source>
      <translation>起案日</translation>
    </message>
    <message>
      <source>Subject (件名)</source>
      <translation>件名</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>団体</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>(no text)</source>
      <translation>（本文なし）</translation>
    </message>
    <message>
      <source>Images and videos: none</source>
      <translation>画像・動画: なし</translation>
    </message>
    <message>
      <source>None (the checks found nothing to confirm).</source>
      <translation>なし（確認を要する指摘はありません）。</translation>
    </message>
    <message>
      <source>None (no confirmation applied to this post).</source>
      <translation>なし（この投稿に該当する確認事項はありません）。</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>手続</translation>
    </message>
    <message>
      <source>By</source>
      <translation>担当</translation>
    </message>
    <message>
      <source>When</source>
      <translation>日時</translation>
    </message>
    <message>
      <source>Comment / URL</source>
      <translation>コメント・URL</translation>
    </message>
    <message>
      <source>{name} (deputy for {absent})</source>
      <translation>{name}（{absent} の代理）</translation>
    </message>
    <message>
      <source>Submitted (提出)</source>
      <translation>提出</translation>
    </message>
    <message>
      <source>Decided by (決裁者)</source>
      <translation>決裁者</translation>
    </message>
    <message>
      <source>Published (公開)</source>
      <translation>公開</translation>
    </message>
    <message>
      <source>{number} (fiscal year {year})</source>
      <translation>{number}（{year}年度）</translation>
    </message>
    <message>
      <source>(no title)</source>
      <translation>（件名なし）</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>予定日時</translation>
    </message>
    <message>
      <source>(no alt text)</source>
      <translation>（代替テキストなし）</translation>
    </message>
    <message>
      <source>{item} — alt text: {alt}</source>
      <translation>{item}　代替テキスト: {alt}</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>提出</translation>
    </message>
    <message>
      <source>Content hash of version {n} (SHA-256)</source>
      <translation>第{n}版の内容ハッシュ（SHA-256）</translation>
    </message>
    <message>
      <source>Draft / version</source>
      <translation>下書き／版</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>出力日時</translation>
    </message>
    <message>
      <source>by hand</source>
      <translation>手動</translation>
    </message>
    <message>
      <source>not scheduled (posted when approved)</source>
      <translation>予定なし（承認後に投稿）</translation>
    </message>
    <message>
      <source>decorative, no alt text needed: {reason}</source>
      <translation>装飾（代替テキスト不要）: {reason}</translation>
    </message>
    <message>
      <source>Submitted (version {n})</source>
      <translation>提出（第{n}版）</translation>
    </message>
    <message>
      <source>version {n}</source>
      <translation>第{n}版</translation>
    </message>
    <message>
      <source>Where: {excerpt}</source>
      <translation>該当箇所: {excerpt}</translation>
    </message>
    <message>
      <source>Acknowledged by {name}: {reason}</source>
      <translation>{name} が確認: {reason}</translation>
    </message>
    <message>
      <source> (by hand)</source>
      <translation>（手動）</translation>
    </message>
    <message>
      <source>Reinstall KohoGate.</source>
      <translation>KohoGate を入れ直してください。</translation>
    </message>
    <message>
      <source>The Japanese font for records is missing from this installation: {path}</source>
      <translation>記録用の日本語フォントがインストールされていません: {path}</translation>
    </message>
    <message>
      <source>page {page} of {pages}</source>
      <translation>{page} / {pages} ページ</translation>
    </message>
    <message>
      <source>(the picture cannot be shown here)</source>
      <translation>（この画像はここに表示できません）</translation>
    </message>
    <message>
      <source>{path} is a folder; give the name of the PDF file to write.</source>
      <translation>{path} はフォルダーです。書き出す PDF ファイルの名前を指定してください。</translation>
    </message>
    <message>
      <source>{path} cannot be written: {parent} is not a folder.</source>
      <translation>{path} に書き込めません: {parent} はフォルダーではありません。</translation>
    </message>
    <message>
      <source>{path} cannot be written: {reason}</source>
      <translation>{path} に書き込めません: {reason}</translation>
    </message>
    <message>
      <source>Fiscal year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Approved on</source>
      <translation>決裁日時</translation>
    </message>
    <message>
      <source>Content hash (SHA-256)</source>
      <translation>内容ハッシュ（SHA-256）</translation>
    </message>
    <message>
      <source>File</source>
      <translation>ファイル</translation>
    </message>
    <message>
      <source>The period starts after it ends ({first} to {last}).</source>
      <translation>期間の開始が終了より後です（{first}〜{last}）。</translation>
    </message>
    <message>
      <source>Incident report</source>
      <translation>インシデント報告書</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>経過</translation>
    </message>
    <message>
      <source>Steps the guideline still asks for</source>
      <translation>ガイドラインが求める未了の手順</translation>
    </message>
    <message>
      <source>Entries in the audit record</source>
      <translation>監査記録の該当項目</translation>
    </message>
    <message>
      <source>Discovered and reported</source>
      <translation>発見・報告</translation>
    </message>
    <message>
      <source>Incident {id}</source>
      <translation>インシデント第{id}号</translation>
    </message>
    <message>
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>To whom / where</source>
      <translation>相手先</translation>
    </message>
    <message>
      <source>None recorded.</source>
      <translation>記録なし。</translation>
    </message>
    <message>
      <source>unchanged (hash checked now)</source>
      <translation>改変なし（出力時にハッシュを確認）</translation>
    </message>
    <message>
      <source>ALTERED: the content no longer matches</source>
      <translation>改変あり: 内容がハッシュと一致しません</translation>
    </message>
    <message>
      <source>None: every step for this kind is recorded.</source>
      <translation>なし（この種別の手順はすべて記録済み）。</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>番号</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>実施者</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>出来事</translation>
    </message>
    <message>
      <source>Hash (first 16)</source>
      <translation>ハッシュ（先頭16桁）</translation>
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
      <source>Discovered by</source>
      <translation>発見者</translation>
    </message>
    <message>
      <source>Accounts concerned</source>
      <translation>対象アカウント</translation>
    </message>
    <message>
      <source>Printed {time} by KohoGate.</source>
      <translation>{time} に KohoGate で出力。</translation>
    </message>
    <message>
      <source>Evidence {n} recorded</source>
      <translation>証拠{n}を記録</translation>
    </message>
    <message>
      <source>URL or file</source>
      <translation>URL・ファイル</translation>
    </message>
    <message>
      <source>Type and size</source>
      <translation>形式・サイズ</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>記録</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>確認</translation>
    </message>
    <message>
      <source>SHA-256 of evidence {n}</source>
      <translation>証拠{n}の SHA-256</translation>
    </message>
    <message>
      <source>(no label)</source>
      <translation>（名称なし）</translation>
    </message>
    <message>
      <source>Evidence {n}</source>
      <translation>証拠{n}</translation>
    </message>
    <message>
      <source>write records for filing (決裁記録)</source>
      <translation>保存用の記録（決裁記録）を書き出す</translation>
    </message>
    <message>
      <source>write the approval record (決裁記録) of every draft approved in a period as PDF files named by their document number, with index.csv</source>
      <translation>期間内に決裁された下書きの決裁記録を、文書番号を名前にした PDF と index.csv で書き出す</translation>
    </message>
    <message>
      <source>first day</source>
      <translation>開始日</translation>
    </message>
    <message>
      <source>last day</source>
      <translation>終了日</translation>
    </message>
    <message>
      <source>write the report of one incident as a PDF file</source>
      <translation>インシデント1件の報告書を PDF で書き出す</translation>
    </message>
    <message>
      <source>where to write the PDF file</source>
      <translation>PDF ファイルの書き出し先</translation>
    </message>
    <message>
      <source>{count} approval records written to {folder} (index: {index}).</source>
      <translation>決裁記録 {count} 件を {folder} に書き出しました（索引: {index}）。</translation>
    </message>
    <message>
      <source>Incident report written to {path}.</source>
      <translation>インシデント報告書を {path} に書き出しました。</translation>
    </message>
    <message>
      <source>{value} is not a day written YYYY-MM-DD</source>
      <translation>{value} は YYYY-MM-DD 形式の日付ではありません</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>備考</translation>
    </message>
    <message>
      <source>Document number prefix</source>
      <translation>文書番号の接頭辞</translation>
    </message>
    <message>
      <source>Verified by the platform (its verification mark is shown)</source>
      <translation>認証済み（サービスの認証マークが表示されます）</translation>
    </message>
    <message>
      <source>Not verified by the platform</source>
      <translation>サービスによる認証なし</translation>
    </message>
    <message>
      <source>Facts about the account {name}</source>
      <translation>{name} の基本情報</translation>
    </message>
    <message>
      <source>Last updated</source>
      <translation>最終更新日</translation>
    </message>
    <message>
      <source>Verification</source>
      <translation>認証</translation>
    </message>
    <message>
      <source>These accounts were ours but are no longer operated. Posts made on them after the date shown are not from us.</source>
      <translation>以下のアカウントは運用を終了しました。終了日より後にこれらのアカウントで行われた投稿は、当団体によるものではありません。</translation>
    </message>
    <message>
      <source>date not recorded</source>
      <translation>記録なし</translation>
    </message>
    <message>
      <source>Editing of a draft ended</source>
      <translation>下書きの編集を終了</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>日時</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>実施者</translation>
    </message>
    <message>
      <source>Staff member concerned</source>
      <translation>対象の職員</translation>
    </message>
    <message>
      <source>Other recorded details</source>
      <translation>その他の記録内容</translation>
    </message>
    <message>
      <source>Hash</source>
      <translation>ハッシュ</translation>
    </message>
    <message>
      <source>Previous hash</source>
      <translation>直前のハッシュ</translation>
    </message>
    <message>
      <source>images and videos</source>
      <translation>画像・動画</translation>
    </message>
    <message>
      <source>the scheduled time</source>
      <translation>予定日時</translation>
    </message>
    <message>
      <source>the title</source>
      <translation>件名</translation>
    </message>
    <message>
      <source>acknowledgements</source>
      <translation>指摘への確認</translation>
    </message>
    <message>
      <source>the category of information</source>
      <translation>情報の区分</translation>
    </message>
    <message>
      <source>confirmations</source>
      <translation>確認事項</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>変更なし</translation>
    </message>
    <message>
      <source>the window was closed</source>
      <translation>画面を閉じた</translation>
    </message>
    <message>
      <source>submitted for approval</source>
      <translation>承認申請した</translation>
    </message>
    <message>
      <source>someone else started editing</source>
      <translation>別の職員が編集を始めた</translation>
    </message>
    <message>
      <source>no save for 30 minutes</source>
      <translation>30分間保存がなかった</translation>
    </message>
    <message>
      <source>started</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>continued</source>
      <translation>継続</translation>
    </message>
    <message>
      <source>this computer is not registered</source>
      <translation>この端末は登録されていない</translation>
    </message>
    <message>
      <source>this computer is not approved yet</source>
      <translation>この端末はまだ承認されていない</translation>
    </message>
    <message>
      <source>this computer's approval was revoked</source>
      <translation>この端末の承認は取り消された</translation>
    </message>
    <message>
      <source>this computer's approval has expired</source>
      <translation>この端末の承認は期限切れ</translation>
    </message>
    <message>
      <source>the account does not exist</source>
      <translation>アカウントが存在しない</translation>
    </message>
    <message>
      <source>the account is not in operation</source>
      <translation>アカウントは運用中ではない</translation>
    </message>
    <message>
      <source>the account is locked after an incident</source>
      <translation>インシデントによりアカウントがロックされている</translation>
    </message>
    <message>
      <source>this computer is not approved for the account</source>
      <translation>この端末はこのアカウントに承認されていない</translation>
    </message>
    <message>
      <source>the account's password must be changed first</source>
      <translation>先にアカウントのパスワード変更が必要</translation>
    </message>
    <message>
      <source>this computer holds no credential for the account</source>
      <translation>この端末にはこのアカウントの認証情報がない</translation>
    </message>
    <message>
      <source>the stored credential predates the last password change</source>
      <translation>保存された認証情報が最後のパスワード変更より古い</translation>
    </message>
    <message>
      <source>this computer's key is missing</source>
      <translation>この端末の鍵がない</translation>
    </message>
    <message>
      <source>the computer's signature does not verify</source>
      <translation>端末の署名を検証できない</translation>
    </message>
    <message>
      <source>there is no approval</source>
      <translation>承認がない</translation>
    </message>
    <message>
      <source>the draft changed after the approval</source>
      <translation>承認後に下書きが変更された</translation>
    </message>
    <message>
      <source>the approved content was altered</source>
      <translation>承認された内容が改変された</translation>
    </message>
    <message>
      <source>an approved file is missing</source>
      <translation>承認されたファイルがない</translation>
    </message>
    <message>
      <source>the approval is not signed</source>
      <translation>承認に署名がない</translation>
    </message>
    <message>
      <source>the approval's key is unknown</source>
      <translation>承認の鍵が不明</translation>
    </message>
    <message>
      <source>the approval's key was revoked</source>
      <translation>承認の鍵が失効している</translation>
    </message>
    <message>
      <source>the approval's signature does not verify</source>
      <translation>承認の署名を検証できない</translation>
    </message>
    <message>
      <source>the approval was withdrawn</source>
      <translation>承認が取り下げられた</translation>
    </message>
    <message>
      <source>the approver made the draft</source>
      <translation>承認者が下書きの作成者</translation>
    </message>
    <message>
      <source>the approver is no longer active</source>
      <translation>承認者は無効になっている</translation>
    </message>
    <message>
      <source>no administrator key is pinned on this computer</source>
      <translation>この端末に管理者の鍵が登録されていない</translation>
    </message>
    <message>
      <source>this computer's approval is not endorsed by an administrator</source>
      <translation>この端末の承認に管理者の裏書きがない</translation>
    </message>
    <message>
      <source>the approver's key is not endorsed by an administrator</source>
      <translation>承認者の鍵に管理者の裏書きがない</translation>
    </message>
    <message>
      <source>Document number</source>
      <translation>文書番号</translation>
    </message>
    <message>
      <source>Editing session</source>
      <translation>編集セッション</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>段階</translation>
    </message>
    <message>
      <source>Saves</source>
      <translation>保存回数</translation>
    </message>
    <message>
      <source>Saves in the session</source>
      <translation>セッション内の保存回数</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>変更した項目</translation>
    </message>
    <message>
      <source>Length (characters)</source>
      <translation>文字数</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>開始</translation>
    </message>
    <message>
      <source>Last saved</source>
      <translation>最終保存</translation>
    </message>
    <message>
      <source>Acknowledged findings</source>
      <translation>確認済みの指摘</translation>
    </message>
    <message>
      <source>Ticked confirmations</source>
      <translation>チェック済みの確認事項</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>指摘</translation>
    </message>
    <message>
      <source>Copied from draft</source>
      <translation>複製元の下書き</translation>
    </message>
    <message>
      <source>Window ends</source>
      <translation>送信期限</translation>
    </message>
    <message>
      <source>Size (bytes)</source>
      <translation>サイズ（バイト）</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>File type</source>
      <translation>ファイル形式</translation>
    </message>
    <message>
      <source>Entry</source>
      <translation>記録番号</translation>
    </message>
    <message>
      <source>Previous state</source>
      <translation>変更前の状態</translation>
    </message>
    <message>
      <source>Started editing draft {draft}: changed {fields}</source>
      <translation>下書き {draft} の編集を開始: {fields}を変更</translation>
    </message>
    <message>
      <source>Editing draft {draft}: {saves} saves, changed {fields}</source>
      <translation>下書き {draft} を編集中: 保存 {saves} 回、{fields}を変更</translation>
    </message>
    <message>
      <source>Finished editing draft {draft}: {saves} saves, changed {fields} ({why})</source>
      <translation>下書き {draft} の編集を終了: 保存 {saves} 回、{fields}を変更（{why}）</translation>
    </message>
    <message>
      <source>Copied draft {source} into the new draft {draft}</source>
      <translation>下書き {source} を複製して下書き {draft} を作成</translation>
    </message>
    <message>
      <source>Posting to {account} refused: {reason}</source>
      <translation>{account} への投稿を拒否: {reason}</translation>
    </message>
    <message>
      <source>Publishing draft {draft} refused: {reason}</source>
      <translation>下書き {draft} の公開を拒否: {reason}</translation>
    </message>
    <message>
      <source>Draft {draft} missed its time (due {due})</source>
      <translation>下書き {draft} は予定時刻に送信されなかった（予定 {due}）</translation>
    </message>
    <message>
      <source>Checked post {post}: it was posted ({url})</source>
      <translation>投稿 {post} を確認: 投稿済み（{url}）</translation>
    </message>
    <message>
      <source>Checked post {post}: it was not posted</source>
      <translation>投稿 {post} を確認: 未投稿</translation>
    </message>
    <message>
      <source>Approved the deletion of post {post}: {comment}</source>
      <translation>投稿 {post} の削除を承認: {comment}</translation>
    </message>
    <message>
      <source>Rejected the deletion of post {post}: {comment}</source>
      <translation>投稿 {post} の削除を却下: {comment}</translation>
    </message>
    <message>
      <source>Locked the account {account}: nothing posts until it is unlocked</source>
      <translation>アカウント {account} をロック: 解除まで投稿しない</translation>
    </message>
    <message>
      <source>Unlocked the account {account}</source>
      <translation>アカウント {account} のロックを解除</translation>
    </message>
    <message>
      <source>Paused all scheduled posting: {reason}</source>
      <translation>予約投稿をすべて停止（全停止）: {reason}</translation>
    </message>
    <message>
      <source>Resumed scheduled posting: {reason}</source>
      <translation>予約投稿を再開: {reason}</translation>
    </message>
    <message>
      <source>Reported incident {incident} ({kind})</source>
      <translation>インシデント {incident} を報告（{kind}）</translation>
    </message>
    <message>
      <source>Incident {incident} is now {state}</source>
      <translation>インシデント {incident} を「{state}」に変更</translation>
    </message>
    <message>
      <source>Recorded evidence for incident {incident} ({size} bytes)</source>
      <translation>インシデント {incident} の証拠を記録（{size} バイト）</translation>
    </message>
    <message>
      <source>no comment</source>
      <translation>コメントなし</translation>
    </message>
    <message>
      <source>Incident {incident}: {step}</source>
      <translation>インシデント {incident}: {step}</translation>
    </message>
    <message>
      <source>In short</source>
      <translation>概要</translation>
    </message>
    <message>
      <source>Published at</source>
      <translation>公開日時</translation>
    </message>
  </context>
  <context>
    <name>RecordsExport</name>
    <message>
      <source>Export approval records for filing</source>
      <translation>決裁記録の一括出力</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>フォルダー</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>参照(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;From:</source>
      <translation>開始日(&amp;F):</translation>
    </message>
    <message>
      <source>&amp;To:</source>
      <translation>終了日(&amp;T):</translation>
    </message>
    <message>
      <source>F&amp;older:</source>
      <translation>出力先(&amp;O):</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>書き出す(&amp;E)</translation>
    </message>
    <message>
      <source>One PDF per draft approved in the period (approved or published now), named by its document number, and index.csv listing them.</source>
      <translation>期間内に決裁された下書き（現在 承認済または公開済）ごとに、文書番号を名前にした PDF を1件ずつと、その一覧の index.csv を書き出します。</translation>
    </message>
    <message>
      <source>Folder for the records</source>
      <translation>記録の出力先フォルダー</translation>
    </message>
    <message>
      <source>Writing the approval records…</source>
      <translation>決裁記録を書き出しています…</translation>
    </message>
    <message>
      <source>Approval records written</source>
      <translation>決裁記録を書き出しました</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>開始日</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>終了日</translation>
    </message>
    <message>
      <source>This &amp;month</source>
      <translation>今月(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Last month</source>
      <translation>先月(&amp;L)</translation>
    </message>
    <message>
      <source>This &amp;fiscal year</source>
      <translation>今年度(&amp;Y)</translation>
    </message>
    <message>
      <source>Last fiscal &amp;year</source>
      <translation>前年度(&amp;P)</translation>
    </message>
    <message>
      <source>No folder</source>
      <translation>出力先がありません</translation>
    </message>
    <message>
      <source>Choose the folder to write the records into.</source>
      <translation>記録を書き出すフォルダーを選んでください。</translation>
    </message>
    <message>
      <source>{count} approval records and index.csv were written to {folder}.</source>
      <translation>決裁記録 {count} 件と index.csv を {folder} に書き出しました。</translation>
    </message>
  </context>
  <context>
    <name>ApprovalsScreen</name>
    <message>
      <source>Export records for fi&amp;ling…</source>
      <translation>保存用に一括出力(&amp;L)…</translation>
    </message>
    <message>
      <source>The approval records of a month or a fiscal year, as PDFs with an index</source>
      <translation>1か月分または1年度分の決裁記録を、索引付きの PDF で書き出します</translation>
    </message>
  </context>
  <context>
    <name>SettingsScreen</name>
    <message>
      <source>Document number prefix</source>
      <translation>文書番号の接頭辞</translation>
    </message>
    <message>
      <source>e.g. 見本広</source>
      <translation>例: 見本広</translation>
    </message>
    <message>
      <source>Printed before the number on every approval record (見本広第12号). Numbers restart each fiscal year; a number once given never changes.</source>
      <translation>決裁記録の番号の前に付けます（見本広第12号）。番号は年度ごとに1から始まり、一度付けた番号は変わりません。</translation>
    </message>
    <message>
      <source>Document n&amp;umber prefix (文書番号):</source>
      <translation>文書番号の接頭辞(&amp;U):</translation>
    </message>
  </context>
  <context>
    <name>AuditScreen</name>
    <message>
      <source>The selected entry in words</source>
      <translation>選択した記録の内容</translation>
    </message>
    <message>
      <source>&amp;Details</source>
      <translation>内容(&amp;D)</translation>
    </message>
    <message>
      <source>Recorded data (&amp;JSON)</source>
      <translation>記録データ（JSON）(&amp;J)</translation>
    </message>
    <message>
      <source>No. {seq} · {time} ({offset_time})</source>
      <translation>番号 {seq} · {time}（{offset_time}）</translation>
    </message>
    <message>
      <source>Event: {event}</source>
      <translation>出来事: {event}</translation>
    </message>
    <message>
      <source>By: {person} on the terminal {terminal}</source>
      <translation>実施者: {person}（端末 {terminal}）</translation>
    </message>
    <message>
      <source>Hash: {hash}</source>
      <translation>ハッシュ: {hash}</translation>
    </message>
  </context>
</TS>
