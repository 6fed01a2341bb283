<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>Composer</name>
    <message>
      <source>Post text</source>
      <translation>投稿本文</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>チェック結果</translation>
    </message>
    <message>
      <source>&amp;Reason for going ahead (one line, shown to the supervisor):</source>
      <translation>このまま進める理由（1行、所属長に表示されます）(&amp;R):</translation>
    </message>
    <message>
      <source>Reason for the acknowledgement</source>
      <translation>確認の理由</translation>
    </message>
    <message>
      <source>Ac&amp;knowledge</source>
      <translation>確認済みにする(&amp;K)</translation>
    </message>
    <message>
      <source>Acknowledge the selected finding</source>
      <translation>選択したチェック結果を確認済みにする</translation>
    </message>
    <message>
      <source>No findings.</source>
      <translation>指摘はありません。</translation>
    </message>
    <message>
      <source>Not acknowledged yet</source>
      <translation>未確認</translation>
    </message>
    <message>
      <source>{blocking} to fix, {confirm} to acknowledge, {total} in all.</source>
      <translation>要修正 {blocking} 件、要確認 {confirm} 件（全 {total} 件）。</translation>
    </message>
    <message>
      <source>✔ Acknowledged: {reason}</source>
      <translation>✔ 確認済み：{reason}</translation>
    </message>
    <message>
      <source>Good alt text tells someone who cannot see the image what matters in it:
• Describe what the image is for in this post (who, what, where), in one or two sentences.
• Put any text that appears in the image (dates, places, phone numbers) into the alt text.
• Do not start with “画像” or “写真”; screen readers already say it is an image.
• Do not use the file name. A purely decorative image can be marked 装飾 with a reason.</source>
      <translation>よい代替テキストは、画像を見られない人に、その画像で大切なことを伝えます。
