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
      <source>Owning department</source>
      <translation>所管部署</translation>
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
      <source>&amp;Department:</source>
      <translation>部署(&amp;D):</translation>
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
      <source>&amp;File policy (届出)</source>
      <translation>運用方針を届出(&amp;F)</translation>
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
      <source>Personal devices and off-site terminals are an exception: approve them in advance, with the reason and the information they may handle (wako:5, joso:6(2)).</source>
      <translation>個人情報機器や庁外の端末は例外です。理由と扱える情報の範囲を定めて事前に承認してください (wako:5, joso:6(2))。</translation>
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
      <source>An exception terminal needs the reason and the scope of information allowed (joso:6(2)).</source>
      <translation>例外端末には理由と扱える情報の範囲が必要です (joso:6(2))。</translation>
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
  </context>
</TS>
