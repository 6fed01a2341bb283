<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>Publishing</name>
    <message>
      <source>Deletion requests</source>
      <translation>削除依頼</translation>
    </message>
    <message>
      <source>&amp;Approve deletion</source>
      <translation>削除を承認(&amp;A)</translation>
    </message>
    <message>
      <source>Re&amp;ject deletion…</source>
      <translation>削除を却下(&amp;J)…</translation>
    </message>
    <message>
      <source>Reject deletion</source>
      <translation>削除を却下</translation>
    </message>
    <message>
      <source>Why is the post kept?</source>
      <translation>投稿を残す理由は？</translation>
    </message>
    <message>
      <source>Requested</source>
      <translation>依頼日時</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>アカウント</translation>
    </message>
    <message>
      <source>Requested by</source>
      <translation>依頼者</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>投稿</translation>
    </message>
    <message>
      <source>Deletion requests awaiting a decision: {count}</source>
      <translation>判断待ちの削除依頼: {count} 件</translation>
    </message>
    <message>
      <source>Post by hand</source>
      <translation>手作業で投稿</translation>
    </message>
    <message>
      <source>1. Copy the approved text and post it in the platform's own app on this terminal, with the images from the folder and their descriptions.
2. Paste the address of the new post below.</source>
      <translation>1. 承認済みの本文をコピーし、この端末で各サービスの公式アプリから投稿してください（フォルダーの画像と代替テキストも添えてください）。