・この投稿で画像が伝えたいこと（誰が・何を・どこで）を1〜2文で書く。
・画像の中の文字（日時、場所、電話番号など）は代替テキストにも書く。
・「画像」「写真」で始めない（読み上げソフトが画像であることを伝えます）。
・ファイル名を使わない。情報のない装飾画像は、理由を添えて「装飾」に指定できます。</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>添付ファイル</translation>
    </message>
    <message>
      <source>&amp;Add image or video…</source>
      <translation>画像・動画を追加(&amp;A)…</translation>
    </message>
    <message>
      <source>Alt+Up</source>
      <translation>Alt+↑</translation>
    </message>
    <message>
      <source>Alt+Down</source>
      <translation>Alt+↓</translation>
    </message>
    <message>
      <source>Selected attachment</source>
      <translation>選択中の添付ファイル</translation>
    </message>
    <message>
      <source>Alt text</source>
      <translation>代替テキスト</translation>
    </message>
    <message>
      <source>Describe what matters in the image, including any text in it.</source>
      <translation>画像の大切な内容を、画像内の文字も含めて説明してください。</translation>
    </message>
    <message>
      <source>Alt text &amp;guidance</source>
      <translation>代替テキストの書き方(&amp;G)</translation>
    </message>
    <message>
      <source>Why the image is decorative</source>
      <translation>装飾画像とする理由</translation>
    </message>
    <message>
      <source>Why it carries no information (required)</source>
      <translation>情報を持たない理由（必須）</translation>
    </message>
    <message>
      <source>Captions are &amp;burned into the video</source>
      <translation>字幕が映像に焼き込まれている(&amp;B)</translation>
    </message>
    <message>
      <source>A&amp;lt text:</source>
      <translation>代替テキスト(&amp;L):</translation>
    </message>
    <message>
      <source>Reason:</source>
      <translation>理由:</translation>
    </message>
    <message>
      <source>Writing good alt text</source>
      <translation>代替テキストの書き方</translation>
    </message>
    <message>
      <source>Attach images or videos</source>
      <translation>画像・動画を添付</translation>
    </message>
    <message>
      <source>Captions file</source>
      <translation>字幕ファイル</translation>
    </message>
    <message>
      <source>captions ✔</source>
      <translation>字幕 ✔</translation>
    </message>
    <message>
      <source>no captions</source>
      <translation>字幕なし</translation>
    </message>
    <message>
      <source>ALT ✔</source>
      <translation>代替テキスト ✔</translation>
    </message>
    <message>
      <source>masked</source>
      <translation>加工済み</translation>
    </message>
    <message>
      <source>JPEG, PNG, WebP, GIF, MP4 or MOV — drop files here. {platform}: up to {n} images.</source>
      <translation>JPEG・PNG・WebP・GIF・MP4・MOV をここにドロップできます。{platform}：画像は {n} 枚まで。</translation>
    </message>
    <message>
      <source>Media ({p})</source>
      <translation>画像・動画 ({p})</translation>
    </message>
    <message>
      <source>Captions ({p})</source>
      <translation>字幕 ({p})</translation>
    </message>
    <message>
      <source>No captions file</source>
      <translation>字幕ファイルなし</translation>
    </message>
    <message>
      <source>Alt text length {text}</source>
      <translation>代替テキストの長さ {text}</translation>
    </message>
    <message>
      <source>decorative</source>
      <translation>装飾</translation>
    </message>
    <message>
      <source>no ALT</source>
      <translation>ALTなし</translation>
    </message>
    <message>
      <source>{used} characters (no limit published)</source>
      <translation>{used} 文字（上限の公表なし）</translation>
    </message>
    <message>
      <source>{n} face(s)</source>
      <translation>顔 {n} 件</translation>
    </message>
    <message>
      <source>Preview of the post</source>
      <translation>投稿のプレビュー</translation>
    </message>
    <message>
      <source>Official account</source>
      <translation>公式アカウント</translation>
    </message>
    <message>
      <source>Decorative</source>
      <translation>装飾</translation>
    </message>
    <message>
      <source>No ALT</source>
      <translation>ALTなし</translation>
    </message>
    <message>
      <source>Image {n}: {alt}</source>
      <translation>画像 {n}：{alt}</translation>
    </message>
    <message>
      <source>Video {n}</source>
      <translation>動画 {n}</translation>
    </message>
    <message>
      <source>no alt text</source>
      <translation>代替テキストなし</translation>
    </message>
    <message>
      <source>Image with the areas to mask</source>
      <translation>加工する範囲を示した画像</translation>
    </message>
    <message>
      <source>Arrow keys move the frame, Shift+arrow keys resize it, Space marks it as an area to mask.</source>
      <translation>矢印キーで枠を移動、Shift＋矢印キーで大きさを変更、スペースキーでその範囲を隠す対象にします。</translation>
    </message>
    <message>
      <source>How to mask</source>
      <translation>加工の方法</translation>
    </message>
    <message>
      <source>&amp;Mask with:</source>
      <translation>加工方法(&amp;M):</translation>
    </message>
    <message>
      <source>Remove &amp;last area</source>
      <translation>最後の範囲を削除(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Clear all</source>
      <translation>すべて消去(&amp;C)</translation>
    </message>
    <message>
      <source>Masking progress</source>
      <translation>加工の進み具合</translation>
    </message>
    <message>
      <source>&amp;Apply</source>
      <translation>適用(&amp;A)</translation>
    </message>
    <message>
      <source>Mask faces and areas — {name}</source>
      <translation>顔・範囲の加工 — {name}</translation>
    </message>
    <message>
      <source>Drag over the image to mark an area, or use the arrow keys and Space. {count} area(s) marked; detected faces are marked already. The masked copy replaces the original, which is never uploaded.</source>
      <translation>画像上をドラッグするか、矢印キーとスペースキーで範囲を指定します。指定済み {count} か所（検出した顔は指定済みです）。隠した画像が元の画像に置き換わり、元の画像はアップロードされません。</translation>
    </message>
    <message>
      <source>Title (internal)</source>
      <translation>件名（内部用）</translation>
    </message>
    <message>
      <source>&amp;Schedule for</source>
      <translation>予約投稿(&amp;S)</translation>
    </message>
    <message>
      <source>Scheduled time</source>
      <translation>予約日時</translation>
    </message>
    <message>
      <source>S&amp;ubmit for approval</source>
      <translation>承認を申請(&amp;U)</translation>
    </message>
    <message>
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Enter</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>件名(&amp;T):</translation>
    </message>
    <message>
      <source>Account:</source>
      <translation>アカウント:</translation>
    </message>
    <message>
      <source>When:</source>
      <translation>日時:</translation>
    </message>
    <message>
      <source>Any supervisor of the organization may approve an emergency post, and the organization may allow publishing it before approval with a review afterwards.</source>
      <translation>緊急の投稿は組織内のどの所属長でも承認できます。組織が認めている場合は、承認前に公開し、後から事後承認を受けることもできます。</translation>
    </message>
    <message>
      <source>Urgency:</source>
      <translation>緊急度:</translation>
    </message>
    <message>
      <source>Te&amp;xt:</source>
      <translation>本文(&amp;X):</translation>
    </message>
    <message>
      <source>Guideline confirmations</source>
      <translation>ガイドラインの確認事項</translation>
    </message>
    <message>
      <source>&amp;Checks</source>
      <translation>チェック(&amp;C)</translation>
    </message>
    <message>
      <source>C&amp;onfirmations</source>
      <translation>確認事項(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Media</source>
      <translation>画像・動画(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>プレビュー(&amp;P)</translation>
    </message>
    <message>
      <source>Attaching files</source>
      <translation>ファイルを添付中</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>編集(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
      <source>This draft cannot be edited.</source>
      <translation>この下書きは編集できません。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>保存中…</translation>
    </message>
    <message>
      <source>Submitted for approval.</source>
      <translation>承認を申請しました。</translation>
    </message>
    <message>
      <source>Unsaved changes…</source>
      <translation>未保存の変更があります…</translation>
    </message>
    <message>
      <source>Checking person names…</source>
      <translation>人名を確認中…</translation>
    </message>
    <message>
      <source>Not saved: someone else changed this draft. Copy your text, then reopen it.</source>
      <translation>保存できません：他の人がこの下書きを変更しました。本文をコピーしてから開き直してください。</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>緊急</translation>
    </message>
    <message>
      <source>Why is this an emergency? (e.g. evacuation information)</source>
      <translation>緊急とする理由を入力してください (例: 避難情報)</translation>
    </message>
    <message>
      <source>Some files were not attached</source>
      <translation>添付できなかったファイルがあります</translation>
    </message>
    <message>
      <source>Close without saving?</source>
      <translation>保存せずに閉じますか？</translation>
    </message>
    <message>
      <source>The latest changes could not be saved. Close anyway and lose them?</source>
      <translation>最新の変更を保存できませんでした。変更を破棄して閉じますか？</translation>
    </message>
    <message>
      <source>Draft {id} — {account}</source>
      <translation>下書き {id} — {account}</translation>
    </message>
    <message>
      <source>{account} on {platform}</source>
      <translation>{account}（{platform}）</translation>
    </message>
    <message>
      <source>Supervisor's comment</source>
      <translation>所属長のコメント</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
      <source>Length {used} of {limit}</source>
      <translation>文字数 {used}／{limit}</translation>
    </message>
    <message>
      <source>Ready to submit.</source>
      <translation>申請できます。</translation>
    </message>
    <message>
      <source>&amp;Checks ({n})</source>
      <translation>チェック(&amp;C) ({n})</translation>
    </message>
    <message>
      <source>C&amp;onfirmations ({done}/{total})</source>
      <translation>確認事項(&amp;O) ({done}/{total})</translation>
    </message>
    <message>
      <source>&amp;Media ({n})</source>
      <translation>画像・動画(&amp;M) ({n})</translation>
    </message>
    <message>
      <source>Published: start a correction or request its deletion if something is wrong.</source>
      <translation>公開済みです。誤りがあれば訂正を作成するか、削除を依頼してください。</translation>
    </message>
    <message>
      <source>Saved at {time}</source>
      <translation>{time} に保存しました</translation>
    </message>
    <message>
      <source>Returned by {who} (version {n}): {comment}</source>
      <translation>{who} さんから差し戻し（第{n}版）：{comment}</translation>
    </message>
    <message>
      <source>Rejected by {who} (version {n}): {comment}
This draft cannot be submitted again; write a new draft if the post is still needed.</source>
      <translation>{who} が却下しました (第{n}版): {comment}
この下書きは再申請できません。投稿が必要な場合は、内容を改めて新しい下書きを作成してください。</translation>
    </message>
    <message>
      <source>Not saved: {message}</source>
      <translation>保存できません：{message}</translation>
    </message>
    <message>
      <source>Submitting…</source>
      <translation>提出しています…</translation>
    </message>
    <message>
      <source>&amp;Close without saving</source>
      <translation>保存せずに閉じる(&amp;C)</translation>
    </message>
  </context>
  <context>
    <name>DraftsScreen</name>
    <message>
      <source>&amp;Schedule for</source>
      <translation>予約投稿(&amp;S)</translation>
    </message>
    <message>
      <source>Scheduled time</source>
      <translation>予約日時</translation>
    </message>
    <message>
      <source>When:</source>
      <translation>日時:</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>開く(&amp;O)</translation>
    </message>
    <message>
      <source>Enter or double-click opens the selected draft.</source>
      <translation>Enter キーまたはダブルクリックで選択した下書きを開きます。</translation>
    </message>
    <message>
      <source>Submitted for approval: it now waits in the supervisor's queue.</source>
      <translation>承認を申請しました。所属長の承認待ち一覧に表示されます。</translation>
    </message>
    <message>
      <source>No account is ready for drafts. Ask an administrator to file one.</source>
      <translation>下書きに使えるアカウントがありません。管理者に届出を依頼してください。</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <source>An acknowledgement needs a reason.</source>
      <translation>確認には理由が必要です。</translation>
    </message>
    <message>
      <source>An acknowledgement refers to no finding.</source>
      <translation>確認の対象となるチェック結果がありません。</translation>
    </message>
    <message>
      <source>Keep the reason to one line of at most {limit} characters.</source>
      <translation>理由は1行、{limit} 文字以内で入力してください。</translation>
    </message>
    <message>
      <source>A media item is malformed (missing file or kind).</source>
      <translation>添付ファイルの情報が不正です（ファイルまたは種類がありません）。</translation>
    </message>
    <message>
      <source>{name}: only JPEG, PNG, WebP and GIF images and MP4/MOV videos can be attached.</source>
      <translation>{name}：添付できるのは JPEG・PNG・WebP・GIF の画像と MP4・MOV の動画だけです。</translation>
    </message>
    <message>
      <source>{name} is not an MP4 or MOV video.</source>
      <translation>{name} は MP4 または MOV の動画ではありません。</translation>
    </message>
    <message>
      <source>{name}: captions must be a .vtt or .srt file.</source>
      <translation>{name}：字幕は .vtt または .srt ファイルにしてください。</translation>
    </message>
    <message>
      <source>{name} does not look like a captions file.</source>
      <translation>{name} は字幕ファイルではないようです。</translation>
    </message>
    <message>
      <source>{name} is too large ({size} MB; at most {limit} MB).</source>
      <translation>{name} は大きすぎます（{size} MB、上限 {limit} MB）。</translation>
    </message>
    <message>
      <source>Cannot read {name}: {error}</source>
      <translation>{name} を読み込めません：{error}</translation>
    </message>
    <message>
      <source>{name} cannot be read as an image (damaged or not an image).</source>
      <translation>{name} を画像として読み込めません（破損しているか画像ではありません）。</translation>
    </message>
    <message>
      <source>{name} is not UTF-8 text.</source>
      <translation>{name} は UTF-8 のテキストではありません。</translation>
    </message>
    <message>
      <source>{name} is not a JPEG, PNG, WebP or GIF image.</source>
      <translation>{name} は JPEG・PNG・WebP・GIF の画像ではありません。</translation>
    </message>
    <message>
      <source>Mark at least one area to mask.</source>
      <translation>加工する範囲を1つ以上指定してください。</translation>
    </message>
    <message>
      <source>Animated images cannot be masked here; edit the file and attach it again.</source>
      <translation>アニメーション画像はここでは加工できません。ファイルを編集してから添付し直してください。</translation>
    </message>
    <message>
      <source>Blur</source>
      <translation>ぼかし</translation>
    </message>
    <message>
      <source>Pixelate</source>
      <translation>モザイク</translation>
    </message>
    <message>
      <source>Fill</source>
      <translation>塗りつぶし</translation>
    </message>
    <message>
      <source>Must be fixed: {message} ({clause})</source>
      <translation>要修正：{message}（{clause}）</translation>
    </message>
    <message>
      <source>{count} finding(s) to confirm still need an acknowledgement with a reason.</source>
      <translation>要確認の指摘 {count} 件に、理由を添えた確認が必要です。</translation>
    </message>
    <message>
      <source>{count} guideline confirmation(s) are not ticked.</source>
      <translation>ガイドラインの確認事項のうち {count} 件が未チェックです。</translation>
    </message>
    <message>
      <source>An attached file is missing from the database. Attach it again.</source>
      <translation>添付ファイルがデータベースにありません。添付し直してください。</translation>
    </message>
    <message>
      <source>Too many attachments (at most {limit}).</source>
      <translation>添付ファイルが多すぎます（上限 {limit}）。</translation>
    </message>
    <message>
      <source>The draft cannot be submitted yet:</source>
      <translation>この下書きはまだ申請できません：</translation>
    </message>
  </context>
</TS>
