<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>Post moved to another time</source>
      <translation>投稿の日時を変更</translation>
    </message>
    <message>
      <source>This post has already gone out; its time cannot change (start a correction instead).</source>
      <translation>この投稿は送信済みのため、日時を変更できません(訂正の下書きを作成してください)。</translation>
    </message>
    <message>
      <source>This post is being sent right now; its time cannot change.</source>
      <translation>この投稿は送信中のため、日時を変更できません。</translation>
    </message>
    <message>
      <source>Whether this post went out is not known yet (needs checking): settle that before choosing a new time.</source>
      <translation>この投稿が送信されたかどうかがまだ分かりません(要確認)。新しい日時を選ぶ前に確認を済ませてください。</translation>
    </message>
    <message>
      <source>Only the planned time of this draft changes.</source>
      <translation>この下書きの予定日時だけが変わります。</translation>
    </message>
    <message>
      <source>Only an operator can move a post to another time.</source>
      <translation>投稿の日時を変更できるのは運用担当者だけです。</translation>
    </message>
    <message>
      <source>This post awaits approval: a new version with the new time goes to the supervisor in its place.</source>
      <translation>この投稿は承認待ちです。新しい日時の新しい版が、代わりに所属長へ送られます。</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>日</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>週</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Due now</source>
      <translation>送信待ち</translation>
    </message>
    <message>
      <source>Missed its time</source>
      <translation>予定時刻に未送信</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>送信済み</translation>
    </message>
    <message>
      <source>{time} has already passed: choose a later time.</source>
      <translation>{time} はすでに過ぎています。これより後の日時を選んでください。</translation>
    </message>
    <message>
      <source>This draft is {state}; its time cannot change.</source>
      <translation>この下書きは{state}のため、日時を変更できません。</translation>
    </message>
    <message>
      <source>This post was approved for {time}: the time is part of what was approved. Moving it sets the approval aside and sends it to the supervisor again with the new time; it does not go out until it is approved again.</source>
      <translation>この投稿は {time} の予定で承認されています。日時も承認の内容に含まれます。日時を変えると承認は取り消され、新しい日時で改めて所属長の承認を求めます。再び承認されるまで投稿されません。</translation>
    </message>
    <message>
      <source>Going out today</source>
      <translation>今日の投稿予定</translation>
    </message>
    <message>
      <source>Waiting for me</source>
      <translation>自分の対応待ち</translation>
    </message>
    <message>
      <source>Failed or needs checking</source>
      <translation>送信失敗・要確認</translation>
    </message>
    <message>
      <source>Overdue reviews</source>
      <translation>期限を過ぎた審査</translation>
    </message>
    <message>
      <source>Nothing else goes out today.</source>
      <translation>今日これから投稿される予定はありません。</translation>
    </message>
    <message>
      <source>Nothing waits for you.</source>
      <translation>対応待ちはありません。</translation>
    </message>
    <message>
      <source>No failed posts.</source>
      <translation>送信失敗の投稿はありません。</translation>
    </message>
    <message>
      <source>No review is overdue.</source>
      <translation>期限を過ぎた審査はありません。</translation>
    </message>
    <message>
      <source>Awaiting your decision</source>
      <translation>あなたの承認待ち</translation>
    </message>
    <message>
      <source>Awaiting your after-the-fact review</source>
      <translation>あなたの事後承認待ち</translation>
    </message>
    <message>
      <source>Returned to you</source>
      <translation>差戻し</translation>
    </message>
    <message>
      <source>Continuation review overdue</source>
      <translation>継続審査の期限切れ</translation>
    </message>
    <message>
      <source>After-the-fact review overdue</source>
      <translation>事後承認の期限切れ</translation>
    </message>
    <message>
      <source>planned time changed</source>
      <translation>予定日時の変更</translation>
    </message>
    <message>
      <source>sent for approval again</source>
      <translation>承認を再申請</translation>
    </message>
    <message>
      <source>approval set aside, sent for a new approval</source>
      <translation>承認を取り消し、改めて承認を申請</translation>
    </message>
    <message>
      <source>Moved draft {draft} from {before} to {after} ({outcome})</source>
      <translation>下書き {draft} の日時を {before} から {after} に変更({outcome})</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Schedule</source>
      <translation>予定</translation>
    </message>
  </context>
  <context>
    <name>CalendarScreen</name>
    <message>
      <source>Mon</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>火</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>水</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>木</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>金</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>土</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>日</translation>
    </message>
    <message>
      <source>Move to another time</source>
      <translation>日時の変更</translation>
    </message>
    <message>
      <source>&amp;New time:</source>
      <translation>新しい日時(&amp;N):</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>&amp;Day</source>
      <translation>日(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Week</source>
      <translation>週(&amp;W)</translation>
    </message>
    <message>
      <source>M&amp;onth</source>
      <translation>月(&amp;O)</translation>
    </message>
    <message>
      <source>◀ &amp;Previous</source>
      <translation>◀ 前へ(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Today</source>
      <translation>今日(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Next ▶</source>
      <translation>次へ(&amp;N) ▶</translation>
    </message>
    <message>
      <source>&amp;Move to another time…</source>
      <translation>日時を変更(&amp;M)…</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>カレンダー</translation>
    </message>
    <message>
      <source>Posts of the day</source>
      <translation>その日の投稿</translation>
    </message>
    <message>
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>When</source>
      <translation>日時</translation>
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
      <source>Select a post to move it.</source>
      <translation>日時を変更する投稿を選んでください。</translation>
    </message>
    <message>
      <source>This post cannot move</source>
      <translation>この投稿の日時は変更できません</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>時刻</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状態</translation>
    </message>
    <message>
      <source>+{count} more</source>
      <translation>ほか {count} 件</translation>
    </message>
    <message>
      <source>Today — {day}</source>
      <translation>今日 — {day}</translation>
    </message>
    <message>
      <source>{day} — posts: {count}</source>
      <translation>{day} — 投稿 {count} 件</translation>
    </message>
    <message>
      <source>Ask for a new approval?</source>
      <translation>改めて承認を求めますか?</translation>
    </message>
    <message>
      <source>{account}: {title}</source>
      <translation>{account}: {title}</translation>
    </message>
    <message>
      <source>Move and ask for approval</source>
      <translation>変更して承認を求める</translation>
    </message>
    <message>
      <source>New time: {time}</source>
      <translation>新しい日時: {time}</translation>
    </message>
  </context>
</TS>
