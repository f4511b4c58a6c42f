; Inno Setup 6 script: Traumefokus for one Windows user, without administrator rights.
;
;   & "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 `
;       packaging\windows\traumefokus.iss                                  (PowerShell)
;
; after the one-folder bundle was built into dist\traumefokus (packaging\README.md). Writes
; dist\traumefokus-<version>-setup.exe. The program goes to %LOCALAPPDATA%\Programs\Traumefokus;
; a Start menu entry (and, if ticked, a desktop icon) start traumefokusw.exe, the program
; without a console window. Uninstalling removes the program and its entries, never the data
; (%LOCALAPPDATA%\Traumefokus: the database, its key file, settings, logs and backups).

; The program the shortcuts start: without a console window.
#define Exe "{app}\traumefokusw.exe"
#define Launch "{cm:LaunchProgram,Traumefokus}"

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; The same AppId in every version, so that a newer setup upgrades the installed program.
AppId={{361E197A-5F55-4895-A4A3-8224515D1F07}
AppName=Traumefokus
AppVersion={#AppVersion}
AppVerName=Traumefokus {#AppVersion}
AppPublisher=Traumefokus
; Per user: {autopf} is %LOCALAPPDATA%\Programs when no administrator rights are asked for.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Traumefokus
DefaultGroupName=Traumefokus
DisableProgramGroupPage=yes
DisableDirPage=auto
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=traumefokus-{#AppVersion}-setup
SetupIconFile=resources\icons\traumefokus.ico
UninstallDisplayIcon={#Exe}
UninstallDisplayName=Traumefokus
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; The program must not be running while its files are replaced or removed.
CloseApplications=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "dist\traumefokus\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs

[InstallDelete]
; An upgrade leaves nothing of the previous version's libraries behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Traumefokus"; Filename: "{#Exe}"; WorkingDir: "{app}"
Name: "{autodesktop}\Traumefokus"; Filename: "{#Exe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Offered on the last page ("Start Traumefokus"), not in a silent install.
Filename: "{#Exe}"; Description: "{#Launch}"; Flags: nowait postinstall skipifsilent
