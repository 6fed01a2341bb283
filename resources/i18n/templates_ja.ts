<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>Template added to the library</source>
      <translation>定型文を追加</translation>
    </message>
    <message>
      <source>Template changed</source>
      <translation>定型文を変更</translation>
    </message>
    <message>
      <source>Template retired</source>
      <translation>定型文を廃止</translation>
    </message>
    <message>
      <source>Drafts composed for several accounts</source>
      <translation>複数アカウントへ一括作成</translation>
    </message>
    <message>
      <source>Group of drafts submitted together</source>
      <translation>下書きのグループをまとめて提出</translation>
    </message>
    <message>
      <source>Group of drafts approved together (each signed)</source>
      <translation>下書きのグループを一括承認（各々署名）</translation>
    </message>
    <message>
      <source>{used} / {limit} characters ({platform}): {over} too many</source>
      <translation>{used} / {limit} 文字（{platform}）: {over}文字超過</translation>
    </message>
    <message>
      <source>{used} / {limit} characters ({platform})</source>
      <translation>{used} / {limit} 文字（{platform}）</translation>
    </message>
    <message>
      <source>Choose at least two accounts (for one account, write an ordinary draft).</source>
      <translation>アカウントを2件以上選んでください（1件なら通常の下書きを作ってください）。</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>グループ</translation>
    </message>
    <message>
      <source>No draft of this group is waiting to be submitted.</source>
      <translation>このグループに提出待ちの下書きはありません。</translation>
    </message>
    <message>
      <source>No draft of this group is awaiting a decision.</source>
      <translation>このグループに判断待ちの下書きはありません。</translation>
    </message>
    <message>
      <source>At most {limit} accounts in one group.</source>
      <translation>一つのグループは{limit}アカウントまでです。</translation>
    </message>
    <message>
      <source>The drafts of this group changed. Reload them and try again.</source>
      <translation>このグループの下書きが変更されました。読み込み直してからやり直してください。</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>定型文</translation>
    </message>
    <message>
      <source>This template was retired; add a new one instead.</source>
      <translation>この定型文は廃止されています。新しく追加してください。</translation>
    </message>
    <message>
      <source>Someone else changed this template. Reload it and try again.</source>
      <translation>他の人がこの定型文を変更しました。読み込み直してからやり直してください。</translation>
    </message>
    <message>
      <source>This template is already retired.</source>
      <translation>この定型文はすでに廃止されています。</translation>
    </message>
    <message>
      <source>This template was retired and is no longer offered.</source>
      <translation>この定型文は廃止され、使えなくなりました。</translation>
    </message>
    <message>
      <source>This template is not meant for this account ({scope}).</source>
      <translation>この定型文はこのアカウント向けではありません（{scope}）。</translation>
    </message>
    <message>
      <source>Fill in every placeholder first: {fields}.</source>
      <translation>差し込み項目をすべて入力してください: {fields}。</translation>
    </message>
    <message>
      <source>every platform</source>
      <translation>すべてのプラットフォーム</translation>
    </message>
    <message>
      <source>every kind</source>
      <translation>すべての種類</translation>
    </message>
    <message>
      <source>Give the template a name.</source>
      <translation>定型文に名前を付けてください。</translation>
    </message>
    <message>
      <source>A template needs a text.</source>
      <translation>定型文には本文が必要です。</translation>
    </message>
    <message>
      <source>A template needs the title its drafts get.</source>
      <translation>定型文には下書きの件名が必要です。</translation>
    </message>
    <message>
      <source>Disaster information</source>
      <translation>災害情報</translation>
    </message>
    <message>
      <source>Closure</source>
      <translation>休館・休止</translation>
    </message>
    <message>
      <source>Recruitment</source>
      <translation>募集</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>その他</translation>
    </message>
    <message>
      <source>Too long: a name at most {name}, a title {title}, a text {text} characters.</source>
      <translation>長すぎます。名前は{name}文字、件名は{title}文字、本文は{text}文字までです。</translation>
    </message>
    <message>
      <source>The template cannot be saved: every draft made from it would be refused.</source>
      <translation>この定型文は保存できません。これから作る下書きはすべて提出できなくなります。</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日付</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>場所</translation>
    </message>
    <message>
      <source>URL (official page)</source>
      <translation>URL（公式ページ）</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>件名・内容</translation>
    </message>
    <message>
      <source>e.g. 12月1日(火)</source>
      <translation>例: 12月1日(火)</translation>
    </message>
    <message>
      <source>e.g. 10時から</source>
      <translation>例: 10時から</translation>
    </message>
    <message>
      <source>a public place, e.g. 市民体育館</source>
      <translation>公共の場所（例: 市民体育館）</translation>
    </message>
    <message>
      <source>the page on the organization's own website (https://…)</source>
      <translation>組織の公式ホームページのページ（https://…）</translation>
    </message>
    <message>
      <source>the department answering questions</source>
      <translation>問い合わせに答える課</translation>
    </message>
    <message>
      <source>what it is about, e.g. 市民まつり</source>
      <translation>内容（例: 市民まつり）</translation>
    </message>
    <message>
      <source>{field}: one line only.</source>
      <translation>{field}: 1行で入力してください。</translation>
    </message>
    <message>
      <source>{field}: braces are not allowed in a value.</source>
      <translation>{field}: 値に波かっこは使えません。</translation>
    </message>
    <message>
      <source>{field}: at most {limit} characters.</source>
      <translation>{field}: {limit}文字までです。</translation>
    </message>
    <message>
      <source>{field}: give the full address starting with https://.</source>
      <translation>{field}: https:// から始まる完全なアドレスを入力してください。</translation>
    </message>
    <message>
      <source>A lone brace at character {n}: write {{ or }} for a brace in the text.</source>
      <translation>{n}文字目に対応のない波かっこがあります。本文中の波かっこは {{ または }} と書いてください。</translation>
    </message>
    <message>
      <source>Unknown placeholder {{{name}}}; use one of {known}.</source>
      <translation>不明な差し込み項目 {{{name}}} です。次のいずれかを使ってください: {known}。</translation>
    </message>
    <message>
      <source>Added the template “{name}” (revision {revision})</source>
      <translation>定型文「{name}」を追加（改訂{revision}）</translation>
    </message>
    <message>
      <source>Changed the template “{name}” (revision {revision})</source>
      <translation>定型文「{name}」を変更（改訂{revision}）</translation>
    </message>
    <message>
      <source>Retired the template “{name}”</source>
      <translation>定型文「{name}」を廃止</translation>
    </message>
    <message>
      <source>Composed “{title}” for several accounts: drafts {drafts}</source>
      <translation>「{title}」を複数アカウント向けに作成: 下書き {drafts}</translation>
    </message>
    <message>
      <source>Submitted group {group} together: drafts {drafts}</source>
      <translation>グループ{group}をまとめて提出: 下書き {drafts}</translation>
    </message>
    <message>
      <source>Approved group {group} together, one signature per draft: drafts {drafts}</source>
      <translation>グループ{group}を一括承認（下書きごとに署名）: 下書き {drafts}</translation>
    </message>
    <message>
      <source>from template {template} (revision {revision})</source>
      <translation>（定型文{template}、改訂{revision}から）</translation>
    </message>
    <message>
      <source>in group {group}</source>
      <translation>（グループ{group}）</translation>
    </message>
    <message>
      <source>every account</source>
      <translation>すべてのアカウント</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>イベント</translation>
    </message>
    <message>
      <source>Time of day</source>
      <translation>時刻</translation>
    </message>
  </context>
  <context>
    <name>GroupCompose</name>
    <message>
      <source>Te&amp;xt for this account:</source>
      <translation>このアカウントの本文(&amp;X):</translation>
    </message>
    <message>
      <source>One message for several accounts</source>
      <translation>複数アカウントへの一括作成</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>件名</translation>
    </message>
    <message>
      <source>The message</source>
      <translation>文面</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Ma&amp;ke one draft per account</source>
      <translation>アカウントごとに下書きを作る(&amp;K)</translation>
    </message>
    <message>
      <source>Variants</source>
      <translation>アカウント別の文面</translation>
    </message>
    <message>
      <source>&amp;Submit together</source>
      <translation>まとめて提出(&amp;S)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <source>Reason the supervisor will see</source>
      <translation>所属長が読む理由</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>件名(&amp;T):</translation>
    </message>
    <message>
      <source>&amp;Message:</source>
      <translation>文面(&amp;M):</translation>
    </message>
    <message>
      <source>A&amp;ccounts:</source>
      <translation>アカウント(&amp;C):</translation>
    </message>
    <message>
      <source>Every variant can be submitted.</source>
      <translation>すべての文面を提出できます。</translation>
    </message>
    <message>
      <source>Submitted together: the drafts wait in the supervisor's queue as one group.</source>
      <translation>まとめて提出しました。下書きはグループとして所属長の承認待ちに並びます。</translation>
    </message>
    <message>
      <source>Text for {account}</source>
      <translation>{account} の本文</translation>
    </message>
    <message>
      <source>Each account gets its own draft, checked, submitted and signed on its own.</source>
      <translation>アカウントごとに別の下書きになり、それぞれ点検・提出・署名されます。</translation>
    </message>
    <message>
      <source>Reason: {message}</source>
      <translation>理由: {message}</translation>
    </message>
    <message>
      <source>{count} accounts chosen (at least two).</source>
      <translation>{count}件のアカウントを選択（2件以上）。</translation>
    </message>
    <message>
      <source>Still to settle: {accounts}</source>
      <translation>未対応: {accounts}</translation>
    </message>
    <message>
      <source>Must be fixed: {message} ({clause})</source>
      <translation>要修正: {message}（{clause}）</translation>
    </message>
    <message>
      <source>Sc&amp;hedule every draft for</source>
      <translation>すべての下書きを予約(&amp;H)</translation>
    </message>
    <message>
      <source>Scheduled time</source>
      <translation>予約日時</translation>
    </message>
    <message>
      <source>When:</source>
      <translation>日時:</translation>
    </message>
  </context>
  <context>
    <name>ApprovalsScreen</name>
    <message>
      <source>Approve the &amp;group…</source>
      <translation>グループを承認(&amp;G)…</translation>
    </message>
    <message>
      <source>Approve every draft of this group still waiting: one signature per draft, each on its own content.</source>
      <translation>このグループで判断待ちの下書きをすべて承認します。署名は下書きごとに、それぞれの内容に対して行います。</translation>
    </message>
    <message>
      <source>Group {id}: {title}</source>
      <translation>グループ{id}: {title}</translation>
    </message>
    <message>
      <source>Approve the group</source>
      <translation>グループの承認</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>グループ</translation>
    </message>
    <message>
      <source>&amp;Approve all and sign</source>
      <translation>すべて承認して署名(&amp;A)</translation>
    </message>
    <message>
      <source>Approve the {count} drafts of “{title}” waiting for a decision?</source>
      <translation>「{title}」の判断待ちの下書き{count}件を承認しますか？</translation>
    </message>
    <message>
      <source>Each approval is signed on its own draft's text and media. To return one, open it for review.</source>
      <translation>承認はそれぞれの下書きの本文とメディアに対して一件ずつ署名されます。一件だけ差し戻すときは、その下書きを開いて審査してください。</translation>
    </message>
    <message>
      <source>(no title)</source>
      <translation>(件名なし)</translation>
    </message>
  </context>
  <context>
    <name>DraftsScreen</name>
    <message>
      <source>From tem&amp;plate…</source>
      <translation>定型文から(&amp;P)…</translation>
    </message>
    <message>
      <source>A new draft from one of the organization's templates (定型文).</source>
      <translation>組織の定型文から新しい下書きを作ります。</translation>
    </message>
    <message>
      <source>For se&amp;veral accounts…</source>
      <translation>複数アカウントへ一括作成(&amp;V)…</translation>
    </message>
    <message>
      <source>One message, one draft per account, submitted together (一括作成).</source>
      <translation>一つの文面から、アカウントごとに下書きを作り、まとめて提出します（一括作成）。</translation>
    </message>
  </context>
  <context>
    <name>SettingsScreen</name>
    <message>
      <source>Templates</source>
      <translation>定型文</translation>
    </message>
  </context>
  <context>
    <name>TemplatesTab</name>
    <message>
      <source>Templates</source>
      <translation>定型文</translation>
    </message>
    <message>
      <source>Show reti&amp;red</source>
      <translation>廃止したものも表示(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;New template</source>
      <translation>新しい定型文(&amp;N)</translation>
    </message>
    <message>
      <source>Add the starter s&amp;et</source>
      <translation>標準の定型文を追加(&amp;E)</translation>
    </message>
    <message>
      <source>Disaster, closure, event and recruitment notices written for the guidelines (each checked).</source>
      <translation>ガイドラインに沿った災害・休館・イベント・募集のお知らせ（それぞれ点検済み）。</translation>
    </message>
    <message>
      <source>Ret&amp;ire…</source>
      <translation>廃止(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Save template</source>
      <translation>定型文を保存(&amp;S)</translation>
    </message>
    <message>
      <source>Only for (none: every platform):</source>
      <translation>対象プラットフォーム（なし: すべて）:</translation>
    </message>
    <message>
      <source>Only for accounts (none: every kind):</source>
      <translation>対象アカウントの種類（なし: すべて）:</translation>
    </message>
    <message>
      <source>Na&amp;me:</source>
      <translation>名前(&amp;M):</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>種類(&amp;K):</translation>
    </message>
    <message>
      <source>Draft &amp;title:</source>
      <translation>下書きの件名(&amp;T):</translation>
    </message>
    <message>
      <source>Te&amp;xt:</source>
      <translation>本文(&amp;X):</translation>
    </message>
    <message>
      <source>Cla&amp;uses followed:</source>
      <translation>準拠する条項(&amp;U):</translation>
    </message>
    <message>
      <source>N&amp;ote for operators:</source>
      <translation>担当者への注記(&amp;O):</translation>
    </message>
    <message>
      <source>Retire template</source>
      <translation>定型文の廃止</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名前</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>種類</translation>
    </message>
    <message>
      <source>For</source>
      <translation>対象</translation>
    </message>
    <message>
      <source>Notes from the checks</source>
      <translation>点検の指摘</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>Saved: no findings.</source>
      <translation>保存しました。指摘はありません。</translation>
    </message>
    <message>
      <source>The library already has every starter template.</source>
      <translation>標準の定型文はすべて追加済みです。</translation>
    </message>
    <message>
      <source>Re&amp;tire</source>
      <translation>廃止する(&amp;T)</translation>
    </message>
    <message>
      <source>Placeholders: {names}. The operator fills them in when making a draft.</source>
      <translation>差し込み項目: {names}。下書きを作るときに担当者が入力します。</translation>
    </message>
    <message>
      <source>Notes from the checks: {flags}</source>
      <translation>点検の指摘: {flags}</translation>
    </message>
    <message>
      <source>Retire “{name}”? Operators will no longer be offered it; drafts made from it keep their text.</source>
      <translation>「{name}」を廃止しますか？担当者には表示されなくなります。これから作られた下書きの本文はそのまま残ります。</translation>
    </message>
    <message>
      <source>Retired</source>
      <translation>廃止</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>使用中</translation>
    </message>
    <message>
      <source>Saved. Notes from the checks:</source>
      <translation>保存しました。点検の指摘:</translation>
    </message>
    <message>
      <source>{count} starter templates added.</source>
      <translation>標準の定型文を{count}件追加しました。</translation>
    </message>
  </context>
  <context>
    <name>TemplatePicker</name>
    <message>
      <source>New draft from a template</source>
      <translation>定型文から新しい下書き</translation>
    </message>
    <message>
      <source>Official account</source>
      <translation>公式アカウント</translation>
    </message>
    <message>
      <source>Templates for this account</source>
      <translation>このアカウントの定型文</translation>
    </message>
    <message>
      <source>Fill in</source>
      <translation>入力</translation>
    </message>
    <message>
      <source>The draft's text</source>
      <translation>下書きの本文</translation>
    </message>
    <message>
      <source>&amp;Account:</source>
      <translation>アカウント(&amp;A):</translation>
    </message>
    <message>
      <source>&amp;Template:</source>
      <translation>定型文(&amp;T):</translation>
    </message>
    <message>
      <source>&amp;Create draft</source>
      <translation>下書きを作成(&amp;C)</translation>
    </message>
    <message>
      <source>The draft will start as:</source>
      <translation>下書きは次の内容で始まります:</translation>
    </message>
    <message>
      <source>No template is offered for this account. An administrator adds them under Settings → Templates.</source>
      <translation>このアカウントに使える定型文はありません。管理者が 設定 → 定型文 で追加します。</translation>
    </message>
    <message>
      <source>Title: {title}</source>
      <translation>件名: {title}</translation>
    </message>
    <message>
      <source>Follows: {clauses}</source>
      <translation>準拠: {clauses}</translation>
    </message>
    <message>
      <source>No findings. The composer checks it again before submitting.</source>
      <translation>指摘はありません。提出前に作成画面でもう一度点検します。</translation>
    </message>
    <message>
      <source>Still to fill in: {fields}</source>
      <translation>未入力: {fields}</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>From the template “{name}” (revision {revision}).</source>
      <translation>定型文「{name}」（改訂{revision}）から作成。</translation>
    </message>
    <message>
      <source>One of the group “{title}”, also for: {others}. Each is decided on its own content.</source>
      <translation>グループ「{title}」の一件です。同じグループ: {others}。判断はそれぞれの内容に対して行います。</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
  </context>
</TS>
