; Inno Setup 6 definition of the KohoGate installer (per machine).
;
;   ISCC /DAppVersion=0.1.0 packaging\windows\kohogate.iss   → dist\KohoGate-0.1.0-setup.exe
;
; Input: dist\kohogate\ from `uv run python tools/build.py` on Windows.
; Silent install for group policy / SCCM / Intune (needs administrator rights):
;   KohoGate-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG=C:\Windows\Temp\kohogate-setup.log
; Silent uninstall:
;   "C:\Program Files\KohoGate\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; What it does:
;   - installs the bundle into C:\Program Files\KohoGate (fixed: the scheduled task names that path);
;   - Start-menu shortcuts: KohoGate, and KohoGate (English);
;   - writes %PROGRAMDATA%\KohoGate\kohogate.toml from the template once (never overwritten, never
;     removed by uninstall: it is IT's file). Created by the installer, i.e. by an administrator, so
;     ordinary users can read it but not change it;
;   - registers the task \KohoGate\publish-due (packaging\windows\publish-due.xml): every 5 minutes,
;     for whichever member of Users is logged on, in their session so their keyring holds the
;     credentials; removed on uninstall;
;   - registers the task \KohoGate\notify-send (packaging\windows\notify-send.xml) the same way: the
;     notification outbox is sent where no window is open (the mail password is in that user's keyring).
; Not run on this project's Linux CI: see README, "Windows".

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define SourceDir "..\..\dist\kohogate"

[Setup]
AppId={{5B0E7A61-3C2D-4E43-9C55-6B1D3F0A9E27}
AppName=KohoGate
AppVerName=KohoGate {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=KohoGate team
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\KohoGate
DisableDirPage=yes
DefaultGroupName=KohoGate
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=KohoGate-{#AppVersion}-setup
SetupIconFile=kohogate.ico
UninstallDisplayIcon={app}\kohogate.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Dirs]
Name: "{commonappdata}\KohoGate"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "publish-due.xml"; DestDir: "{app}\setup"; Flags: ignoreversion
Source: "notify-send.xml"; DestDir: "{app}\setup"; Flags: ignoreversion
Source: "..\kohogate.toml.example"; DestDir: "{commonappdata}\KohoGate"; Flags: ignoreversion
Source: "..\kohogate.toml.example"; DestDir: "{commonappdata}\KohoGate"; DestName: "kohogate.toml"; \
    Flags: onlyifdoesntexist uninsneveruninstall

[Icons]
Name: "{autoprograms}\KohoGate\KohoGate"; Filename: "{app}\kohogate.exe"; WorkingDir: "{app}"
Name: "{autoprograms}\KohoGate\KohoGate (English)"; Filename: "{app}\kohogate.exe"; Parameters: "--lang en"; \
    WorkingDir: "{app}"

[Run]
; PowerShell's Register-ScheduledTask reads the XML as a string (schtasks /XML is strict about encodings).
Filename: "{sys}\WindowsPowerShell\v1.0\powershell.exe"; \
    Parameters: "-NoProfile -ExecutionPolicy Bypass -Command ""Register-ScheduledTask -TaskPath '\KohoGate\' -TaskName 'publish-due' -Xml (Get-Content -Raw -LiteralPath '{app}\setup\publish-due.xml') -Force | Out-Null"""; \
    Flags: runhidden waituntilterminated; StatusMsg: "Registering the scheduled task…"
Filename: "{sys}\WindowsPowerShell\v1.0\powershell.exe"; \
    Parameters: "-NoProfile -ExecutionPolicy Bypass -Command ""Register-ScheduledTask -TaskPath '\KohoGate\' -TaskName 'notify-send' -Xml (Get-Content -Raw -LiteralPath '{app}\setup\notify-send.xml') -Force | Out-Null"""; \
    Flags: runhidden waituntilterminated; StatusMsg: "Registering the scheduled task…"

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /TN ""\KohoGate\publish-due"" /F"; Flags: runhidden; \
    RunOnceId: "DeletePublishDueTask"
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /TN ""\KohoGate\notify-send"" /F"; Flags: runhidden; \
    RunOnceId: "DeleteNotifySendTask"
