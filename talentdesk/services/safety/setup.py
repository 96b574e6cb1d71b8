"""The first-run wizard's reads and its one write: the office's name, the second backup folder, an admin account."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from talentdesk.services.base import Change, Permission, operation
from talentdesk.services.common.settings import get_setting, set_setting
from talentdesk.services.safety.accounts import NewPassword, create_user
from talentdesk.services.talents.registry import count_talents


@dataclass(frozen=True, slots=True)
class SetupFacts:
    office_name: str
    backup_folder: str
    talent_count: int


@dataclass(frozen=True, slots=True)
class AdminAccount:
    username: str
    display_name: str
    password: "str | NewPassword"  # the window hashes it first (hash_new_password, on the no-database lane)

    def __repr__(self) -> str:  # never a password in a log line
        return f"AdminAccount({self.username!r})"


@operation(None)
def setup_facts(session: Session) -> SetupFacts:
    return SetupFacts(get_setting(session, "office_name") or "", get_setting(session, "backup_second_folder") or "",
                      count_talents(session))


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.SETTINGS, Change.USERS))
def apply_setup(session: Session, *, office_name: str, backup_folder: str, admin: AdminAccount | None) -> None:
    """All the answers in one transaction: all of them or, on any refusal, none."""
    set_setting(session, key="office_name", value=office_name)
    set_setting(session, key="backup_second_folder", value=backup_folder)
    if admin is not None:
        create_user(session, username=admin.username, password=admin.password, role="admin",
                    display_name=admin.display_name)
