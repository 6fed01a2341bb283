<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>Mail server settings changed</source>
      <translation>メールサーバーの設定を変更</translation>
    </message>
    <message>
      <source>Mail password stored on a terminal</source>
      <translation>メールのパスワードを端末に保存</translation>
    </message>
    <message>
      <source>E-mail address or notification mode changed</source>
      <translation>メールアドレスまたは通知方法を変更</translation>
    </message>
    <message>
      <source>This mail was sent by KohoGate. It contains no links: open KohoGate on your terminal. Whether you are told at once or in a daily digest is set in KohoGate, 設定 → 職員.</source>
      <translation>このメールは KohoGate が送信しました。リンクは含みません。お使いの端末で KohoGate を開いてください。その都度通知するか、1日1回のまとめにするかは KohoGate の 設定 → 職員 で変更できます。</translation>
    </message>
    <message>
      <source>(untitled)</source>
      <translation>(件名なし)</translation>
    </message>
    <message>
      <source>Open KohoGate, 承認待ち, to approve or return it.</source>
      <translation>KohoGate を開き、承認待ちから承認または差戻しをしてください。</translation>
    </message>
    <message>
      <source>Open the draft in KohoGate, change it and submit it again.</source>
      <translation>KohoGate で下書きを開き、修正して再度申請してください。</translation>
    </message>
    <message>
      <source>It goes out at its scheduled time, or can now be posted from KohoGate.</source>
      <translation>予約時刻に送信されます。予約がない場合は KohoGate から投稿できます。</translation>
    </message>
    <message>
      <source>The supervisor rejected it; see the comment in KohoGate.</source>
      <translation>所属長が却下しました。KohoGate でコメントを確認してください。</translation>
    </message>
    <message>
      <source>It is not known whether the post went out. Look at the account on the platform and record what you found in KohoGate before anything is sent again.</source>
      <translation>投稿されたかどうか分かりません。再送信の前に、プラットフォーム上のアカウントを確認し、結果を KohoGate に記録してください。</translation>
    </message>
    <message>
      <source>Follow the incident's steps in KohoGate, インシデント.</source>
      <translation>KohoGate のインシデント画面で、対応手順に沿って対応してください。</translation>
    </message>
    <message>
      <source>Record the continuation review in KohoGate, アカウント (joso:7(1)).</source>
      <translation>KohoGate のアカウント画面で継続審査を記録してください (joso:7(1))。</translation>
    </message>
    <message>
      <source>Daily digest: {count} notifications</source>
      <translation>1日のまとめ: 通知 {count} 件</translation>
    </message>
    <message>
      <source>What happened in KohoGate since the last digest:</source>
      <translation>前回のまとめ以降に KohoGate であったこと:</translation>
    </message>
    <message>
      <source>Test mail</source>
      <translation>テストメール</translation>
    </message>
    <message>
      <source>Draft {id} 「{title}」</source>
      <translation>下書き {id}「{title}」</translation>
    </message>
    <message>
      <source>This is a test mail from KohoGate. If you can read it, notifications by e-mail are set up correctly.</source>
      <translation>KohoGate からのテストメールです。このメールが読めれば、メール通知は正しく設定されています。</translation>
    </message>
    <message>
      <source>account {handle}</source>
      <translation>アカウント {handle}</translation>
    </message>
    <message>
      <source>Waiting for your approval: {draft}</source>
      <translation>承認待ち: {draft}</translation>
    </message>
    <message>
      <source>Returned with comments: {draft}</source>
      <translation>差戻し: {draft}</translation>
    </message>
    <message>
      <source>Approved: {draft}</source>
      <translation>承認済み: {draft}</translation>
    </message>
    <message>
      <source>Rejected: {draft}</source>
      <translation>却下: {draft}</translation>
    </message>
    <message>
      <source>Sending failed: {draft}</source>
      <translation>送信失敗: {draft}</translation>
    </message>
    <message>
      <source>Needs checking (要確認): {draft}</source>
      <translation>要確認: {draft}</translation>
    </message>
    <message>
      <source>Incident {number} reported (accounts: {accounts})</source>
      <translation>インシデント {number} の報告 (アカウント: {accounts})</translation>
    </message>
    <message>
      <source>Continuation review overdue: account {handle}, due {due}</source>
      <translation>継続審査の期限超過: アカウント {handle}、期限 {due}</translation>
    </message>
    <message>
      <source>The platform did not take the post ({kind}). Check it in KohoGate, 送信状況.</source>
      <translation>プラットフォームが投稿を受け付けませんでした ({kind})。KohoGate の送信状況で確認してください。</translation>
    </message>
    <message>
      <source>When: {when}</source>
      <translation>日時: {when}</translation>
    </message>
    <message>
      <source>Comment: {comment}</source>
      <translation>コメント: {comment}</translation>
    </message>
    <message>
      <source>Each event at once</source>
      <translation>その都度</translation>
    </message>
    <message>
      <source>One digest a day</source>
      <translation>1日1回のまとめ</translation>
    </message>
    <message>
      <source>No e-mail</source>
      <translation>メールなし</translation>
    </message>
    <message>
      <source>the mail server could not be reached</source>
      <translation>メールサーバーに接続できません</translation>
    </message>
    <message>
      <source>the TLS connection failed (certificate or protocol)</source>
      <translation>TLS 接続に失敗しました (証明書またはプロトコル)</translation>
    </message>
    <message>
      <source>the mail server refused the user name or password</source>
      <translation>メールサーバーがユーザー名またはパスワードを拒否しました</translation>
    </message>
    <message>
      <source>the mail server refused the address</source>
      <translation>メールサーバーが宛先アドレスを拒否しました</translation>
    </message>
    <message>
      <source>the mail server refused the sender address</source>
      <translation>メールサーバーが送信元アドレスを拒否しました</translation>
    </message>
    <message>
      <source>the mail server answered with an error</source>
      <translation>メールサーバーがエラーを返しました</translation>
    </message>
    <message>
      <source>the mail password is not stored on this terminal</source>
      <translation>この端末にメールのパスワードが保存されていません</translation>
    </message>
    <message>
      <source>the mail server is not set up</source>
      <translation>メールサーバーが設定されていません</translation>
    </message>
    <message>
      <source>the person has no e-mail address</source>
      <translation>メールアドレスが登録されていません</translation>
    </message>
    <message>
      <source>STARTTLS (usually port 587)</source>
      <translation>STARTTLS (通常はポート 587)</translation>
    </message>
    <message>
      <source>TLS (usually port 465)</source>
      <translation>TLS (通常はポート 465)</translation>
    </message>
    <message>
      <source>The mail server's host name is not valid.</source>
      <translation>メールサーバーのホスト名が正しくありません。</translation>
    </message>
    <message>
      <source>The port must be between 1 and 65535.</source>
      <translation>ポートは 1〜65535 で指定してください。</translation>
    </message>
    <message>
      <source>The sender must be one e-mail address (name@example.lg.jp).</source>
      <translation>送信元はメールアドレス1つで指定してください (name@example.lg.jp)。</translation>
    </message>
    <message>
      <source>The user name must be on one line.</source>
      <translation>ユーザー名は1行で入力してください。</translation>
    </message>
    <message>
      <source>The digest hour must be between 0 and 23.</source>
      <translation>まとめの送信時刻は 0〜23 時で指定してください。</translation>
    </message>
    <message>
      <source>The mail password is not stored on this terminal.</source>
      <translation>この端末にメールのパスワードが保存されていません。</translation>
    </message>
    <message>
      <source>No mail server is set up.</source>
      <translation>メールサーバーが設定されていません。</translation>
    </message>
    <message>
      <source>An administrator stores it in 設定 → メール on the terminal that sends mail.</source>
      <translation>メールを送信する端末で、管理者が 設定 → メール から保存してください。</translation>
    </message>
    <message>
      <source>An administrator sets it up in 設定 → メール.</source>
      <translation>管理者が 設定 → メール で設定してください。</translation>
    </message>
    <message>
      <source>{address} is not one e-mail address.</source>
      <translation>{address} は1つのメールアドレスではありません。</translation>
    </message>
    <message>
      <source>Save the mail server with a user name first.</source>
      <translation>先にユーザー名を含めてメールサーバーの設定を保存してください。</translation>
    </message>
    <message>
      <source>notifications by e-mail: test the set-up, send what is pending</source>
      <translation>メール通知: 設定の確認、未送信の通知の送信</translation>
    </message>
    <message>
      <source>send a test mail with the organization's mail settings (exit 0 sent, 1 refused by the server, 2 settings missing)</source>
      <translation>組織のメール設定でテストメールを送信 (終了コード 0 送信済み、1 サーバーが拒否、2 設定なし)</translation>
    </message>
    <message>
      <source>the address to send the test mail to</source>
      <translation>テストメールの宛先</translation>
    </message>
    <message>
      <source>send the pending notifications that are due (for Task Scheduler / cron; exit 1 when some could not be sent, 2 settings missing)</source>
      <translation>送信時期になった未送信の通知を送信 (タスク スケジューラー / cron 用。送信できないものがあれば 1、設定なしは 2)</translation>
    </message>
    <message>
      <source>No mail could be sent: the mail server or this terminal's mail password is not set up.</source>
      <translation>メールを送信できません: メールサーバー、またはこの端末のメールのパスワードが設定されていません。</translation>
    </message>
    <message>
      <source>Notifications sent: {sent}, not sent (retried later): {failed}.</source>
      <translation>送信した通知: {sent} 件、未送信 (後で再試行): {failed} 件。</translation>
    </message>
    <message>
      <source>Test mail sent to {address}.</source>
      <translation>{address} にテストメールを送信しました。</translation>
    </message>
    <message>
      <source>Not sent: {reason}.</source>
      <translation>未送信: {reason}。</translation>
    </message>
    <message>
      <source>The test mail was not sent: {reason}.</source>
      <translation>テストメールを送信できませんでした: {reason}。</translation>
    </message>
    <message>
      <source>Mail waiting to be sent</source>
      <translation>送信待ちのメール</translation>
    </message>
    <message>
      <source>Mail being sent</source>
      <translation>送信中のメール</translation>
    </message>
    <message>
      <source>Mail sent</source>
      <translation>送信済みのメール</translation>
    </message>
    <message>
      <source>Mail refused by the server</source>
      <translation>サーバーに拒否されたメール</translation>
    </message>
  </context>
  <context>
    <name>Notify</name>
    <message>
      <source>Notification mails could not be sent: {kind}</source>
      <translation>通知メールを送信できませんでした: {kind}</translation>
    </message>
    <message>
      <source>Notification mails sent: {count}</source>
      <translation>通知メールを送信しました: {count} 件</translation>
    </message>
    <message>
      <source>Notification mails not sent (retried later): {reason}</source>
      <translation>通知メールを送信できませんでした (後で再試行します): {reason}</translation>
    </message>
  </context>
  <context>
    <name>MailTab</name>
    <message>
      <source>Mail goes out in Japanese, without links (LGWAN gateways often remove them) and never with a post's images. Supervisors are told when a submission waits, operators when their draft is returned, approved or failed, administrators of overdue reviews, 要確認 and incidents. The password stays in this terminal's OS keyring: store it on each terminal that sends mail.</source>
      <translation>メールは日本語で、リンクなし (LGWAN のゲートウェイはリンクを削除することがあります)、投稿の画像も付けずに送ります。承認待ちは所属長に、差戻し・承認・送信失敗は担当者に、継続審査の期限超過・要確認・インシデントは管理者に知らせます。パスワードはこの端末の OS のキーリングにのみ保存されます。メールを送信する端末ごとに保存してください。</translation>
    </message>
    <message>
      <source>empty: only the CAs this computer trusts</source>
      <translation>空欄: このコンピューターが信頼する認証局のみ</translation>
    </message>
    <message>
      <source>Bro&amp;wse…</source>
      <translation>参照(&amp;W)…</translation>
    </message>
    <message>
      <source>:00</source>
      <translation>時</translation>
    </message>
    <message>
      <source>Save mail &amp;server</source>
      <translation>メールサーバーを保存(&amp;S)</translation>
    </message>
    <message>
      <source>Mail password</source>
      <translation>メールのパスワード</translation>
    </message>
    <message>
      <source>Store &amp;password on this terminal</source>
      <translation>この端末にパスワードを保存(&amp;P)</translation>
    </message>
    <message>
      <source>Send &amp;test mail</source>
      <translation>テストメールを送信(&amp;T)</translation>
    </message>
    <message>
      <source>Outbox:</source>
      <translation>送信待ち:</translation>
    </message>
    <message>
      <source>The city's mail server</source>
      <translation>庁内のメールサーバー</translation>
    </message>
    <message>
      <source>Notifications for each person</source>
      <translation>職員ごとの通知</translation>
    </message>
    <message>
      <source>Save notif&amp;ications</source>
      <translation>通知設定を保存(&amp;I)</translation>
    </message>
    <message>
      <source>Who is told how</source>
      <translation>誰にどう知らせるか</translation>
    </message>
    <message>
      <source>The city's CA certificate</source>
      <translation>庁内の認証局の証明書</translation>
    </message>
    <message>
      <source>Certificates (*.pem *.crt *.cer)</source>
      <translation>証明書 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
      <source>&amp;Mail server:</source>
      <translation>メールサーバー(&amp;M):</translation>
    </message>
    <message>
      <source>P&amp;ort:</source>
      <translation>ポート(&amp;O):</translation>
    </message>
    <message>
      <source>Securit&amp;y:</source>
      <translation>暗号化(&amp;Y):</translation>
    </message>
    <message>
      <source>Send&amp;er:</source>
      <translation>送信元(&amp;E):</translation>
    </message>
    <message>
      <source>&amp;User name:</source>
      <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
      <source>&amp;City CA file:</source>
      <translation>庁内認証局のファイル(&amp;C):</translation>
    </message>
    <message>
      <source>Di&amp;gest at:</source>
      <translation>まとめの送信時刻(&amp;G):</translation>
    </message>
    <message>
      <source>Passwor&amp;d:</source>
      <translation>パスワード(&amp;D):</translation>
    </message>
    <message>
      <source>Test add&amp;ress:</source>
      <translation>テストの宛先(&amp;R):</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>氏名</translation>
    </message>
    <message>
      <source>E-mail address</source>
      <translation>メールアドレス</translation>
    </message>
    <message>
      <source>How to tell</source>
      <translation>通知方法</translation>
    </message>
    <message>
      <source>{pending} waiting, {sent} sent, {failed} refused</source>
      <translation>送信待ち {pending} 件、送信済み {sent} 件、拒否 {failed} 件</translation>
    </message>
    <message>
      <source>Mail server saved.</source>
      <translation>メールサーバーを保存しました。</translation>
    </message>
    <message>
      <source>Sending a test mail to {address}…</source>
      <translation>{address} にテストメールを送信しています…</translation>
    </message>
    <message>
      <source>last problem: {reason}</source>
      <translation>直近の問題: {reason}</translation>
    </message>
    <message>
      <source>Not sent: {reason}.</source>
      <translation>未送信: {reason}。</translation>
    </message>
    <message>
      <source>How to tell {name}</source>
      <translation>{name} への通知方法</translation>
    </message>
    <message>
      <source>Password stored in this terminal's keyring.</source>
      <translation>この端末のキーリングにパスワードを保存しました。</translation>
    </message>
    <message>
      <source>Test mail sent to {address}.</source>
      <translation>{address} にテストメールを送信しました。</translation>
    </message>
    <message>
      <source>Notifications saved for {count} people.</source>
      <translation>{count} 人の通知設定を保存しました。</translation>
    </message>
  </context>
  <context>
    <name>SettingsScreen</name>
    <message>
      <source>Mail</source>
      <translation>メール</translation>
    </message>
  </context>
</TS>
