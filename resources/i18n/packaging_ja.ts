<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
  <context>
    <name>core</name>
    <message>
      <source>Database</source>
      <translation>データベース</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>言語</translation>
    </message>
    <message>
      <source>How late a scheduled post may still go out (minutes)</source>
      <translation>予約投稿を遅れて送信してよい時間（分）</translation>
    </message>
    <message>
      <source>Ask your IT section to correct the file; KohoGate does not start with it as it is.</source>
      <translation>情報システム担当にファイルの修正を依頼してください。このままでは KohoGate は起動しません。</translation>
    </message>
    <message>
      <source>{key} is not a known name ({known}).</source>
      <translation>{key} は既知の名前ではありません（使えるのは {known}）。</translation>
    </message>
    <message>
      <source>language must be "ja" or "en".</source>
      <translation>language は "ja" か "en" にしてください。</translation>
    </message>
    <message>
      <source>database_url must start with postgresql:// or sqlite:///.</source>
      <translation>database_url は postgresql:// または sqlite:/// で始めてください。</translation>
    </message>
    <message>
      <source>database_url contains a password. Every user can read this file: remove the password and give each user a pgpass file (%APPDATA%\postgresql\pgpass.conf, ~/.pgpass) or PGPASSWORD.</source>
      <translation>database_url にパスワードが含まれています。このファイルはすべての利用者が読めます。パスワードを削除し、各利用者の pgpass ファイル（%APPDATA%\postgresql\pgpass.conf、~/.pgpass）か PGPASSWORD で渡してください。</translation>
    </message>
    <message>
      <source>it is not UTF-8 text.</source>
      <translation>UTF-8 のテキストではありません。</translation>
    </message>
    <message>
      <source>The machine-wide configuration {path} cannot be used: {problem}</source>
      <translation>端末共通の設定ファイル {path} を使用できません: {problem}</translation>
    </message>
    <message>
      <source>{key} looks like a secret. Secrets do not belong in a file every user can read: passwords go into pgpass or PGPASSWORD, platform tokens into the OS keyring.</source>
      <translation>{key} は秘密情報のようです。すべての利用者が読めるファイルに秘密情報は置けません。パスワードは pgpass か PGPASSWORD に、SNS のトークンは OS のキーリングに保管してください。</translation>
    </message>
    <message>
      <source>{label} is locked by your IT section to {value}; {asked} cannot change it.</source>
      <translation>{label} は情報システム担当により {value} に固定されています。{asked} では変更できません。</translation>
    </message>
    <message>
      <source>only [defaults] and [locked] are known</source>
      <translation>使えるのは [defaults] と [locked] のみ</translation>
    </message>
    <message>
      <source>{key} must be a text in quotes.</source>
      <translation>{key} は引用符で囲んだ文字列にしてください。</translation>
    </message>
    <message>
      <source>The machine-wide configuration is {path}.</source>
      <translation>端末共通の設定ファイルは {path} です。</translation>
    </message>
    <message>
      <source>it cannot be read ({reason}).</source>
      <translation>読み込めません（{reason}）。</translation>
    </message>
    <message>
      <source>it is not valid TOML: {reason}</source>
      <translation>TOML として正しくありません: {reason}</translation>
    </message>
    <message>
      <source>{name} must be a table ([{name}]).</source>
      <translation>{name} はテーブル（[{name}]）にしてください。</translation>
    </message>
    <message>
      <source>{key} must be a whole number of minutes from 1 to {most}.</source>
      <translation>{key} は 1 から {most} までの整数（分）にしてください。</translation>
    </message>
    <message>
      <source>{key} is in both [defaults] and [locked].</source>
      <translation>{key} が [defaults] と [locked] の両方にあります。</translation>
    </message>
    <message>
      <source>how late a post may still go out; later ones are reported as missed (default: 60, or what the machine-wide configuration says)</source>
      <translation>投稿を遅れて送信してよい時間。これを過ぎたものは送信漏れとして報告します（既定: 60、または端末共通の設定ファイルの値）</translation>
    </message>
  </context>
  <context>
    <name>AboutDialog</name>
    <message>
      <source>Build: development (run from source)</source>
      <translation>ビルド: 開発版（ソースから実行）</translation>
    </message>
    <message>
      <source>Build: {date}</source>
      <translation>ビルド: {date}</translation>
    </message>
    <message>
      <source>About KohoGate</source>
      <translation>KohoGate について</translation>
    </message>
    <message>
      <source>Licence texts</source>
      <translation>ライセンス文</translation>
    </message>
    <message>
      <source>Approval, guideline checks and a tamper-evident record for official social-media posts.</source>
      <translation>公式 SNS 投稿の承認、ガイドライン点検、改ざんを検知できる記録。</translation>
    </message>
    <message>
      <source>Bundled components and their licences:</source>
      <translation>同梱しているコンポーネントとライセンス:</translation>
    </message>
    <message>
      <source>Licence texts:</source>
      <translation>ライセンス文:</translation>
    </message>
    <message>
      <source>{name}: {licence}</source>
      <translation>{name}: {licence}</translation>
    </message>
  </context>
  <context>
    <name>ManagedSettings</name>
    <message>
      <source>Managed by your IT section</source>
      <translation>情報システム担当が管理する設定</translation>
    </message>
    <message>
      <source>The language is locked by your IT section and cannot be changed here.</source>
      <translation>言語は情報システム担当により固定されているため、ここでは変更できません。</translation>
    </message>
    <message>
      <source>locked</source>
      <translation>固定</translation>
    </message>
    <message>
      <source>default</source>
      <translation>既定値</translation>
    </message>
    <message>
      <source>These settings come from {path}, kept by your IT section. Locked ones cannot be changed here or by any option; defaults apply until you choose otherwise.</source>
      <translation>これらの設定は情報システム担当が管理する {path} によるものです。「固定」の設定はここでもオプションでも変更できません。「既定値」は自分で選ぶまで適用されます。</translation>
    </message>
    <message>
      <source>No machine-wide configuration on this computer ({path}): nothing is managed.</source>
      <translation>この端末には端末共通の設定ファイル（{path}）がありません。管理されている設定はありません。</translation>
    </message>
    <message>
      <source>{label} ({status}):</source>
      <translation>{label}（{status}）:</translation>
    </message>
  </context>
</TS>
