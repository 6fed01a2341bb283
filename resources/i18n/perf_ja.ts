<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>Audit record intact and consistent with the checkpoint of entry {seq}: {count} entries after it checked, head {head}.</source>
      <translation>監査記録は改ざんされておらず、項目 {seq} のチェックポイントと一致しています: その後の {count} 件を検証しました (最新 {head})。</translation>
    </message>
    <message>
      <source>Verifying the audit record</source>
      <translation>監査記録を検証しています</translation>
    </message>
    <message>
      <source>{what}: {done} of {total} ({percent}%)</source>
      <translation>{what}: {total} 件中 {done} 件 ({percent}%)</translation>
    </message>
  </context>
</TS>
