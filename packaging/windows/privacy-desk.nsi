; Privacy Desk installer for Windows (NSIS 3): `python dev.py package` on Windows.
;
; Installs the PyInstaller folder (dist\privacy-desk) for one user (no admin rights:
; %LOCALAPPDATA%\Programs\Privacy Desk) or for every user of the PC (admin:
; %ProgramFiles%\Privacy Desk), adds a Start-menu entry and an uninstaller, and
; upgrades an earlier version in place. It never touches the user's data, settings or
; case store: those live in %LOCALAPPDATA%\PrivacyDesk\privacy-desk (per user, made by
; the app), so an upgrade and an uninstall both leave them alone.
;
; Silent use (IT):
;   privacy-desk-setup-X.Y.Z.exe /S /AllUsers        per machine (elevated prompt)
;   privacy-desk-setup-X.Y.Z.exe /S /CurrentUser     per user
;   ... /D=C:\Apps\Privacy Desk                      another folder (must come last)
;   "<install dir>\uninstall.exe" /S                 remove (data stays)
; Exit code 0 = done; 2 = cancelled or refused (e.g. a newer version is installed).
;
; Defined by dev.py on the makensis command line:
;   VERSION      the package version (1.2.3 or 1.2.3rc1)
;   VI_VERSION   the same as four numbers for the file's version resource (1.2.3.0)
;   SOURCE_DIR   the frozen folder to install
;   ICON         resources\icons\privacy-desk.ico
;   OUTFILE      the installer to write
;   FAST         (optional) store without compression: CI's compile check only

Unicode true
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION | VI_VERSION | SOURCE_DIR | ICON | OUTFILE
  !error "Run through dev.py: it defines VERSION, VI_VERSION, SOURCE_DIR, ICON and OUTFILE."
!endif

!define APP_NAME "Privacy Desk"
!define APP_ID "privacy-desk"
!define PUBLISHER "PrivacyDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"

; --- per user or per machine (MultiUser.nsh: /AllUsers and /CurrentUser switches)
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_NAME}"
; An upgrade finds the earlier install's mode and folder here, and reuses them.
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include WordFunc.nsh
!include x64.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_ID}.exe"

!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Swedish"

VIProductVersion "${VI_VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
  ; Refuse to replace a newer version: its case store may already use a newer schema.
  ReadRegStr $0 SHCTX "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $0 != ""
    ${VersionCompare} "$0" "${VERSION}" $1
    ${If} $1 == 1
      MessageBox MB_ICONSTOP "${APP_NAME} $0 is installed, which is newer than ${VERSION}. \
        Nothing was changed." /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Privacy Desk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Upgrade in place: drop the old program files (never the user's data, which is
  ; not under $INSTDIR) so no library of the earlier version is left behind.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_ID}.exe"
  Delete "$INSTDIR\${APP_ID}-cli.exe"
  File /r "${SOURCE_DIR}\*"
  File "/oname=$INSTDIR\${APP_ID}.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_ID}.exe" "" \
    "$INSTDIR\${APP_ID}.ico" 0

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_ID}.ico"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S /$MultiUser.InstallMode'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_ID}.exe"
  Delete "$INSTDIR\${APP_ID}-cli.exe"
  Delete "$INSTDIR\${APP_ID}.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: files someone put there stay
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  ; %LOCALAPPDATA%\PrivacyDesk (case store, settings, logs) is the user's: kept.
SectionEnd
