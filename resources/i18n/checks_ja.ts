<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>target platform (x, bluesky, mastodon, threads, misskey, instagram, facebook, line, youtube); default: the platform in a JSON draft, else x</source>
      <translation>投稿先（x, bluesky, mastodon, threads, misskey, instagram, facebook, line, youtube）。省略時は JSON 下書きの指定、なければ x</translation>
    </message>
    <message>
      <source>organization profile file; without it the profile in the database is used</source>
      <translation>組織プロファイルのファイル（TOML）。省略時はデータベースのプロファイルを使用</translation>
    </message>
    <message>
      <source>output format (default: text)</source>
      <translation>出力形式（既定: text）</translation>
    </message>
    <message>
      <source>draft files: .txt (text only) or .json</source>
      <translation>下書きファイル: .txt（本文のみ）または .json</translation>
    </message>
    <message>
      <source>Cannot load the organization profile from the database: {error}</source>
      <translation>データベースから組織プロファイルを読み込めません: {error}</translation>
    </message>
    <message>
      <source>Invalid check configuration: {error}</source>
      <translation>チェック設定が不正です: {error}</translation>
    </message>
    <message>
      <source>error: {message}</source>
      <translation>エラー: {message}</translation>
    </message>
    <message>
      <source>File not found: {path}</source>
      <translation>ファイルが見つかりません: {path}</translation>
    </message>
    <message>
      <source>{path}: the draft must be a JSON object</source>
      <translation>{path}: 下書きは JSON オブジェクトでなければなりません</translation>
    </message>
    <message>
      <source>{path}: "text" must be a string</source>
      <translation>{path}: "text" は文字列でなければなりません</translation>
    </message>
    <message>
      <source>{path}: "media" must be a list</source>
      <translation>{path}: "media" はリストでなければなりません</translation>
    </message>
    <message>
      <source>{path}: media item {index}: "{field}" has the wrong type</source>
      <translation>{path}: メディア {index}: "{field}" の型が正しくありません</translation>
    </message>
    <message>
      <source>{path}: media item {index} must be an object with a "path"</source>
      <translation>{path}: メディア {index} は "path" を持つオブジェクトでなければなりません</translation>
    </message>
    <message>
      <source>Unknown platform {platform}. Valid platforms: {valid}</source>
      <translation>不明な投稿先 {platform} です。指定できる投稿先: {valid}</translation>
    </message>
    <message>
      <source>{path} is not UTF-8 text</source>
      <translation>{path} は UTF-8 のテキストではありません</translation>
    </message>
    <message>
      <source>Cannot read {path}: {error}</source>
      <translation>{path} を読み込めません: {error}</translation>
    </message>
    <message>
      <source>{path} is not valid JSON: {error}</source>
      <translation>{path} は正しい JSON ではありません: {error}</translation>
    </message>
    <message>
      <source>{path}: "platform" must be a string</source>
      <translation>{path}: "platform" は文字列でなければなりません</translation>
    </message>
    <message>
      <source>{path}: media item {index}: "kind" must be image or video</source>
      <translation>{path}: メディア {index}: "kind" は image か video でなければなりません</translation>
    </message>
    <message>
      <source>Invalid profile {path}: {error}</source>
      <translation>組織プロファイル {path} が不正です: {error}</translation>
    </message>
    <message>
      <source>{file} ({platform}: {used}/{limit})</source>
      <translation>{file}（{platform}: {used}／{limit}）</translation>
    </message>
    <message>
      <source>No findings.</source>
      <translation>指摘事項はありません。</translation>
    </message>
    <message>
      <source>This draft cannot be submitted until the findings marked to fix are fixed.</source>
      <translation>[要修正] の項目を直すまで、この下書きは申請できません。</translation>
    </message>
    <message>
      <source>media {index} ({name})</source>
      <translation>メディア {index}（{name}）</translation>
    </message>
    <message>
      <source>{block} to fix, {confirm} to confirm, {warn} notes</source>
      <translation>要修正 {block} 件、要確認 {confirm} 件、注意 {warn} 件</translation>
    </message>
    <message>
      <source>Must fix</source>
      <translation>要修正</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>要確認</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>注意</translation>
    </message>
    <message>
      <source>cannot be submitted until fixed</source>
      <translation>直すまで申請できない</translation>
    </message>
    <message>
      <source>needs a reason the supervisor sees</source>
      <translation>理由を書いて所属長に示す</translation>
    </message>
    <message>
      <source>information only</source>
      <translation>情報のみ</translation>
    </message>
    <message>
      <source>{path} is a folder, not a draft file.</source>
      <translation>{path} はフォルダーです。下書きファイルを指定してください。</translation>
    </message>
    <message>
      <source>{path} is a folder, not a file.</source>
      <translation>{path} はフォルダーです。ファイルを指定してください。</translation>
    </message>
  </context>
</TS>
