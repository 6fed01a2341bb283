<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>AuditScreen</name>
    <message>
      <source>Loading…</source>
      <translation>読み込み中…</translation>
    </message>
  </context>
  <context>
    <name>DraftsScreen</name>
    <message>
      <source>Loading…</source>
      <translation>読み込み中…</translation>
    </message>
  </context>
  <context>
    <name>Screen</name>
    <message>
      <source>Loading…</source>
      <translation>読み込み中…</translation>
    </message>
  </context>
</TS>
