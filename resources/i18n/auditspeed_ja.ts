<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>This computer holds no pinned administrator key, so it cannot tell a genuine checkpoint from one signed with a key written into the database. Verify on an administrator's terminal.</source>
      <translation>このコンピューターには固定（ピン留め）された管理者の鍵がないため、本物のチェックポイントと、データベースに書き込まれた鍵で署名されたものとを見分けられません。管理者の端末で検証してください。</translation>
    </message>
    <message>
      <source>The key that signed the checkpoint is not trusted on this computer: it is not pinned here, not registered with the signature of a pinned administrator key, or it was revoked.</source>
      <translation>チェックポイントに署名した鍵は、このコンピューターでは信頼されていません。ここで固定されておらず、固定された管理者の鍵の署名付きで登録されてもいないか、失効しています。</translation>
    </message>
    <message>
      <source>The audit record changed while it was checked. Try again.</source>
      <translation>確認している間に監査記録が変わりました。もう一度実行してください。</translation>
    </message>
    <message>
      <source>The audit record is broken, so no checkpoint was signed. {summary}</source>
      <translation>監査記録が壊れているため、チェックポイントに署名しませんでした。{summary}</translation>
    </message>
  </context>
</TS>
