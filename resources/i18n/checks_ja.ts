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
    <message>
      <source>Other bodies' public contacts</source>
      <translation>他機関の公開連絡先</translation>
    </message>
    <message>
      <source>Own accounts on other platforms</source>
      <translation>他サービスの自組織アカウント</translation>
    </message>
    <message>
      <source>Place names</source>
      <translation>地名</translation>
    </message>
    <message>
      <source>Officials</source>
      <translation>公職者</translation>
    </message>
  </context>
  <context>
    <name>ChecksTab</name>
    <message>
      <source>One phrase per line, found as written. A line starting with ~ is a word rule matched on morphemes, so other spellings and conjugations match too: ~私個人…反対 allows a few words in place of …, and ' !word' after it means: not in a post that contains that word.</source>
      <translation>1行に1語句。書かれたとおりに照合します。~ で始まる行は形態素で照合する語句ルールで、表記ゆれや活用の違いも一致します。~私個人…反対 の … には数語が入ってもよく、後ろに「 !語」を付けると、その語を含む投稿では一致しません。</translation>
    </message>
    <message>
      <source>Own domains, published contacts, places and officials…</source>
      <translation>自組織のドメイン・公開連絡先・地名・公職者…</translation>
    </message>
    <message>
      <source>Links to own domains and own accounts are not third-party links; published contacts are not PII; place names and officials are not personal names.</source>
      <translation>自組織のドメインとアカウントへのリンクは外部リンクではありません。公開している連絡先は個人情報ではありません。地名と公職者は個人名ではありません。</translation>
    </message>
    <message>
      <source>Illegal</source>
      <translation>法令違反</translation>
    </message>
    <message>
      <source>Personal opinion</source>
      <translation>個人的意見</translation>
    </message>
    <message>
      <source>Others' rights</source>
      <translation>他者の権利</translation>
    </message>
  </context>
  <context>
    <name>SettingsScreen</name>
    <message>
      <source>What the checks accept</source>
      <translation>チェックで問題としないもの</translation>
    </message>
    <message>
      <source>Other bodies' public contacts</source>
      <translation>他機関の公開連絡先</translation>
    </message>
    <message>
      <source>e.g. Asaka police station 048-464-0110</source>
      <translation>例：朝霞警察署 048-464-0110</translation>
    </message>
    <message>
      <source>Own accounts on other platforms</source>
      <translation>他サービスの自組織アカウント</translation>
    </message>
    <message>
      <source>Place names</source>
      <translation>地名</translation>
    </message>
    <message>
      <source>Officials</source>
      <translation>公職者</translation>
    </message>
    <message>
      <source>e.g. Mayor Taro Yamada</source>
      <translation>例：市長 山田太郎</translation>
    </message>
    <message>
      <source>Numbers and addresses of police, fire, hospitals and partner bodies are not personal data; links to the organization's own accounts are not third-party links; place names and officials in their public role are not personal names.</source>
      <translation>警察・消防・病院・協力機関の番号や連絡先は個人情報として扱いません。自組織の他サービスのアカウントへのリンクは外部リンクとして扱いません。地名と、公的な立場で登場する公職者の名前は個人名として扱いません。</translation>
    </message>
    <message>
      <source>Other bodies' public &amp;contacts:</source>
      <translation>他機関の公開連絡先(&amp;C):</translation>
    </message>
    <message>
      <source>Own accounts on other p&amp;latforms:</source>
      <translation>他サービスの自組織アカウント(&amp;L):</translation>
    </message>
    <message>
      <source>Place na&amp;mes:</source>
      <translation>地名(&amp;M):</translation>
    </message>
    <message>
      <source>&amp;Officials:</source>
      <translation>公職者(&amp;O):</translation>
    </message>
  </context>
</TS>
