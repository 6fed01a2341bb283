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
      <source>Before opening, the sections the organization lists are consulted (wako 運用開始の留意点, joso:3(2)); then an administrator files the complete policy (届出) before drafts may be written, and the account posts once it is set 運用中 (in operation).</source>
      <translation>開設の前に、組織が定める関係課と協議します(wako 運用開始の留意点、joso:3(2))。その後、下書きを作成する前に管理者が完成した運用方針を届け出ます。投稿できるのはアカウントを「運用中」にしてからです。</translation>
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
      <source>{account}: {missing} (Accounts → Consult…)</source>
      <translation>{account}: {missing}(アカウント → 協議…)</translation>
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
    <message>
      <source>Approval</source>
      <translation>承認</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>差戻し</translation>
    </message>
    <message>
      <source>Rejection</source>
      <translation>却下</translation>
    </message>
    <message>
      <source>Scheduled to go out</source>
      <translation>予約済み</translation>
    </message>
    <message>
      <source>Send failed</source>
      <translation>送信失敗</translation>
    </message>
    <message>
      <source>Give the draft a title: the supervisor, the record and the search know it by its title.</source>
      <translation>件名を入力してください。所属長の確認、記録、検索は件名で下書きを見分けます。</translation>
    </message>
    <message>
      <source>Regular post</source>
      <translation>通常の投稿</translation>
    </message>
    <message>
      <source>Correction of a published post (訂正)</source>
      <translation>投稿済みの記事の訂正</translation>
    </message>
    <message>
      <source>Emergency (緊急)</source>
      <translation>緊急</translation>
    </message>
    <message>
      <source>Staff name corrected</source>
      <translation>職員の氏名を訂正</translation>
    </message>
    <message>
      <source>Draft discarded (破棄)</source>
      <translation>下書きを破棄</translation>
    </message>
    <message>
      <source>Discarded</source>
      <translation>破棄</translation>
    </message>
    <message>
      <source>Only a draft that was never submitted can be discarded; this one is kept in the record.</source>
      <translation>破棄できるのは一度も申請していない下書きだけです。この下書きは記録として残ります。</translation>
    </message>
    <message>
      <source>This terminal holds no credential for the account: store it first (Accounts → Credential on this terminal…), or post by hand.</source>
      <translation>この端末にはこのアカウントの資格情報がありません。先に保存するか(アカウント → この端末の資格情報…)、手動で投稿してください。</translation>
    </message>
    <message>
      <source>Approved for {time}: it goes out then by itself. To post now, take it back, clear the time and have it approved again.</source>
      <translation>{time} の予約で承認されています。その時刻に自動で投稿されます。今すぐ投稿するには、取り戻して予約を外し、もう一度承認を受けてください。</translation>
    </message>
    <message>
      <source>{name} has {mp} megapixels; up to {limit} can be attached. Reduce it first.</source>
      <translation>{name} は {mp} メガピクセルあります。添付できるのは {limit} メガピクセルまでです。先に縮小してください。</translation>
    </message>
    <message>
      <source>{name} has more than {limit} megapixels; reduce it first.</source>
      <translation>{name} は {limit} メガピクセルを超えています。先に縮小してください。</translation>
    </message>
    <message>
      <source>Only an administrator files an operating policy.</source>
      <translation>運用方針を届け出るのは管理者です。</translation>
    </message>
    <message>
      <source>The policy is filed; a change to it withdraws the filing.</source>
      <translation>届出済みです。方針を変更すると届出は取り消されます。</translation>
    </message>
    <message>
      <source>{n} item(s) of the policy are still missing: open the account to see which.</source>
      <translation>運用方針に未記入の項目が {n} 件あります。アカウントを開いて確認してください。</translation>
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
    <message>
      <source>&amp;User manual (使い方)</source>
      <translation>使い方(&amp;U)</translation>
    </message>
  </context>
  <context>
    <name>DraftsScreen</name>
    <message>
      <source>Start a new draft for an official account (Ctrl+N).</source>
      <translation>公式アカウントの新しい下書きを作成します(Ctrl+N)。</translation>
    </message>
    <message>
      <source>Title, text or account…</source>
      <translation>件名・本文・アカウント…</translation>
    </message>
    <message>
      <source>Search title, text and account</source>
      <translation>件名・本文・アカウントを検索</translation>
    </message>
  </context>
  <context>
    <name>Composer</name>
    <message>
      <source>Saving… try again in a moment.</source>
      <translation>保存中です。少し待ってからもう一度操作してください。</translation>
    </message>
    <message>
      <source>&amp;Discard draft…</source>
      <translation>下書きを破棄(&amp;D)…</translation>
    </message>
    <message>
      <source>(no title)</source>
      <translation>(件名なし)</translation>
    </message>
    <message>
      <source>Discard draft</source>
      <translation>下書きの破棄</translation>
    </message>
    <message>
      <source>The audit record keeps its title and text as discarded (破棄).</source>
      <translation>監査記録には件名と本文が「破棄」として残ります。</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>破棄する(&amp;D)</translation>
    </message>
    <message>
      <source>Discard the draft “{title}” for {account}? It leaves the list for good.</source>
      <translation>{account} の下書き「{title}」を破棄しますか?一覧からは完全に消えます。</translation>
    </message>
    <message>
      <source>Emergenc&amp;y (disaster information)</source>
      <translation>緊急 (災害情報など)(&amp;J)</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>削除(&amp;R)</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>前へ移動</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>後ろへ移動</translation>
    </message>
    <message>
      <source>Mas&amp;k faces and areas…</source>
      <translation>顔や範囲をマスク(&amp;K)…</translation>
    </message>
    <message>
      <source>Alt text guidance</source>
      <translation>代替テキストの書き方</translation>
    </message>
    <message>
      <source>装飾 — decorat&amp;ive only (no alt text needed)</source>
      <translation>装飾のみ(代替テキスト不要)(&amp;I)</translation>
    </message>
    <message>
      <source>Captions file (.vtt/.srt)…</source>
      <translation>字幕ファイル (.vtt/.srt)…</translation>
    </message>
    <message>
      <source>No attachment selected</source>
      <translation>添付ファイルが選ばれていません</translation>
    </message>
    <message>
      <source>Select an image above to describe it.</source>
      <translation>上の一覧で画像を選ぶと、説明を入力できます。</translation>
    </message>
    <message>
      <source>Preview of {name}</source>
      <translation>{name} のプレビュー</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>Decision: {decision} ({name}).</source>
      <translation>判断: {decision}({name})</translation>
    </message>
    <message>
      <source>not scheduled: as soon as it is published after approval</source>
      <translation>予約なし(承認後、投稿した時点で公開)</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>件名</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>区分</translation>
    </message>
    <message>
      <source>Goes out</source>
      <translation>公開日時</translation>
    </message>
    <message>
      <source>(no title)</source>
      <translation>(件名なし)</translation>
    </message>
    <message>
      <source>An operator may then publish it at once.</source>
      <translation>承認後、担当者がすぐに投稿できます。</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>承認</translation>
    </message>
    <message>
      <source>&amp;Approve and sign</source>
      <translation>承認して署名(&amp;A)</translation>
    </message>
    <message>
      <source>It will go out at {time}.</source>
      <translation>{time} に投稿されます。</translation>
    </message>
    <message>
      <source>Approve version {n} of “{title}” for {account}? Your signature binds exactly this text and media.</source>
      <translation>{account} の「{title}」第{n}版を承認しますか?署名はこの本文と画像・動画そのものに対して行われます。</translation>
    </message>
  </context>
  <context>
    <name>ApprovalsScreen</name>
    <message>
      <source>Now</source>
      <translation>現在の状態</translation>
    </message>
    <message>
      <source>Vie&amp;w decision…</source>
      <translation>判断を表示(&amp;W)…</translation>
    </message>
  </context>
  <context>
    <name>SettingsScreen</name>
    <message>
      <source>Correct a misspelt name here. The record notes the correction; earlier records keep the old name.</source>
      <translation>氏名の誤りはここで訂正できます。訂正は記録に残り、訂正前の記録は元の氏名のままです。</translation>
    </message>
  </context>
  <context>
    <name>Publishing</name>
    <message>
      <source>Record as posted</source>
      <translation>投稿済みとして記録</translation>
    </message>
    <message>
      <source>The draft becomes 投稿済み (published) and cannot be posted again.</source>
      <translation>下書きは「投稿済み」になり、もう一度投稿することはできません。</translation>
    </message>
    <message>
      <source>Record that this post is published at {url}?</source>
      <translation>この投稿が {url} で公開されたと記録しますか?</translation>
    </message>
    <message>
      <source>Publish now</source>
      <translation>今すぐ投稿</translation>
    </message>
    <message>
      <source>It goes out at once and is public; only a deletion request can take it down again.</source>
      <translation>すぐに公開されます。取り下げるには削除依頼が必要です。</translation>
    </message>
    <message>
      <source>Publish “{title}” now on {account} ({platform})?</source>
      <translation>「{title}」を {account}({platform})に今すぐ投稿しますか?</translation>
    </message>
    <message>
      <source>(no title)</source>
      <translation>(件名なし)</translation>
    </message>
  </context>
  <context>
    <name>AccountsScreen</name>
    <message>
      <source>File policy (届出)</source>
      <translation>運用方針の届出</translation>
    </message>
    <message>
      <source>The filing is recorded with the policy as it stands; drafts may then be written for the account. A later change to the policy withdraws the filing until it is filed again.</source>
      <translation>現在の運用方針で届出が記録され、このアカウントの下書きを作成できるようになります。後で方針を変更すると、再び届け出るまで届出は取り消されます。</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>届け出る(&amp;F)</translation>
    </message>
    <message>
      <source>File the operating policy of {name} ({handle}, {platform}) now?</source>
      <translation>{name}({handle}、{platform})の運用方針を届け出ますか?</translation>
    </message>
    <message>
      <source>File &amp;policy (届出)</source>
      <translation>運用方針を届出(&amp;P)</translation>
    </message>
    <message>
      <source>Select an account first.</source>
      <translation>先にアカウントを選んでください。</translation>
    </message>
  </context>
  <context>
    <name>ApprovalTab</name>
    <message>
      <source>Fro&amp;m:</source>
      <translation>開始(&amp;M):</translation>
    </message>
    <message>
      <source>Revoke ke&amp;y</source>
      <translation>鍵を取り消す(&amp;Y)</translation>
    </message>
  </context>
  <context>
    <name>ChecksTab</name>
    <message>
      <source>Ne&amp;w list…</source>
      <translation>リストを追加(&amp;W)…</translation>
    </message>
    <message>
      <source>Save check settin&amp;gs</source>
      <translation>チェック設定を保存(&amp;G)</translation>
    </message>
    <message>
      <source>Rever&amp;t</source>
      <translation>元に戻す(&amp;T)</translation>
    </message>
  </context>
  <context>
    <name>Manual</name>
    <message>
      <source>KohoGate user manual</source>
      <translation>広報ゲート 使い方</translation>
    </message>
    <message>
      <source>The manual was not installed with this copy of KohoGate.</source>
      <translation>この広報ゲートには使い方の文書が含まれていません。</translation>
    </message>
  </context>
  <context>
    <name>TerminalsScreen</name>
    <message>
      <source>Key registered</source>
      <translation>登録済み</translation>
    </message>
  </context>
</TS>
