<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>The text has {count} characters; the checks accept at most {limit}. Shorten it first.</source>
      <translation>本文は {count} 文字あります。チェックできるのは {limit} 文字までです。短くしてから確認してください。</translation>
    </message>
  </context>
</TS>
