; TalentDesk — per-user Windows installer (NSIS 3). No administrator rights: everything goes under the user's
; own profile. The data folder (%LOCALAPPDATA%\TalentDesk, chosen by the program through platformdirs) is never
; touched by the installer or the uninstaller, so upgrading or removing the program keeps every record.
;
; Build (the CI scripts do this; see .ci/nsis_check.sh and .github/workflows/windows.yml):
;   python installer/version_info.py nsis DIST_DIR OUT.exe build/installer-defines.nsh
;   makensis -INPUTCHARSET UTF8 -DDEFINES=build/installer-defines.nsh installer/talentdesk.nsi
; DIST_DIR is the one-folder build from build.spec (dist/TalentDesk): talentdesk.exe and talentdesk-cli.exe sharing
; _internal\, so the installed program starts without unpacking anything (the single files are the portable copy).

!ifdef TARGET_AMD64
  ; only for the installer test under Wine on a machine without 32-bit Wine (tests/delivery/test_installer_wine.py):
  ; the same script as a 64-bit installer. The shipped installer stays 32-bit, so that 32-bit Windows can start it
  ; and hear why TalentDesk cannot run there.
  Target amd64-unicode
!else
  Unicode true
!endif
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef DEFINES
  !error "Pass -DDEFINES=<file> made by installer/version_info.py (version, company, dist folder, output)"
!endif
!include "${DEFINES}"
!include "x64.nsh"
!include "WinVer.nsh"

!define APP "TalentDesk"
!define EXE "talentdesk.exe"
!define CLI "talentdesk-cli.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "© ${COMPANY}"

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_PAGE_CUSTOMFUNCTION_SHOW un.ShowKeepDataNote
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Simplified Chinese first: it is the installer's language unless Windows runs in English
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString RunNow ${LANG_SIMPCHINESE} "现在打开 TalentDesk"
LangString RunNow ${LANG_ENGLISH} "Open TalentDesk now"
LangString CloseFirst ${LANG_SIMPCHINESE} "TalentDesk 正在运行。请先关闭它，然后点击“重试”。"
LangString CloseFirst ${LANG_ENGLISH} "TalentDesk is running. Please close it, then click Retry."
LangString KeepData ${LANG_SIMPCHINESE} "只删除程序。您的数据（$LOCALAPPDATA\${APP}）会保留，重新安装后可以继续使用。"
LangString KeepData ${LANG_ENGLISH} "Only the program is removed. Your data ($LOCALAPPDATA\${APP}) is kept and is there again after a new installation."
LangString Upgrading ${LANG_SIMPCHINESE} "正在把已安装的 TalentDesk $0 升级到 ${VERSION}，数据保持不变。"
LangString Upgrading ${LANG_ENGLISH} "Upgrading the installed TalentDesk $0 to ${VERSION}; your data stays as it is."
LangString Unsupported ${LANG_SIMPCHINESE} "TalentDesk 需要 64 位的 Windows 10（1809 版或更新）或 Windows 11。$\r$\n这台电脑的系统版本太旧或是 32 位，程序无法在上面运行，安装已停止。$\r$\n请在符合要求的电脑上安装，或请单位信息管理员升级系统。"
LangString Unsupported ${LANG_ENGLISH} "TalentDesk needs 64-bit Windows 10 (version 1809 or later) or Windows 11.$\r$\nThis PC's Windows is older or 32-bit, so the program cannot run on it; nothing was installed."
LangString CliShortcut ${LANG_SIMPCHINESE} "TalentDesk 命令行"
LangString CliShortcut ${LANG_ENGLISH} "TalentDesk command line"

; Python 3.11 and Qt 6 run only on 64-bit Windows 10 1809 (build 17763) or later: refuse anything else before a
; single file is copied, with a message the clerk can act on (instead of a missing-DLL error at the first start).
!define MIN_WINDOWS_BUILD 17763

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Unsupported)" /SD IDOK
    SetErrorLevel 3
    Abort
  ${EndIf}
  ${WinVerGetBuild} $2
  ${IfNot} ${AtLeastWin10}
  ${OrIf} $2 < ${MIN_WINDOWS_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "$(Unsupported)" /SD IDOK
    SetErrorLevel 3
    Abort
  ${EndIf}
  ; an earlier installation: install over it, in the same folder (an in-place upgrade)
  ReadRegStr $0 HKCU "${UNINST_KEY}" "DisplayVersion"
  ReadRegStr $1 HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $1 != ""
  ${AndIf} ${FileExists} "$1\${EXE}"
    StrCpy $INSTDIR $1
  ${EndIf}
FunctionEnd

; Replacing a running executable fails on Windows; ask the person to close the program instead of failing half-way.
!macro WaitUntilClosed FILE
  ${If} ${FileExists} "${FILE}"
    ${Do}
      ClearErrors
      FileOpen $9 "${FILE}" a
      ${IfNot} ${Errors}
        FileClose $9
        ${Break}
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(CloseFirst)" /SD IDCANCEL IDRETRY +2
      Abort
    ${Loop}
  ${EndIf}
!macroend

Section "TalentDesk" SecMain
  SectionIn RO
  SetShellVarContext current
  ReadRegStr $0 HKCU "${UNINST_KEY}" "DisplayVersion"
  ${If} $0 != ""
    DetailPrint "$(Upgrading)"
  ${EndIf}
  !insertmacro WaitUntilClosed "$INSTDIR\${EXE}"
  !insertmacro WaitUntilClosed "$INSTDIR\${CLI}"

  SetOutPath "$INSTDIR"
  SetOverwrite on
  ; the program's own library folder is replaced whole on an upgrade, so no file of the older version stays behind
  RMDir /r "$INSTDIR\_internal"
  File "/oname=${EXE}" "${GUI_FILE}"
  File "/oname=${CLI}" "${CLI_FILE}"
  File /r "${DIST_DIR}\_internal"
  File "/oname=talentdesk.ico" "${ICON_FILE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; shortcuts carry the program's own icon (index 0 of the executable)
  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${APP} ${VERSION}"
  CreateShortCut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${APP} ${VERSION}"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortCut "$SMPROGRAMS\${APP}\$(CliShortcut).lnk" "$SYSDIR\cmd.exe" '/k "$INSTDIR\${CLI}" --help' "$INSTDIR\talentdesk.ico" 0

  ; "Apps & features" entry for this user only (HKCU: no administrator rights needed)
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${COMPANY}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Function un.ShowKeepDataNote
  ; the confirm page's text names the data folder that stays
  !insertmacro MUI_HEADER_TEXT "$(^UninstallCaption)" "$(KeepData)"
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro WaitUntilClosed "$INSTDIR\${EXE}"
  ; only the files this installer put there: the one recursive delete is the program's own _internal folder,
  ; never the data folder (%LOCALAPPDATA%\TalentDesk, beside this one)
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI}"
  Delete "$INSTDIR\talentdesk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP}\$(CliShortcut).lnk"
  RMDir "$SMPROGRAMS\${APP}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DetailPrint "$(KeepData)"
SectionEnd