2. 投稿したページのアドレスを下に貼り付けてください。</translation>
    </message>
    <message>
      <source>Approved text</source>
      <translation>承認済みの本文</translation>
    </message>
    <message>
      <source>&amp;Copy text</source>
      <translation>本文をコピー(&amp;C)</translation>
    </message>
    <message>
      <source>Open &amp;media folder</source>
      <translation>画像フォルダーを開く(&amp;M)</translation>
    </message>
    <message>
      <source>Post URL</source>
      <translation>投稿URL</translation>
    </message>
    <message>
      <source>&amp;Record as posted</source>
      <translation>投稿済みとして記録(&amp;R)</translation>
    </message>
    <message>
      <source>Address (URL) of the post:</source>
      <translation>投稿のアドレス（URL）:</translation>
    </message>
    <message>
      <source>The text is on the clipboard.</source>
      <translation>本文をクリップボードにコピーしました。</translation>
    </message>
    <message>
      <source>Post &amp;by hand…</source>
      <translation>手作業で投稿(&amp;B)…</translation>
    </message>
    <message>
      <source>Publishing</source>
      <translation>投稿</translation>
    </message>
    <message>
      <source>Upload progress</source>
      <translation>アップロードの進み具合</translation>
    </message>
    <message>
      <source>&amp;Publish now</source>
      <translation>今すぐ投稿(&amp;N)</translation>
    </message>
    <message>
      <source>Look for the post &amp;again</source>
      <translation>投稿をもう一度探す(&amp;A)</translation>
    </message>
    <message>
      <source>Record what &amp;happened…</source>
      <translation>結果を記録(&amp;I)…</translation>
    </message>
    <message>
      <source>Start a &amp;correction</source>
      <translation>訂正を作成(&amp;V)</translation>
    </message>
    <message>
      <source>Request &amp;deletion…</source>
      <translation>削除を依頼(&amp;D)…</translation>
    </message>
    <message>
      <source>Carry out the approved deletion</source>
      <translation>承認された削除を実行</translation>
    </message>
    <message>
      <source>Deleted by hand</source>
      <translation>手作業で削除済み</translation>
    </message>
    <message>
      <source>Emergency: this post may go out by hand before approval. A supervisor must review it afterwards (事後承認) within the organization's deadline.</source>
      <translation>緊急：この投稿は承認前に手動で公開できます。公開後、団体の定める期限内に所属長の事後承認が必要です。</translation>
    </message>
    <message>
      <source>Approved and ready to publish.</source>
      <translation>承認済みです。投稿できます。</translation>
    </message>
    <message>
      <source>Sending…</source>
      <translation>送信中…</translation>
    </message>
    <message>
      <source>Record what happened</source>
      <translation>結果を記録</translation>
    </message>
    <message>
      <source>If the post is on the account, paste its URL. Leave empty if it was NOT posted (it may then be sent again).</source>
      <translation>アカウントに投稿があればそのURLを貼り付けてください。投稿されていなければ空欄のままにしてください（その場合は再送できます）。</translation>
    </message>
    <message>
      <source>Request deletion</source>
      <translation>削除を依頼</translation>
    </message>
    <message>
      <source>Why should this post be deleted? A supervisor decides.</source>
      <translation>この投稿を削除する理由を書いてください。所属長が判断します。</translation>
    </message>
    <message>
      <source>Unexpected error: {kind}</source>
      <translation>予期しないエラー: {kind}</translation>
    </message>
    <message>
      <source>Post by hand &amp;before approval (emergency)…</source>
      <translation>承認前に手動で投稿（緊急）(&amp;B)…</translation>
    </message>
    <message>
      <source>Status: {state}</source>
      <translation>状態: {state}</translation>
    </message>
    <message>
      <source>Uploading media %v of %m</source>
      <translation>画像をアップロード中 %v / %m</translation>
    </message>
    <message>
      <source>Recorded as posted by hand.</source>
      <translation>手作業での投稿として記録しました。</translation>
    </message>
    <message>
      <source>Still not found among the account's recent posts. Check the account yourself.</source>
      <translation>アカウントの最近の投稿にはまだ見つかりません。アカウントを直接確認してください。</translation>
    </message>
    <message>
      <source>Approved. Scheduled for {time}: it goes out then while KohoGate runs on an approved terminal.</source>
      <translation>承認済み。{time} に予約されています。その時刻に、承認済み端末で広報ゲートが起動していれば投稿されます。</translation>
    </message>
    <message>
      <source>({time})</source>
      <translation>（{time}）</translation>
    </message>
    <message>
      <source>Deletion: {state} — reason: {reason}</source>
      <translation>削除: {state} — 理由: {reason}</translation>
    </message>
    <message>
      <source>The post was deleted on the platform; the record keeps its text.</source>
      <translation>投稿先から削除しました。記録には元の本文が残ります。</translation>
    </message>
    <message>
      <source>Published: {url}</source>
      <translation>投稿しました: {url}</translation>
    </message>
    <message>
      <source>Found the post on the platform and recorded it: {url}</source>
      <translation>投稿先で投稿を確認し、記録しました: {url}</translation>
    </message>
    <message>
      <source>(no address on this platform)</source>
      <translation>（このサービスには投稿URLがありません）</translation>
    </message>
    <message>
      <source>Scheduled posts waiting: {count}</source>
      <translation>待機中の予約投稿: {count} 件</translation>
    </message>
    <message>
      <source>Scheduled posting could not run: {kind}</source>
      <translation>予約投稿を実行できませんでした: {kind}</translation>
    </message>
    <message>
      <source>sent: {count}</source>
      <translation>送信済み: {count} 件</translation>
    </message>
    <message>
      <source>need attention: {count}</source>
      <translation>要対応: {count} 件</translation>
    </message>
    <message>
      <source>paused, held: {count}</source>
      <translation>全停止中、保留 {count} 件</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <source>X</source>
      <translation>X</translation>
    </message>
    <message>
      <source>Bluesky</source>
      <translation>Bluesky</translation>
    </message>
    <message>
      <source>Mastodon</source>
      <translation>Mastodon</translation>
    </message>
    <message>
      <source>Threads</source>
      <translation>Threads</translation>
    </message>
    <message>
      <source>Misskey</source>
      <translation>Misskey</translation>
    </message>
    <message>
      <source>Instagram</source>
      <translation>Instagram</translation>
    </message>
    <message>
      <source>Facebook</source>
      <translation>Facebook</translation>
    </message>
    <message>
      <source>LINE</source>
      <translation>LINE</translation>
    </message>
    <message>
      <source>YouTube</source>
      <translation>YouTube</translation>
    </message>
    <message>
      <source>{platform} posts cannot be deleted. Publish a correction instead.</source>
      <translation>{platform} の投稿は削除できません。訂正を投稿してください。</translation>
    </message>
    <message>
      <source>Deletion requested</source>
      <translation>削除依頼中</translation>
    </message>
    <message>
      <source>Deletion approved</source>
      <translation>削除承認済み</translation>
    </message>
    <message>
      <source>Deletion rejected</source>
      <translation>削除却下</translation>
    </message>
    <message>
      <source>KohoGate cannot post to {platform} itself. Use manual posting: copy the text, post, record the URL.</source>
      <translation>広報ゲートは {platform} に直接投稿できません。手作業で投稿してください（本文をコピーして投稿し、URLを記録）。</translation>
    </message>
    <message>
      <source>A Bluesky post carries one video and nothing else: post the images separately.</source>
      <translation>Bluesky の投稿に載せられる動画は1本だけで、画像と一緒には載せられません。画像は別の投稿にしてください。</translation>
    </message>
    <message>
      <source>Bluesky takes at most 4 images per post.</source>
      <translation>Bluesky に添付できる画像は1投稿につき4枚までです。</translation>
    </message>
    <message>
      <source>Could not connect to {platform}. Check the network connection; nothing was posted.</source>
      <translation>{platform} に接続できませんでした。ネットワーク接続を確認してください。投稿はされていません。</translation>
    </message>
    <message>
      <source>{platform} answered with a server error ({status}) after receiving the post. The post may or may not have been published.</source>
      <translation>{platform} が投稿を受け取った後にサーバーエラー（{status}）を返しました。投稿されたかどうかは分かりません。</translation>
    </message>
    <message>
      <source>The connection to {platform} broke after the post was sent. The post may or may not have been published.</source>
      <translation>投稿を送った後で {platform} との接続が切れました。投稿されたかどうかは分かりません。</translation>
    </message>
    <message>
      <source>Uploading an image or video to {platform} failed. Nothing was posted; try again.</source>
      <translation>{platform} への画像・動画のアップロードに失敗しました。投稿はされていません。もう一度お試しください。</translation>
    </message>
    <message>
      <source>{platform} limits how often posts may be sent. Try again after {time}.</source>
      <translation>{platform} の投稿回数の制限に達しました。{time} 以降にもう一度お試しください。</translation>
    </message>
    <message>
      <source>{platform} refused the post ({status}{detail}). Nothing was published.</source>
      <translation>{platform} が投稿を拒否しました（{status}{detail}）。投稿はされていません。</translation>
    </message>
    <message>
      <source>{platform} limits how often posts may be sent. Try again in {seconds} seconds.</source>
      <translation>{platform} の投稿回数の制限に達しました。{seconds} 秒後にもう一度お試しください。</translation>
    </message>
    <message>
      <source>{platform} limits how often posts may be sent. Try again in a few minutes.</source>
      <translation>{platform} の投稿回数の制限に達しました。数分後にもう一度お試しください。</translation>
    </message>
    <message>
      <source>{platform} did not accept the stored credential ({status}). It may have expired or lack the permission to post: ask the account manager to store a new one.</source>
      <translation>{platform} が保存された認証情報を受け付けませんでした（{status}）。期限切れか投稿権限がない可能性があります。運用管理者に新しい認証情報の保存を依頼してください。</translation>
    </message>
    <message>
      <source>A Facebook post with a video carries only that video: post the images separately.</source>
      <translation>動画付きの Facebook 投稿には、その動画しか載せられません。画像は別の投稿にしてください。</translation>
    </message>
    <message>
      <source>LINE broadcast messages cannot be unsent: they are already delivered to every friend. Send a correction (訂正) instead.</source>
      <translation>LINE の一斉配信は取り消せません（すでに全友だちに届いています）。代わりに訂正を配信してください。</translation>
    </message>
    <message>
      <source>LINE needs images on a public web address, which KohoGate does not provide. Post this one by hand in LINE Official Account Manager and record it.</source>
      <translation>LINE で画像を送るには公開されたWebアドレスが必要ですが、広報ゲートにはありません。LINE公式アカウントの管理画面から手作業で配信し、記録してください。</translation>
    </message>
    <message>
      <source>The Mastodon account {handle} has no instance address: enter the account's URL.</source>
      <translation>Mastodon アカウント {handle} のサーバーのアドレスがありません。アカウントのURLを入力してください。</translation>
    </message>
    <message>
      <source>{platform} is still processing {file}; nothing was posted. Try again in a few minutes.</source>
      <translation>{platform} で {file} の処理がまだ終わっていません。投稿はされていません。数分後にもう一度お試しください。</translation>
    </message>
    <message>
      <source>{platform} could not process {file}; nothing was posted. Check the file's format.</source>
      <translation>{platform} で {file} を処理できませんでした。投稿はされていません。ファイルの形式を確認してください。</translation>
    </message>
    <message>
      <source>An earlier attempt was interrupted.</source>
      <translation>前回の送信が途中で中断されました。</translation>
    </message>
    <message>
      <source>Look at the account: record the post's URL if it is there, or confirm that it was not posted.</source>
      <translation>アカウントを確認してください。投稿があればURLを記録し、なければ投稿されていないことを記録してください。</translation>
    </message>
    <message>
      <source>This publication does not need checking.</source>
      <translation>この投稿記録は確認を必要としていません。</translation>
    </message>
    <message>
      <source>KohoGate does not know this post's id on the platform: delete it by hand and record that.</source>
      <translation>広報ゲートはこの投稿の投稿先でのIDを把握していません。手作業で削除し、その旨を記録してください。</translation>
    </message>
    <message>
      <source>{message} KohoGate did not find it among the account's recent posts and will not send it again.</source>
      <translation>{message} アカウントの最近の投稿には見つからなかったため、広報ゲートは自動では再送しません。</translation>
    </message>
    <message>
      <source>This deletion has not been approved by a supervisor.</source>
      <translation>この削除は所属長に承認されていません。</translation>
    </message>
    <message>
      <source>This post is scheduled for {time}; it goes out then, not earlier.</source>
      <translation>この投稿は {time} に予約されています。それより早くは送信しません。</translation>
    </message>
    <message>
      <source>Publication</source>
      <translation>投稿記録</translation>
    </message>
    <message>
      <source>Checked by a person: not posted.</source>
      <translation>職員が確認: 投稿されていません。</translation>
    </message>
    <message>
      <source>Give the reason for deleting this post.</source>
      <translation>この投稿を削除する理由を書いてください。</translation>
    </message>
    <message>
      <source>A comment is required to reject a deletion request.</source>
      <translation>削除依頼を却下するにはコメントが必要です。</translation>
    </message>
    <message>
      <source>Deletion request</source>
      <translation>削除依頼</translation>
    </message>
    <message>
      <source>This post has already been published.</source>
      <translation>この投稿はすでに投稿済みです。</translation>
    </message>
    <message>
      <source>An earlier attempt may have gone out. Check the account first (要確認): record the post's URL, or confirm it was not posted.</source>
      <translation>前回の送信が投稿された可能性があります。先にアカウントを確認してください（要確認）。投稿があればURLを記録し、なければ投稿されていないことを記録してください。</translation>
    </message>
    <message>
      <source>Not sent within its time window; publish it by hand or reschedule it.</source>
      <translation>予定の時間内に送信されませんでした。手作業で投稿するか、予約し直してください。</translation>
    </message>
    <message>
      <source>Only a published post can be deleted.</source>
      <translation>削除できるのは投稿済みの投稿だけです。</translation>
    </message>
    <message>
      <source>A deletion of this post has already been requested.</source>
      <translation>この投稿の削除はすでに依頼されています。</translation>
    </message>
    <message>
      <source>This deletion request has already been decided.</source>
      <translation>この削除依頼はすでに判断済みです。</translation>
    </message>
    <message>
      <source>You cannot decide on your own deletion request.</source>
      <translation>自分の削除依頼は判断できません。</translation>
    </message>
    <message>
      <source>This post is being sent right now (or an attempt was interrupted less than {minutes} minutes ago). Wait, then check the draft again.</source>
      <translation>この投稿は現在送信中です (または {minutes} 分以内に送信が中断されました)。しばらく待ってから、もう一度下書きを確認してください。</translation>
    </message>
    <message>
      <source>Unexpected error ({kind}); see the log.</source>
      <translation>予期しないエラーです（{kind}）。ログを確認してください。</translation>
    </message>
    <message>
      <source>Only a published post can be corrected.</source>
      <translation>訂正できるのは投稿済みの投稿だけです。</translation>
    </message>
    <message>
      <source>Correction: {title}</source>
      <translation>訂正: {title}</translation>
    </message>
    <message>
      <source>Nothing is due.</source>
      <translation>送信予定の投稿はありません。</translation>
    </message>
    <message>
      <source>Sent: {title} ({account}) {url}</source>
      <translation>送信しました: {title}（{account}） {url}</translation>
    </message>
    <message>
      <source>Missed its window: {title} ({account}), due {time}</source>
      <translation>予定の時間内に送れませんでした: {title}（{account}）、予定 {time}</translation>
    </message>
    <message>
      <source>Not sent: {title} ({account}): {message}</source>
      <translation>未送信: {title}（{account}）: {message}</translation>
    </message>
    <message>
      <source>send the scheduled posts that are due (for Task Scheduler / cron)</source>
      <translation>予定時刻になった予約投稿を送信する（タスク スケジューラ / cron 用）</translation>
    </message>
    <message>
      <source>This is not the address of a post on {platform}. It must start with https:// and be on: {hosts}</source>
      <translation>{platform} の投稿のアドレスではありません。https:// で始まり、次のいずれかのサイトのものを入力してください: {hosts}</translation>
    </message>
    <message>
      <source>(the account's address is not set)</source>
      <translation>（アカウントのアドレスが登録されていません）</translation>
    </message>
    <message>
      <source>Paste the address of the post (starting with https://).</source>
      <translation>投稿のアドレス（https:// で始まるもの）を貼り付けてください。</translation>
    </message>
    <message>
      <source>The draft changed while it was being published. Check it, then try again.</source>
      <translation>公開の処理中に下書きが変更されました。内容を確認してから、もう一度お試しください。</translation>
    </message>
  </context>
</TS>
