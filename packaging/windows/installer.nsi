; The Windows installer of cchc-desktop (NSIS 3, built by scripts/build-windows.sh with makensis).
;
; Per user, without administrator rights: the program goes to %LOCALAPPDATA%\Programs\cchc, the
; Start-menu entry, the .cchc file association and the uninstall entry to the user's own part of the
; registry (HKCU). The user's data (%LOCALAPPDATA%\cchc: the data file, backups, keys, log) are never
; in the program folder, so installing over an older version and uninstalling both leave them alone.
;
; Defines given by the build script:
;   VERSION      the app's version (cchc_desktop.__version__), e.g. 0.1.0
;   VERSION4     the same as four numbers for the version resource, e.g. 0.1.0.0
;   SOURCE_DIR   the PyInstaller one-folder build (dist/cchc)
;   OUTFILE      the installer to write
;   SIGN_COMMAND optional: a command that signs the file given as its last argument in place
;                (the uninstaller is written during the build, so it is signed here)

!ifndef VERSION
  !error "VERSION must be defined (see scripts/build-windows.sh)"
!endif
!ifndef VERSION4
  !error "VERSION4 must be defined (see scripts/build-windows.sh)"
!endif
!ifndef SOURCE_DIR
  !error "SOURCE_DIR must be defined (see scripts/build-windows.sh)"
!endif
!ifndef OUTFILE
  !error "OUTFILE must be defined (see scripts/build-windows.sh)"
!endif

; 64-bit, Unicode. makensis otherwise builds a 32-bit stub, which a 64-bit-only Wine cannot start
; (it fails silently), and 32-bit Windows is not supported by the app anyway.
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true
RequestExecutionLevel user

!define APP_NAME "Phần mềm Cải cách hành chính cấp xã"
!define APP_SHORT "Phần mềm CCHC"
!define APP_EXE "cchc.exe"
!define PROG_ID "cchc.package"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\cchc-desktop"
!define APP_KEY "Software\cchc-desktop"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\cchc"
; An earlier installation in another folder is upgraded where it is.
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "cchc-desktop ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

!ifdef SIGN_COMMAND
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!endif

!include "MUI2.nsh"

!define MUI_ABORTWARNING
; The app's icon on the installer and the uninstaller too (the same one as in cchc.exe). The path is
; relative to this script: makensis works in the script's folder.
!define MUI_ICON "../../resources/icons/cchc.ico"
!define MUI_UNICON "../../resources/icons/cchc.ico"
; The app's name is long: give the welcome and finish titles three lines.
!define MUI_WELCOMEPAGE_TITLE_3LINES
!define MUI_FINISHPAGE_TITLE_3LINES
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "Chương trình sẽ được gỡ khỏi máy. Dữ liệu của đơn vị (tệp dữ liệu, bản sao lưu, khóa gửi gói trong thư mục $LOCALAPPDATA\cchc) được giữ nguyên."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "cchc-desktop"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "CompanyName" "cchc-desktop"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "cchc-desktop"

; Tell Explorer that file associations changed (SHCNE_ASSOCCHANGED), so .cchc files show the new handler.
!macro AssocChanged
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

; The program files of any version: removed before copying (an older version's file that this one no
; longer has must not linger) and by the uninstaller. Nothing else in the folder is touched.
!macro RemoveProgramFiles
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\cchc.exe"
  Delete "$INSTDIR\cchc-cli.exe"
!macroend

Section "install"
  SetOutPath "$INSTDIR"
  !insertmacro RemoveProgramFiles
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${APP_SHORT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "${APP_NAME}"

  ; A double-click on a package (.cchc) opens the app with the file's path as its argument.
  WriteRegStr HKCU "Software\Classes\.cchc" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\.cchc\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "Gói dữ liệu CCHC"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  !insertmacro AssocChanged

  ; Apps & features (Programs and Features) entry, for this user only.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "cchc-desktop"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  SectionGetSize 0 $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty: anything the user put there stays
  Delete "$SMPROGRAMS\${APP_SHORT}.lnk"

  ; The association, only while it is still ours.
  ReadRegStr $0 HKCU "Software\Classes\.cchc" ""
  StrCmp $0 "${PROG_ID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.cchc" ""
  DeleteRegValue HKCU "Software\Classes\.cchc\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.cchc\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.cchc"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  !insertmacro AssocChanged

  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
  ; %LOCALAPPDATA%\cchc (the user's data) is deliberately left alone.
SectionEnd
