; Inno Setup script for selfassess: a per-user installer (no administrator rights), in Chinese
; or English, with a Start-menu entry, the .selfassess file association with its icon, and an
; uninstaller. Build on Windows after `py packaging\build.py` (see packaging\README.md):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\selfassess.iss
; The installer is written to dist\selfassess-setup-<version>.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Bundle "..\..\dist\selfassess"

[Setup]
AppId={{6F3B2C1E-58A4-4D1B-9E0C-5A7D2B8C4E91}
AppName=selfassess
AppVersion={#AppVersion}
AppVerName={cm:AppTitle} {#AppVersion}
AppPublisher=selfassess
DefaultDirName={autopf}\selfassess
DefaultGroupName={cm:AppTitle}
DisableProgramGroupPage=yes
; per-user: installs under %LOCALAPPDATA%\Programs, writes only HKEY_CURRENT_USER
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=selfassess-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\selfassess.ico
UninstallDisplayIcon={app}\selfassess-gui.exe
UninstallDisplayName={cm:AppTitle}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
; ChineseSimplified.isl ships with recent Inno Setup releases; with an older one, put the file
; from https://jrsoftware.org/files/istrans/ into Inno Setup's Languages folder
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppTitle=意识形态工作责任制自查自评
english.AppTitle=selfassess self-assessment
chinesesimplified.FileType=自查自评文件
english.FileType=selfassess self-assessment file
chinesesimplified.NotClassified=本工具仅用于非涉密信息处理。
english.NotClassified=For non-classified information only.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\selfassess-gui.exe"; Comment: "{cm:NotClassified}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\selfassess-gui.exe"; Tasks: desktopicon

[Registry]
; the .selfassess file type, for this user (HKA is HKEY_CURRENT_USER in a per-user install)
Root: HKA; Subkey: "Software\Classes\.selfassess"; ValueType: string; ValueName: ""; ValueData: "selfassess.file"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.selfassess\OpenWithProgids"; ValueType: string; ValueName: "selfassess.file"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\selfassess.file"; ValueType: string; ValueName: ""; ValueData: "{cm:FileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\selfassess.file\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\selfassess-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\selfassess.file\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\selfassess-gui.exe"" ""%1"""

[Run]
Filename: "{app}\selfassess-gui.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

; Nothing the user made is removed on uninstall: settings, backups and .selfassess files stay.
