<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <!-- Qt's own strings that Qt's qtbase_ja translation leaves in English (checked by
       tests/gui/test_qt_dialogs_ja.py). Qt's translator is installed first, so these only fill its gaps. -->
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>場所(&amp;L):</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>ファイルの種類(&amp;T):</translation>
    </message>
  </context>
</TS>
