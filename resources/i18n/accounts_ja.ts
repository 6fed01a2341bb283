<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>AccountEditor</name>
    <message>
      <source>Platform</source>
      <translation>プラットフォーム</translation>
    </message>
    <message>
      <source>Account ID</source>
      <translation>アカウントID</translation>
    </message>
    <message>
      <source>Account name</source>
      <translation>アカウント名</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(なし)</translation>
    </message>
    <message>
      <source>&amp;Verified account (認証済み)</source>
      <translation>認証済みアカウント(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Platform:</source>
      <translation>プラットフォーム(&amp;P):</translation>
    </message>
    <message>
      <source>Account &amp;ID:</source>
      <translation>アカウントID(&amp;I):</translation>
    </message>
    <message>
      <source>Account &amp;name:</source>
      <translation>アカウント名(&amp;N):</translation>
    </message>
    <message>
      <source>&amp;URL:</source>
      <translation>URL(&amp;U):</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Operating policy (joso:3(3) ア–セ)</source>
      <translation>運用方針 (joso:3(3) ア–セ)</translation>
    </message>
    <message>
      <source>Staff (named staff records; titles only are published)</source>
      <translation>運用体制 (職員を指名。公開されるのは職名のみ)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Missing before filing (届出)&lt;/b&gt;</source>
      <translation>&lt;b&gt;届出までに不足している事項&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Official account</source>
      <translation>公式アカウント</translation>
    </message>
    <message>
      <source>Add official account</source>
      <translation>公式アカウントを追加</translation>
    </message>
    <message>
      <source>Title for the public page, e.g. 秘書広報課長</source>
      <translation>公開ページに載せる職名 (例: 秘書広報課長)</translation>
    </message>
    <message>
      <source>Nothing: the policy is complete and can be filed.</source>
      <translation>不足なし: 運用方針はそろっており、届出できます。</translation>
    </message>
    <message>
      <source>(from the account fields above)</source>
      <translation>(上のアカウント欄から)</translation>
    </message>
    <message>
      <source>{duty}: title</source>
      <translation>{duty}: 職名</translation>
    </message>
    <message>
      <source>Kind of account</source>
      <translation>アカウントの種類</translation>
    </message>
    <message>
      <source>Running section</source>
      <translation>運用主体の所属</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>種類(&amp;K):</translation>
    </message>
    <message>
      <source>&amp;Running section:</source>
      <translation>運用主体の所属(&amp;R):</translation>
    </message>
  </context>
  <context>
    <name>AccountsScreen</name>
    <message>
      <source>Filed</source>
      <translation>届出済</translation>
    </message>
    <message>
      <source>Complete, not filed</source>
      <translation>完成・未届出</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>開く(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Credential on this terminal…</source>
      <translation>この端末の資格情報(&amp;C)…</translation>
    </message>
    <message>
      <source>{count} missing</source>
      <translation>{count}件不足</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>編集(&amp;E)…</translation>
    </message>
    <message>
      <source>Policy</source>
      <translation>運用方針</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>認証済み</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>パスワード</translation>
    </message>
    <message>
      <source>Change required</source>
      <translation>要パスワード変更</translation>
    </message>
    <message>
      <source>⚠ {handle}: password change required — {reason}</source>
      <translation>⚠ {handle}: パスワード変更が必要です — {reason}</translation>
    </message>
    <message>
      <source>⚠ {handle}: periodic password change due {date}</source>
      <translation>⚠ {handle}: 定期パスワード変更の期限 {date}</translation>
    </message>
    <message>
      <source>Consu&amp;lt…</source>
      <translation>協議(&amp;L)…</translation>
    </message>
    <message>
      <source>Consultation before opening (wako 運用開始の留意点, joso:3(2))</source>
      <translation>運用開始前の協議(wako 運用開始の留意点、joso:3(2))</translation>
    </message>
    <message>
      <source>Continuation &amp;review…</source>
      <translation>継続判断(&amp;R)…</translation>
    </message>
    <message>
      <source>Continuation review (joso:7(1))</source>
      <translation>継続判断(joso:7(1))</translation>
    </message>
    <message>
      <source>&amp;Withdraw…</source>
      <translation>撤退(&amp;W)…</translation>
    </message>
    <message>
      <source>Withdrawal with notice, immediate stop, deletion (joso:7(2))</source>
      <translation>周知を経た撤退、直ちに停止、削除の記録(joso:7(2))</translation>
    </message>
    <message>
      <source>⚠ {handle}: periodic password change was due {date} — posting is stopped until it is changed</source>
      <translation>⚠ {handle}: 定期的なパスワード変更の期限({date})を過ぎています — 変更するまで投稿できません</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>種類</translation>
    </message>
    <message>
      <source>Running section</source>
      <translation>運用主体の所属</translation>
    </message>
    <message>
      <source>Review due</source>
      <translation>継続判断期限</translation>
    </message>
    <message>
      <source>End of operation</source>
      <translation>運用終了日</translation>
    </message>
    <message>
      <source>⚠ {handle}: the continuation review was due {date} (joso:7(1))</source>
      <translation>⚠ {handle}: 継続判断の期限({date})を過ぎています(joso:7(1))</translation>
    </message>
    <message>
      <source>⚑ {handle}: withdrawal announced, operation ends {date} (only the notice post goes out)</source>
      <translation>⚑ {handle}: 撤退を予告中、{date}に運用停止(停止のお知らせのみ投稿可)</translation>
    </message>
    <message>
      <source>Stop now</source>
      <translation>直ちに停止</translation>
    </message>
    <message>
      <source>The continuation review is overdue (joso:7(1)).</source>
      <translation>継続判断の期限を過ぎています(joso:7(1))。</translation>
    </message>
    <message>
      <source>Stop {handle} now?</source>
      <translation>{handle} を直ちに停止しますか?</translation>
    </message>
    <message>
      <source>Nothing more is posted to {handle}; the public page states the reason at once.</source>
      <translation>{handle} への投稿はすべて止まり、公開ページに理由がすぐに掲載されます。</translation>
    </message>
  </context>
  <context>
    <name>ApproveTerminalDialog</name>
    <message>
      <source>&amp;All accounts</source>
      <translation>すべてのアカウント(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Only these accounts:</source>
      <translation>次のアカウントのみ(&amp;O):</translation>
    </message>
    <message>
      <source>Accounts this terminal may post to</source>
      <translation>この端末から発信できるアカウント</translation>
    </message>
    <message>
      <source>&amp;Expires:</source>
      <translation>有効期限(&amp;E):</translation>
    </message>
    <message>
      <source>Expiry</source>
      <translation>有効期限</translation>
    </message>
    <message>
      <source>Kind of terminal</source>
      <translation>端末の種別</translation>
    </message>
    <message>
      <source>Reason for the exception</source>
      <translation>例外とする理由</translation>
    </message>
    <message>
      <source>Information allowed on this terminal</source>
      <translation>この端末で扱える情報の範囲</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>種別(&amp;K):</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>理由(&amp;R):</translation>
    </message>
    <message>
      <source>&amp;Information allowed:</source>
      <translation>情報の範囲(&amp;I):</translation>
    </message>
    <message>
      <source>Approve terminal {host}</source>
      <translation>端末 {host} を承認</translation>
    </message>
    <message>
      <source>Personal devices and off-site terminals are an exception: approve them in advance for named accounts, with the reason, an expiry and the categories of information they may post (wako:5, joso:6(2)). Each account's person responsible then agrees on the Terminals screen.</source>
      <translation>個人情報機器や庁外の端末は例外です。アカウントを指定し、理由・有効期限・発信してよい情報の区分を定めて事前に許可してください(wako:5、joso:6(2))。その後、各アカウントの運用責任者が「端末」画面で了解します。</translation>
    </message>
    <message>
      <source>Cate&amp;gories:</source>
      <translation>情報の区分(&amp;G):</translation>
    </message>
    <message>
      <source>Categories of information this device may post</source>
      <translation>この端末が発信してよい情報の区分</translation>
    </message>
  </context>
  <context>
    <name>CredentialDialog</name>
    <message>
      <source>Password strength</source>
      <translation>パスワードの強度</translation>
    </message>
    <message>
      <source>The token or app password is stored only in this terminal's OS keyring. The database records that this terminal holds one, when and by whom.</source>
      <translation>トークンまたはアプリパスワードは、この端末のOSキーリングにだけ保存されます。データベースには、この端末が保持していること、日時、登録者だけが記録されます。</translation>
    </message>
    <message>
      <source>Token or app password</source>
      <translation>トークンまたはアプリパスワード</translation>
    </message>
    <message>
      <source>New platform password</source>
      <translation>新しいプラットフォームのパスワード</translation>
    </message>
    <message>
      <source>&amp;Token / app password:</source>
      <translation>トークン/アプリパスワード(&amp;T):</translation>
    </message>
    <message>
      <source>Platform password changed (joso:6(1))</source>
      <translation>パスワードを変更した場合 (joso:6(1))</translation>
    </message>
    <message>
      <source>New &amp;password (not stored):</source>
      <translation>新しいパスワード(&amp;P) (保存されません):</translation>
    </message>
    <message>
      <source>Not recorded: leave empty if the platform password did not change.</source>
      <translation>パスワードを変更したときだけ入力してください (パスワード自体は保存しません)。</translation>
    </message>
    <message>
      <source>(at least “Strong” is required)</source>
      <translation>(「強い」以上が必要です)</translation>
    </message>
    <message>
      <source>Keyring locked</source>
      <translation>キーリングがロックされています</translation>
    </message>
    <message>
      <source>Credential for {handle}</source>
      <translation>{handle} の資格情報</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>再試行(&amp;R)</translation>
    </message>
  </context>
  <context>
    <name>TerminalsScreen</name>
    <message>
      <source>Posting is possible only from approved terminals: each request is signed with a key kept in the terminal's OS keyring. Host name and machine ID are labels, not proof. This binds posting and its record to the terminal; it cannot stop malware running as the same user from reading a token out of the keyring.</source>
      <translation>発信は承認済みの端末からのみ可能です。各リクエストは端末のOSキーリングにある鍵で署名されます。ホスト名とマシンIDは目印であり、証明ではありません。これにより発信とその記録が端末に結び付けられますが、同じユーザーとして動くマルウェアがキーリングからトークンを読み出すことは防げません。</translation>
    </message>
    <message>
      <source>&amp;Approve…</source>
      <translation>承認(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Revoke…</source>
      <translation>取消(&amp;R)…</translation>
    </message>
    <message>
      <source>Reset &amp;key</source>
      <translation>鍵をリセット(&amp;K)</translation>
    </message>
    <message>
      <source>All accounts</source>
      <translation>すべてのアカウント</translation>
    </message>
    <message>
      <source>Revoke terminal</source>
      <translation>端末の承認を取り消す</translation>
    </message>
    <message>
      <source>Why is this terminal's approval revoked?</source>
      <translation>この端末の承認を取り消す理由は何ですか。</translation>
    </message>
    <message>
      <source>Reset terminal key</source>
      <translation>端末鍵のリセット</translation>
    </message>
    <message>
      <source>Reason: {reason}
Information allowed: {scope}</source>
      <translation>理由: {reason}
情報の範囲: {scope}</translation>
    </message>
    <message>
      <source>Discard the key of {host} and withdraw its approval? It cannot post until an administrator approves it again.</source>
      <translation>{host} の鍵を破棄し、承認を取り消しますか? 管理者が再び承認するまで、この端末からは投稿できません。</translation>
    </message>
    <message>
      <source>This is the computer you are using now.</source>
      <translation>これは今使っているパソコンです。</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>種別</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>有効期限</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>鍵</translation>
    </message>
    <message>
      <source>Credentials held</source>
      <translation>保持している資格情報</translation>
    </message>
    <message>
      <source>Approved by</source>
      <translation>承認者</translation>
    </message>
    <message>
      <source>Not yet</source>
      <translation>未作成</translation>
    </message>
    <message>
      <source>The key of {host} was reset; the terminal awaits approval.</source>
      <translation>{host} の鍵をリセットしました。端末は承認待ちになりました。</translation>
    </message>
    <message>
      <source>&amp;Reset key</source>
      <translation>鍵をリセット(&amp;R)</translation>
    </message>
    <message>
      <source>A&amp;gree as person responsible…</source>
      <translation>運用責任者として了解(&amp;G)…</translation>
    </message>
    <message>
      <source>The account's 所属長 / 運用責任者 agrees to this exception device posting to it (joso:6(2)).</source>
      <translation>アカウントの所属長・運用責任者が、この例外端末からの発信を了解します(joso:6(2))。</translation>
    </message>
    <message>
      <source>Any</source>
      <translation>制限なし</translation>
    </message>
    <message>
      <source>waiting: {handles}</source>
      <translation>未了解: {handles}</translation>
    </message>
    <message>
      <source>Agree that {host} (an exception device) posts to {handles} until {date}, only: {categories}?</source>
      <translation>例外端末 {host} から {handles} へ、{date}まで「{categories}」に限り発信することを了解しますか?</translation>
    </message>
    <message>
      <source>Exception device</source>
      <translation>例外端末</translation>
    </message>
    <message>
      <source>Categories</source>
      <translation>情報の区分</translation>
    </message>
    <message>
      <source>Agreed by the person responsible</source>
      <translation>運用責任者の了解</translation>
    </message>
    <message>
      <source>&amp;Agree</source>
      <translation>了解する(&amp;A)</translation>
    </message>
    <message>
      <source>You are not named as the person responsible for: {handles}</source>
      <translation>次のアカウントの運用責任者として登録されていません: {handles}</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <source>Operations manager</source>
      <translation>運用管理者</translation>
    </message>
    <message>
      <source>Person responsible</source>
      <translation>運用責任者</translation>
    </message>
    <message>
      <source>Head of {department}</source>
      <translation>{department}長</translation>
    </message>
    <message>
      <source>{department} staff</source>
      <translation>{department}職員</translation>
    </message>
    <message>
      <source>Purpose of posting</source>
      <translation>情報発信の目的</translation>
    </message>
    <message>
      <source>Social-media service used</source>
      <translation>利用するソーシャルメディアの種類</translation>
    </message>
    <message>
      <source>Account name and ID</source>
      <translation>公式アカウント名及びID</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <source>Audience</source>
      <translation>情報発信の対象者</translation>
    </message>
    <message>
      <source>Content</source>
      <translation>情報発信の内容</translation>
    </message>
    <message>
      <source>Operating structure and decision flow</source>
      <translation>運用体制・決裁フロー</translation>
    </message>
    <message>
      <source>Frequency and timing of posts</source>
      <translation>発信の頻度・タイミング</translation>
    </message>
    <message>
      <source>Response to users' posts</source>
      <translation>利用者からの投稿等への対応方針</translation>
    </message>
    <message>
      <source>Statement of compliance with the guideline</source>
      <translation>ガイドライン遵守の記載</translation>
    </message>
    <message>
      <source>Copyright</source>
      <translation>著作権の取扱い</translation>
    </message>
    <message>
      <source>Disclaimer</source>
      <translation>免責事項</translation>
    </message>
    <message>
      <source>Service-specific matters</source>
      <translation>ソーシャルメディア特有の事項への対応</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>連絡先</translation>
    </message>
    <message>
      <source>Why this account posts: the goal it serves.</source>
      <translation>このアカウントで発信する目的。</translation>
    </message>
    <message>
      <source>Who the posts are for (residents, visitors, parents …).</source>
      <translation>発信の対象者 (市民、来訪者、子育て世帯など)。</translation>
    </message>
    <message>
      <source>What kind of information is posted.</source>
      <translation>発信する情報の種類。</translation>
    </message>
    <message>
      <source>Operating body, who approves, and the decision flow (決裁フロー).</source>
      <translation>運用主体、承認者、決裁フロー。</translation>
    </message>
    <message>
      <source>How often and when posts go out.</source>
      <translation>発信の頻度とタイミング。</translation>
    </message>
    <message>
      <source>Whether replies and comments are answered, and how.</source>
      <translation>返信やコメントに対応するか、その方法。</translation>
    </message>
    <message>
      <source>A sentence stating that the social-media guideline is followed.</source>
      <translation>ソーシャルメディアガイドラインを遵守する旨の記載。</translation>
    </message>
    <message>
      <source>How copyright in posted material is handled.</source>
      <translation>掲載する素材の著作権の取扱い。</translation>
    </message>
    <message>
      <source>Disclaimer for the information posted and for users' posts.</source>
      <translation>発信情報と利用者の投稿に関する免責事項。</translation>
    </message>
    <message>
      <source>How features particular to this service are handled (DMs, live, stories …).</source>
      <translation>このサービス特有の機能 (DM、ライブ配信、ストーリーズなど) への対応。</translation>
    </message>
    <message>
      <source>Where the public can reach the operating department.</source>
      <translation>運用部署への問い合わせ先。</translation>
    </message>
    <message>
      <source>The account ID {handle} does not follow the naming rule {pattern}.</source>
      <translation>アカウントID {handle} が命名規則 {pattern} に従っていません。</translation>
    </message>
    <message>
      <source>The organization's account ID pattern {pattern} is not a valid regular expression.</source>
      <translation>組織のアカウントIDパターン {pattern} は正しい正規表現ではありません。</translation>
    </message>
    <message>
      <source>no service chosen</source>
      <translation>サービスが選ばれていません</translation>
    </message>
    <message>
      <source>account name or ID missing</source>
      <translation>アカウント名またはIDがありません</translation>
    </message>
    <message>
      <source>the account's URL is missing</source>
      <translation>アカウントのURLがありません</translation>
    </message>
    <message>
      <source>not written yet</source>
      <translation>未記入</translation>
    </message>
    <message>
      <source>nobody is named as {duty}</source>
      <translation>{duty}が指名されていません</translation>
    </message>
    <message>
      <source>{name} was deactivated (異動).</source>
      <translation>{name} が無効化されました (異動)。</translation>
    </message>
    <message>
      <source>Staff changed.</source>
      <translation>運用体制が変わりました。</translation>
    </message>
    <message>
      <source>Periodic change every {days} days.</source>
      <translation>{days}日ごとの定期変更。</translation>
    </message>
    <message>
      <source>The operating policy has not been filed (届出) by an administrator (joso:3(3)).</source>
      <translation>運用方針が管理者によって届出されていません (joso:3(3))。</translation>
    </message>
    <message>
      <source>The account is deleted.</source>
      <translation>アカウントは削除済です。</translation>
    </message>
    <message>
      <source>The account {handle} cannot be used for drafts yet:</source>
      <translation>アカウント {handle} はまだ下書きに使えません:</translation>
    </message>
    <message>
      <source>write the public page of official accounts and their profile texts</source>
      <translation>公式アカウント一覧の公開ページとプロフィール文を書き出す</translation>
    </message>
    <message>
      <source>folder to write the files into</source>
      <translation>書き出し先のフォルダー</translation>
    </message>
    <message>
      <source>address of the page on the website</source>
      <translation>ホームページ上のページのアドレス</translation>
    </message>
    <message>
      <source>Wrote {page} and {count} profile texts.</source>
      <translation>{page} と {count} 件のプロフィール文を書き出しました。</translation>
    </message>
    <message>
      <source>Very weak</source>
      <translation>非常に弱い</translation>
    </message>
    <message>
      <source>Weak</source>
      <translation>弱い</translation>
    </message>
    <message>
      <source>Fair</source>
      <translation>やや弱い</translation>
    </message>
    <message>
      <source>Strong</source>
      <translation>強い</translation>
    </message>
    <message>
      <source>Very strong</source>
      <translation>非常に強い</translation>
    </message>
    <message>
      <source>the 'null' keyring backend discards everything written to it</source>
      <translation>'null' キーリングは書き込まれた内容をすべて捨てます</translation>
    </message>
    <message>
      <source>This computer cannot store credentials safely: its OS credential store is not available. Ask the IT section (情報システム担当).</source>
      <translation>このパソコンでは資格情報を安全に保存できません (OS の資格情報ストアを利用できません)。情報システム担当に連絡してください。</translation>
    </message>
    <message>
      <source>no OS keyring was found (the 'fail' backend is selected)</source>
      <translation>OSキーリングが見つかりません ('fail' バックエンドが選ばれています)</translation>
    </message>
    <message>
      <source>No OS keyring is available on this computer, so credentials cannot be stored here.</source>
      <translation>このコンピューターにはOSキーリングがないため、資格情報を保存できません。</translation>
    </message>
    <message>
      <source>keyrings.alt backends keep secrets in a file, not in the OS keyring</source>
      <translation>keyrings.alt のバックエンドは秘密をOSキーリングではなくファイルに保存します</translation>
    </message>
    <message>
      <source>it is not one of the OS keyrings KohoGate accepts</source>
      <translation>KohoGate が受け付けるOSキーリングではありません</translation>
    </message>
    <message>
      <source>The OS keyring did not accept the request ({kind}). Try again or ask the administrator.</source>
      <translation>OSキーリングが要求を受け付けませんでした ({kind})。もう一度試すか、管理者に相談してください。</translation>
    </message>
    <message>
      <source>KohoGate never falls back to a plain-text file. Use a terminal with an OS keyring.</source>
      <translation>KohoGate は平文ファイルに切り替えることはありません。OSキーリングのある端末を使ってください。</translation>
    </message>
    <message>
      <source>For the IT section: the keyring backend {name} is refused ({reason}). KohoGate uses only Windows Credential Manager, the macOS Keychain, the Secret Service or KWallet, and never a plain-text file; check PYTHON_KEYRING_BACKEND.</source>
      <translation>情報システム担当の方へ: キーリングのバックエンド {name} は使用できません ({reason})。広報ゲートは Windows 資格情報マネージャー、macOS キーチェーン、Secret Service、KWallet だけを使い、平文ファイルには保存しません。PYTHON_KEYRING_BACKEND を確認してください。</translation>
    </message>
    <message>
      <source>This credential is too long for the Windows Credential Manager: {size} bytes, the limit is {limit} bytes (about {chars} characters).</source>
      <translation>この資格情報は Windows 資格情報マネージャーには長すぎます: {size} バイト (上限 {limit} バイト、約 {chars} 文字)。</translation>
    </message>
    <message>
      <source>Credential</source>
      <translation>資格情報</translation>
    </message>
    <message>
      <source>Official social-media accounts</source>
      <translation>公式ソーシャルメディアアカウント一覧</translation>
    </message>
    <message>
      <source>Operating policy</source>
      <translation>運用方針</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>These are the official accounts of {org}. Accounts not listed here are not ours.</source>
      <translation>{org}の公式アカウントは次のとおりです。ここに掲載されていないアカウントは当組織のものではありません。</translation>
    </message>
    <message>
      <source>This terminal's keyring holds no credential for {handle}.</source>
      <translation>この端末のキーリングに {handle} の資格情報がありません。</translation>
    </message>
    <message>
      <source>The URL must start with https://.</source>
      <translation>URLは https:// で始めてください。</translation>
    </message>
    <message>
      <source>Only administrators and the account's manager or person responsible may store its credential.</source>
      <translation>資格情報を保存できるのは、管理者とそのアカウントの運用管理者・運用責任者だけです。</translation>
    </message>
    <message>
      <source>{field} is too long (at most {max} characters).</source>
      <translation>{field}が長すぎます (最大 {max} 文字)。</translation>
    </message>
    <message>
      <source>This terminal is not registered; posting is refused.</source>
      <translation>この端末は登録されていないため、発信できません。</translation>
    </message>
    <message>
      <source>The new password is too easy to guess ({label}). Use a longer mix of words, digits and symbols.</source>
      <translation>新しいパスワードは推測されやすすぎます ({label})。単語・数字・記号を組み合わせて長くしてください。</translation>
    </message>
    <message>
      <source>Removed from the account's staff: {names}.</source>
      <translation>運用体制から外れた職員: {names}。</translation>
    </message>
    <message>
      <source>The operating policy cannot be filed while items are missing:</source>
      <translation>不足事項があるため、運用方針を届出できません:</translation>
    </message>
    <message>
      <source>{name} is inactive and cannot be named on an account.</source>
      <translation>{name} は無効のため、アカウントに指名できません。</translation>
    </message>
    <message>
      <source>The account cannot go into operation yet:</source>
      <translation>アカウントはまだ運用中にできません:</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>期限切れ</translation>
    </message>
    <message>
      <source>Choose all accounts or at least one account for this terminal.</source>
      <translation>この端末について、すべてのアカウントか、少なくとも1つのアカウントを選んでください。</translation>
    </message>
    <message>
      <source>The expiry needs a time zone.</source>
      <translation>有効期限にはタイムゾーンが必要です。</translation>
    </message>
    <message>
      <source>The expiry must be in the future.</source>
      <translation>有効期限は未来の日時にしてください。</translation>
    </message>
    <message>
      <source>City-managed terminal</source>
      <translation>市が管理する端末</translation>
    </message>
    <message>
      <source>Exception (personal device / off-site)</source>
      <translation>例外 (個人情報機器・庁外)</translation>
    </message>
    <message>
      <source>This terminal is still awaiting approval by an administrator.</source>
      <translation>この端末はまだ管理者の承認待ちです。</translation>
    </message>
    <message>
      <source>The approval of this terminal was revoked.</source>
      <translation>この端末の承認は取り消されました。</translation>
    </message>
    <message>
      <source>The approval of this terminal expired on {date}.</source>
      <translation>この端末の承認は {date} に期限切れになりました。</translation>
    </message>
    <message>
      <source>The account does not exist.</source>
      <translation>アカウントが存在しません。</translation>
    </message>
    <message>
      <source>The account {handle} is not in operation (status: {status}).</source>
      <translation>アカウント {handle} は運用中ではありません (状態: {status})。</translation>
    </message>
    <message>
      <source>This terminal is not approved for the account {handle}.</source>
      <translation>この端末はアカウント {handle} への発信を承認されていません。</translation>
    </message>
    <message>
      <source>The password of {handle} must be changed first (staff changed): record the password change, then store the new credential.</source>
      <translation>{handle} のパスワードを先に変更する必要があります (運用体制の変更)。パスワード変更を記録し、新しい資格情報を保存してください。</translation>
    </message>
    <message>
      <source>The credential for {handle} on this terminal was stored before the latest password change.</source>
      <translation>この端末の {handle} の資格情報は、最新のパスワード変更より前に保存されたものです。</translation>
    </message>
    <message>
      <source>This terminal's signing key is missing or does not match: {state}.</source>
      <translation>この端末の署名鍵がないか一致しません: {state}。</translation>
    </message>
    <message>
      <source>The posting request's signature does not verify with this terminal's key.</source>
      <translation>発信リクエストの署名がこの端末の鍵で検証できません。</translation>
    </message>
    <message>
      <source>Terminal key ready</source>
      <translation>端末の鍵は準備済みです</translation>
    </message>
    <message>
      <source>Terminal key created and registered</source>
      <translation>端末の鍵を作成して登録しました</translation>
    </message>
    <message>
      <source>The terminal key is missing from this computer's keyring</source>
      <translation>このコンピューターのキーリングに端末の鍵がありません</translation>
    </message>
    <message>
      <source>The key in this keyring is not the one registered for this terminal</source>
      <translation>このキーリングの鍵は、この端末に登録された鍵ではありません</translation>
    </message>
    <message>
      <source>This terminal is not registered</source>
      <translation>この端末は登録されていません</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>了承</translation>
    </message>
    <message>
      <source>Agreed with conditions</source>
      <translation>条件付き了承</translation>
    </message>
    <message>
      <source>Not agreed</source>
      <translation>了承せず</translation>
    </message>
    <message>
      <source>No consultation with {section} is recorded ({clauses}).</source>
      <translation>{section}との協議が記録されていません({clauses})。</translation>
    </message>
    <message>
      <source>{section} did not agree on {date}; consult again ({clauses}).</source>
      <translation>{section}は{date}に了承していません。再度協議してください({clauses})。</translation>
    </message>
    <message>
      <source>Say why the account is withdrawn: tick what applies (ア–エ) or write a note.</source>
      <translation>撤退の理由を示してください: 該当する項目(ア〜エ)を選ぶか、備考を書いてください。</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>継続</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>撤退</translation>
    </message>
    <message>
      <source>Deleted by hand on the platform</source>
      <translation>サービス上で手作業により削除</translation>
    </message>
    <message>
      <source>Checked: the account's URL is gone</source>
      <translation>確認済み: アカウントのURLが表示されない</translation>
    </message>
    <message>
      <source>Deleted through the platform's API</source>
      <translation>サービスのAPIで削除</translation>
    </message>
    <message>
      <source>{letters} of joso:7(1) applies: the guideline asks for a prompt withdrawal, so the account cannot simply continue.</source>
      <translation>joso:7(1)の{letters}に該当します。ガイドラインは速やかな撤退を求めているため、このまま継続とはできません。</translation>
    </message>
    <message>
      <source>Official account</source>
      <translation>公式アカウント</translation>
    </message>
    <message>
      <source>Field-specific official account</source>
      <translation>分野別公式アカウント</translation>
    </message>
    <message>
      <source>Stop posting until it is changed</source>
      <translation>変更するまで投稿を止める</translation>
    </message>
    <message>
      <source>Only remind</source>
      <translation>通知のみ</translation>
    </message>
    <message>
      <source>{name} moved from {before} to {after} (異動).</source>
      <translation>{name}が{before}から{after}へ異動しました。</translation>
    </message>
    <message>
      <source>A withdrawal needs a notice period of {min}–{max} days (joso:7(2)). To stop at once, use “Stop now” and give the reason.</source>
      <translation>撤退には{min}〜{max}日の周知期間が必要です(joso:7(2))。直ちに停止する場合は「直ちに停止」を選び、理由を記入してください。</translation>
    </message>
    <message>
      <source>Consultation before opening recorded</source>
      <translation>運用開始前の協議を記録</translation>
    </message>
    <message>
      <source>Continuation review recorded</source>
      <translation>継続判断を記録</translation>
    </message>
    <message>
      <source>Withdrawal announced (notice period started)</source>
      <translation>撤退を予告(周知期間開始)</translation>
    </message>
    <message>
      <source>Withdrawal called off</source>
      <translation>撤退を取りやめ</translation>
    </message>
    <message>
      <source>Account stopped at once</source>
      <translation>アカウントを直ちに停止</translation>
    </message>
    <message>
      <source>Account deletion recorded</source>
      <translation>アカウントの削除を記録</translation>
    </message>
    <message>
      <source>Exception device agreed by the person responsible</source>
      <translation>例外端末を運用責任者が了解</translation>
    </message>
    <message>
      <source>Kind of account</source>
      <translation>アカウントの種類</translation>
    </message>
    <message>
      <source>Accounts no longer in operation</source>
      <translation>運用を終了したアカウント</translation>
    </message>
    <message>
      <source>End of operation</source>
      <translation>運用終了日</translation>
    </message>
    <message>
      <source>Scheduled end of operation</source>
      <translation>運用停止予定</translation>
    </message>
    <message>
      <source>Operation stopped</source>
      <translation>運用停止</translation>
    </message>
    <message>
      <source>no room within the platform's limit of {limit}</source>
      <translation>サービスの上限({limit})に収まらないため省略</translation>
    </message>
    <message>
      <source>the policy's content (カ) is not written</source>
      <translation>運用方針の発信内容(カ)が未記入</translation>
    </message>
    <message>
      <source>the policy's response to users (ケ) is not written</source>
      <translation>運用方針の利用者への対応(ケ)が未記入</translation>
    </message>
    <message>
      <source>nothing to add</source>
      <translation>追加事項なし</translation>
    </message>
    <message>
      <source>included</source>
      <translation>記載</translation>
    </message>
    <message>
      <source>shortened to fit</source>
      <translation>上限に合わせて短縮</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>未記載</translation>
    </message>
    <message>
      <source>no running department is set</source>
      <translation>運用主体の所属が未設定</translation>
    </message>
    <message>
      <source>no address of the public page was given</source>
      <translation>ホームページの掲載アドレスが未指定</translation>
    </message>
    <message>
      <source>Stopped</source>
      <translation>運用停止</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>所属</translation>
    </message>
    <message>
      <source>Consulted with</source>
      <translation>協議の相手</translation>
    </message>
    <message>
      <source>Date of consultation</source>
      <translation>協議日</translation>
    </message>
    <message>
      <source>Only administrators and the account's manager or person responsible may decide this.</source>
      <translation>これを決められるのは管理者と、当該アカウントの運用管理者または運用責任者だけです。</translation>
    </message>
    <message>
      <source>Notice: this account ends</source>
      <translation>運用終了のお知らせ</translation>
    </message>
    <message>
      <source>Stopping at once needs the reason, which the public page states (joso:7(2) ただし書き).</source>
      <translation>直ちに停止するには理由が必要です。理由は公開ページに明記されます(joso:7(2)ただし書き)。</translation>
    </message>
    <message>
      <source>A consultation is recorded after it took place, not in the future.</source>
      <translation>協議は実施後に記録します。未来の日付は指定できません。</translation>
    </message>
    <message>
      <source>None of the supported platforms deletes an account through its API.</source>
      <translation>対応しているサービスには、APIでアカウントを削除できるものがありません。</translation>
    </message>
    <message>
      <source>The account {handle} cannot be withdrawn from {status}.</source>
      <translation>アカウント {handle} は「{status}」の状態からは撤退できません。</translation>
    </message>
    <message>
      <source>Unknown criterion {key}.</source>
      <translation>不明な判断基準です: {key}</translation>
    </message>
    <message>
      <source>Only an account in operation is reviewed (status: {status}).</source>
      <translation>継続判断は運用中のアカウントだけが対象です(状態: {status})。</translation>
    </message>
    <message>
      <source>The notice period of {handle} runs until {date}: record the deletion after that, or stop the account at once with a reason.</source>
      <translation>{handle} の周知期間は{date}までです。削除はその後に記録するか、理由を添えて直ちに停止してください。</translation>
    </message>
    <message>
      <source>An account is withdrawn with a notice period, or stopped at once with a reason (joso:7(2)): use Withdraw… on the account.</source>
      <translation>アカウントの撤退は周知期間を置いて行うか、理由を添えて直ちに停止します(joso:7(2))。アカウントの「撤退…」を使ってください。</translation>
    </message>
    <message>
      <source>Unknown category of information {category}.</source>
      <translation>不明な情報の区分です: {category}</translation>
    </message>
    <message>
      <source>Name at least one section to consult before an account opens (wako 運用開始の留意点, joso:3(2)).</source>
      <translation>運用開始前に協議する所属を1つ以上指定してください(wako 運用開始の留意点、joso:3(2))。</translation>
    </message>
    <message>
      <source>The continuation review interval must be between {min} and {max} days (joso:7(1)).</source>
      <translation>継続判断の間隔は{min}〜{max}日の範囲で指定してください(joso:7(1))。</translation>
    </message>
    <message>
      <source>An exception device needs the reason and the categories of information it may post (joso:6(2)).</source>
      <translation>例外端末には、理由と発信してよい情報の区分が必要です(joso:6(2))。</translation>
    </message>
    <message>
      <source>An exception device is approved for named accounts, not for all of them.</source>
      <translation>例外端末は、アカウントを指定して許可します(すべてのアカウントは指定できません)。</translation>
    </message>
    <message>
      <source>Only an approved exception device needs the agreement of the account's head.</source>
      <translation>所属長の了解が必要なのは、許可済みの例外端末だけです。</translation>
    </message>
    <message>
      <source>An exception device needs an expiry, at most {days} days ahead.</source>
      <translation>例外端末には有効期限が必要です(最長{days}日先まで)。</translation>
    </message>
    <message>
      <source>This device is not approved for the account {handle}.</source>
      <translation>この端末はアカウント {handle} 用に許可されていません。</translation>
    </message>
    <message>
      <source>Only the person responsible (所属長 / 運用責任者) or the operations manager named on {handle} may agree to an exception device (joso:6(2)).</source>
      <translation>例外端末を了解できるのは、{handle} に登録された運用責任者(所属長)または運用管理者だけです(joso:6(2))。</translation>
    </message>
    <message>
      <source>The account {handle} is being withdrawn (運用停止予定 {date}): only its withdrawal notice is posted.</source>
      <translation>アカウント {handle} は撤退の周知期間中です(運用停止予定 {date})。投稿できるのは停止のお知らせだけです。</translation>
    </message>
    <message>
      <source>This exception device (personal or off-site) has no agreement from the person responsible for {handle} to its current approval (joso:6(2)).</source>
      <translation>この例外端末(個人情報機器・庁外端末)は、現在の許可について {handle} の運用責任者の了解を得ていません(joso:6(2))。</translation>
    </message>
    <message>
      <source>This device is approved only for {allowed}; the draft's category is {category} (wako:5 情報の範囲).</source>
      <translation>この端末が発信できるのは「{allowed}」だけです。下書きの区分は「{category}」です(wako:5 情報の範囲)。</translation>
    </message>
    <message>
      <source>The periodic password change of {handle} was due on {date} (joso:6(1)): record the password change, then store the new credential.</source>
      <translation>{handle} の定期的なパスワード変更の期限は{date}でした(joso:6(1))。パスワード変更を記録し、新しい資格情報を保存してください。</translation>
    </message>
    <message>
      <source>The account was stopped (joso:7(2)); nothing more is posted to it.</source>
      <translation>このアカウントは運用を停止しました(joso:7(2))。これ以上投稿しません。</translation>
    </message>
  </context>
  <context>
    <name>AccountLifecycle</name>
    <message>
      <source>joso:7(2): announce the end on the account and on the website for a suitable period, then delete. Stop at once only when needed, stating it on the website.</source>
      <translation>joso:7(2): 必要な期間、アカウントとホームページで停止を周知してから削除します。直ちに停止するのは必要な場合だけで、その旨をホームページに明記します。</translation>
    </message>
    <message>
      <source>Recorded consultations</source>
      <translation>記録された協議</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>所属</translation>
    </message>
    <message>
      <source>Date of consultation</source>
      <translation>協議日</translation>
    </message>
    <message>
      <source>Consulted with</source>
      <translation>協議の相手</translation>
    </message>
    <message>
      <source>e.g. 秘書広報課長</source>
      <translation>例: 秘書広報課長</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>結果</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>備考</translation>
    </message>
    <message>
      <source>&amp;Section:</source>
      <translation>所属(&amp;S):</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>日付(&amp;D):</translation>
    </message>
    <message>
      <source>Consulted &amp;with:</source>
      <translation>協議の相手(&amp;W):</translation>
    </message>
    <message>
      <source>&amp;Outcome:</source>
      <translation>結果(&amp;O):</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>備考(&amp;N):</translation>
    </message>
    <message>
      <source>Record a consultation</source>
      <translation>協議を記録</translation>
    </message>
    <message>
      <source>not read by this version</source>
      <translation>このバージョンでは未取得</translation>
    </message>
    <message>
      <source>What applies (joso:7(1) — any of these asks for a prompt withdrawal)</source>
      <translation>該当する状況(joso:7(1) — いずれかに該当すれば速やかに撤退)</translation>
    </message>
    <message>
      <source>&amp;Continue (継続)</source>
      <translation>継続(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Withdraw (撤退) with a notice period of</source>
      <translation>撤退(&amp;W) 周知期間:</translation>
    </message>
    <message>
      <source> days</source>
      <translation> 日</translation>
    </message>
    <message>
      <source>Notice period</source>
      <translation>周知期間</translation>
    </message>
    <message>
      <source>Announce the end, then delete, after a notice period of</source>
      <translation>停止を周知した後に削除 周知期間:</translation>
    </message>
    <message>
      <source>Stop at once (the reason is published on the website)</source>
      <translation>直ちに停止(理由をホームページに明記)</translation>
    </message>
    <message>
      <source>Call off the withdrawal (back into operation)</source>
      <translation>撤退を取りやめる(運用に戻す)</translation>
    </message>
    <message>
      <source>Record that the account is deleted on the platform</source>
      <translation>サービス上でアカウントを削除したことを記録</translation>
    </message>
    <message>
      <source>How the deletion was established</source>
      <translation>削除の確認方法</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Why (joso:7(1) ア–エ, or what makes an immediate stop necessary)</source>
      <translation>理由(joso:7(1) ア〜エ、または直ちに停止が必要な事情)</translation>
    </message>
    <message>
      <source>&amp;Reason / note:</source>
      <translation>理由・備考(&amp;R):</translation>
    </message>
    <message>
      <source>not consulted</source>
      <translation>未協議</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日付</translation>
    </message>
    <message>
      <source>&amp;Record</source>
      <translation>記録(&amp;R)</translation>
    </message>
    <message>
      <source>What shows it</source>
      <translation>根拠</translation>
    </message>
    <message>
      <source>&amp;Record review</source>
      <translation>継続判断を記録(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Go ahead</source>
      <translation>実行(&amp;G)</translation>
    </message>
    <message>
      <source>Consultation before opening: {handle}</source>
      <translation>運用開始前の協議: {handle}</translation>
    </message>
    <message>
      <source>Continuation review: {handle}</source>
      <translation>継続判断: {handle}</translation>
    </message>
    <message>
      <source>Withdraw {handle}</source>
      <translation>撤退: {handle}</translation>
    </message>
    <message>
      <source>Withdrawal announced: operation ends on {date}. Only the notice post goes out.</source>
      <translation>撤退を予告中: {date}に運用を停止します。投稿できるのは停止のお知らせだけです。</translation>
    </message>
    <message>
      <source>Stopped on {date}: {reason}</source>
      <translation>{date}に停止: {reason}</translation>
    </message>
    <message>
      <source>Period {start} – {end}
Posts: {posts}   Last post: {last}
Incidents: {incidents}   Inbound messages: {inbound}
Review due: {due}</source>
      <translation>期間 {start} 〜 {end}
投稿数: {posts}   最終投稿: {last}
インシデント: {incidents}   受信メッセージ: {inbound}
判断期限: {due}</translation>
    </message>
    <message>
      <source>Note on {letter}</source>
      <translation>{letter}の根拠</translation>
    </message>
    <message>
      <source>Sections to consult ({clauses}):</source>
      <translation>協議する所属({clauses}):</translation>
    </message>
  </context>
  <context>
    <name>Composer</name>
    <message>
      <source>Cate&amp;gory:</source>
      <translation>情報の区分(&amp;G):</translation>
    </message>
    <message>
      <source>Category of information</source>
      <translation>情報の区分</translation>
    </message>
    <message>
      <source>A personal or off-site device may post only the categories it was approved for (wako:5, joso:6(2)).</source>
      <translation>個人情報機器や庁外の端末は、許可された区分の情報だけを発信できます(wako:5、joso:6(2))。</translation>
    </message>
  </context>
  <context>
    <name>LifecycleTab</name>
    <message>
      <source>Sections to consult before opening</source>
      <translation>運用開始前に協議する所属</translation>
    </message>
    <message>
      <source>Guideline &amp;default</source>
      <translation>ガイドラインの既定(&amp;D)</translation>
    </message>
    <message>
      <source> days</source>
      <translation> 日</translation>
    </message>
    <message>
      <source>Continuation review interval</source>
      <translation>継続判断の間隔</translation>
    </message>
    <message>
      <source>Withdrawal notice period</source>
      <translation>撤退の周知期間</translation>
    </message>
    <message>
      <source>When a periodic password change is overdue</source>
      <translation>定期的なパスワード変更の期限切れ時</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Before an account opens, each section listed here is consulted and the consultation recorded (wako 運用開始の留意点, joso:3(2)); the policy cannot be filed before. Accounts are reviewed at this interval (joso:7(1)); a withdrawal is announced for the notice period before the account is deleted (joso:7(2)). One section per line.</source>
      <translation>アカウントの運用開始前に、ここに挙げた各所属と協議して記録します(wako 運用開始の留意点、joso:3(2))。記録するまで運用方針は届出できません。アカウントはこの間隔で継続を判断し(joso:7(1))、撤退するときは周知期間を置いてから削除します(joso:7(2))。所属は1行に1つ。</translation>
    </message>
    <message>
      <source>Sections to &amp;consult:</source>
      <translation>協議する所属(&amp;C):</translation>
    </message>
    <message>
      <source>Continuation &amp;review every:</source>
      <translation>継続判断の間隔(&amp;R):</translation>
    </message>
    <message>
      <source>Withdrawal &amp;notice period:</source>
      <translation>撤退の周知期間(&amp;N):</translation>
    </message>
    <message>
      <source>Overdue password &amp;change:</source>
      <translation>パスワード変更の期限切れ(&amp;C):</translation>
    </message>
  </context>
  <context>
    <name>SettingsScreen</name>
    <message>
      <source>Account life</source>
      <translation>アカウントの運用</translation>
    </message>
  </context>
</TS>
