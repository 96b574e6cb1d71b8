"""Display names for stored codes, in the user's language (Qt-free, shared by UI, CLI and reports)."""
from __future__ import annotations

from talentdesk.domain import enums as E
from talentdesk.i18n import QT_TRANSLATE_NOOP, SUPPORTED_LANGUAGES, translate, translate_into


def _t(text: str) -> str:
    return translate("Labels", text)


_LABELS: dict[type, dict[str, str]] = {
    E.Gender: {"M": QT_TRANSLATE_NOOP("Labels", "Male"), "F": QT_TRANSLATE_NOOP("Labels", "Female")},
    E.TalentStatus: {"active": QT_TRANSLATE_NOOP("Labels", "Active"), "departed": QT_TRANSLATE_NOOP("Labels", "Departed")},
    E.Education: {"doctorate": QT_TRANSLATE_NOOP("Labels", "Doctorate"), "master": QT_TRANSLATE_NOOP("Labels", "Master's"), "bachelor": QT_TRANSLATE_NOOP("Labels", "Bachelor's"), "college": QT_TRANSLATE_NOOP("Labels", "College"),
                  "other": QT_TRANSLATE_NOOP("Labels", "Other")},
    E.Degree: {"doctor": QT_TRANSLATE_NOOP("Labels", "Doctor"), "master": QT_TRANSLATE_NOOP("Labels", "Master"), "bachelor": QT_TRANSLATE_NOOP("Labels", "Bachelor"), "none": QT_TRANSLATE_NOOP("Labels", "None")},
    E.IntroMode: {"full_time": QT_TRANSLATE_NOOP("Labels", "Full-time"), "flexible": QT_TRANSLATE_NOOP("Labels", "Flexible")},
    E.PolicyKind: {"settling": QT_TRANSLATE_NOOP("Labels", "Settling-in subsidy"), "living": QT_TRANSLATE_NOOP("Labels", "Living allowance"),
                   "house_purchase": QT_TRANSLATE_NOOP("Labels", "House purchase subsidy"), "rent": QT_TRANSLATE_NOOP("Labels", "Rent subsidy"),
                   "apartment": QT_TRANSLATE_NOOP("Labels", "Talent apartment"), "startup": QT_TRANSLATE_NOOP("Labels", "Start-up support"), "other": QT_TRANSLATE_NOOP("Labels", "Other")},
    E.PolicyLevel: {"county": QT_TRANSLATE_NOOP("Labels", "County"), "city": QT_TRANSLATE_NOOP("Labels", "City"), "province": QT_TRANSLATE_NOOP("Labels", "Province")},
    E.InstalmentMode: {"lump_sum": QT_TRANSLATE_NOOP("Labels", "Lump sum"), "monthly": QT_TRANSLATE_NOOP("Labels", "Monthly"), "yearly": QT_TRANSLATE_NOOP("Labels", "Yearly")},
    E.ClawbackRule: {"none": QT_TRANSLATE_NOOP("Labels", "None"), "pro_rata": QT_TRANSLATE_NOOP("Labels", "Pro rata"), "full": QT_TRANSLATE_NOOP("Labels", "Full")},
    E.GrantStatus: {"active": QT_TRANSLATE_NOOP("Labels", "Active"), "suspended": QT_TRANSLATE_NOOP("Labels", "Suspended"), "terminated": QT_TRANSLATE_NOOP("Labels", "Terminated"),
                    "completed": QT_TRANSLATE_NOOP("Labels", "Completed")},
    E.EntryKind: {"due": QT_TRANSLATE_NOOP("Labels", "Instalment due"), "payment": QT_TRANSLATE_NOOP("Labels", "Payment"), "reversal": QT_TRANSLATE_NOOP("Labels", "Reversal"),
                  "clawback": QT_TRANSLATE_NOOP("Labels", "Clawback"), "refund": QT_TRANSLATE_NOOP("Labels", "Refund"), "waiver": QT_TRANSLATE_NOOP("Labels", "Waiver")},
    E.PaymentStatus: {"recorded": QT_TRANSLATE_NOOP("Labels", "Recorded"), "approved": QT_TRANSLATE_NOOP("Labels", "Approved"), "paid": QT_TRANSLATE_NOOP("Labels", "Paid"), "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled")},
    E.BatchStatus: {"draft": QT_TRANSLATE_NOOP("Labels", "Draft"), "publicized": QT_TRANSLATE_NOOP("Labels", "Under public notice"),
                    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"), "sent": QT_TRANSLATE_NOOP("Labels", "Sent to the bank"),
                    "reconciled": QT_TRANSLATE_NOOP("Labels", "Reconciled"), "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled")},
    E.BatchItemStatus: {"included": QT_TRANSLATE_NOOP("Labels", "In the batch"), "withdrawn": QT_TRANSLATE_NOOP("Labels", "Taken out"),
                        "sent": QT_TRANSLATE_NOOP("Labels", "Sent to the bank"), "paid": QT_TRANSLATE_NOOP("Labels", "Paid"),
                        "failed": QT_TRANSLATE_NOOP("Labels", "Failed")},
    E.PaymentMethod: {"bank": QT_TRANSLATE_NOOP("Labels", "Bank transfer"), "cash": QT_TRANSLATE_NOOP("Labels", "Cash")},
    E.CheckInMode: {"face": QT_TRANSLATE_NOOP("Labels", "Face to face"), "phone": QT_TRANSLATE_NOOP("Labels", "Phone"), "online": QT_TRANSLATE_NOOP("Labels", "Online")},
    E.IssueTag: {"work": QT_TRANSLATE_NOOP("Labels", "Work"), "housing": QT_TRANSLATE_NOOP("Labels", "Housing"), "family": QT_TRANSLATE_NOOP("Labels", "Family"), "other": QT_TRANSLATE_NOOP("Labels", "Other")},
    E.CareKind: {"housing": QT_TRANSLATE_NOOP("Labels", "Talent apartment"), "spouse_job": QT_TRANSLATE_NOOP("Labels", "Spouse's job"), "child_school": QT_TRANSLATE_NOOP("Labels", "Child's school"),
                 "hukou": QT_TRANSLATE_NOOP("Labels", "Household registration"), "canteen": QT_TRANSLATE_NOOP("Labels", "Canteen"), "club_event": QT_TRANSLATE_NOOP("Labels", "Clubs and events"),
                 "other": QT_TRANSLATE_NOOP("Labels", "Other")},
    E.CaseStatus: {"open": QT_TRANSLATE_NOOP("Labels", "Open"), "closed": QT_TRANSLATE_NOOP("Labels", "Closed")},
    E.GrowthKind: {"arrival": QT_TRANSLATE_NOOP("Labels", "Arrival"), "training": QT_TRANSLATE_NOOP("Labels", "Training"), "appraisal": QT_TRANSLATE_NOOP("Labels", "Annual appraisal"), "award": QT_TRANSLATE_NOOP("Labels", "Award"),
                   "title": QT_TRANSLATE_NOOP("Labels", "Title gained"), "post_change": QT_TRANSLATE_NOOP("Labels", "Post change"), "important_post": QT_TRANSLATE_NOOP("Labels", "Important post"),
                   "promotion": QT_TRANSLATE_NOOP("Labels", "Promotion"), "departure": QT_TRANSLATE_NOOP("Labels", "Departure"), "other": QT_TRANSLATE_NOOP("Labels", "Other")},
    E.AppraisalGrade: {"excellent": QT_TRANSLATE_NOOP("Labels", "Excellent"), "competent": QT_TRANSLATE_NOOP("Labels", "Competent"), "basic": QT_TRANSLATE_NOOP("Labels", "Basically competent"),
                       "incompetent": QT_TRANSLATE_NOOP("Labels", "Incompetent")},
    E.EnrolmentStatus: {"enrolled": QT_TRANSLATE_NOOP("Labels", "Enrolled"), "completed": QT_TRANSLATE_NOOP("Labels", "Completed"), "dropped": QT_TRANSLATE_NOOP("Labels", "Dropped")},
    E.Role: {"admin": QT_TRANSLATE_NOOP("Labels", "Administrator"), "clerk": QT_TRANSLATE_NOOP("Labels", "Clerk"), "approver": QT_TRANSLATE_NOOP("Labels", "Approver"), "viewer": QT_TRANSLATE_NOOP("Labels", "Viewer")},
    E.AuditAction: {"insert": QT_TRANSLATE_NOOP("Labels", "Created"), "update": QT_TRANSLATE_NOOP("Labels", "Changed"), "delete": QT_TRANSLATE_NOOP("Labels", "Deleted"), "bulk": QT_TRANSLATE_NOOP("Labels", "Bulk change"),
                    "login": QT_TRANSLATE_NOOP("Labels", "Logged in"), "login_failed": QT_TRANSLATE_NOOP("Labels", "Failed login"), "logout": QT_TRANSLATE_NOOP("Labels", "Logged out"),
                    "denied": QT_TRANSLATE_NOOP("Labels", "Refused"), "export": QT_TRANSLATE_NOOP("Labels", "Exported"), "import": QT_TRANSLATE_NOOP("Labels", "Imported"), "backup": QT_TRANSLATE_NOOP("Labels", "Backed up"),
                    "restore": QT_TRANSLATE_NOOP("Labels", "Restored"), "demo": QT_TRANSLATE_NOOP("Labels", "Demo data")},
}


def label(enum: type, code: str | None) -> str:
    """The translated display name for a stored code ('' for None; the code itself if unknown)."""
    if code is None:
        return ""
    source = _LABELS.get(enum, {}).get(str(code))
    return _t(source) if source else str(code)


def choices(enum: type) -> list[tuple[str, str]]:
    """(code, display name) pairs in declaration order, for combo boxes and filters."""
    return [(e.value, label(enum, e.value)) for e in enum]


def label_spellings(enum: type) -> dict[str, tuple[str, ...]]:
    """code -> its display names in every supported language (for reading what people type)."""
    return {code: tuple(dict.fromkeys(translate_into(lang, "Labels", source) for lang in SUPPORTED_LANGUAGES))
            for code, source in _LABELS.get(enum, {}).items()}


# ------------------------------------------------------------------ punctuation of the reader's language

def join_list(items) -> str:
    """A list as the reader writes it: 优秀、合格 in Chinese, "Excellent, Competent" in English."""
    from talentdesk.i18n import current_language

    return (", " if current_language() == "en" else "、").join(str(i) for i in items)


def join_clauses(items) -> str:
    """Clauses of one line: '；' in Chinese, '; ' in English."""
    from talentdesk.i18n import current_language

    return ("; " if current_language() == "en" else "；").join(str(i) for i in items)


def labelled(name: str, value: str) -> str:
    """'name：value' in Chinese, 'name: value' in English."""
    from talentdesk.i18n import current_language

    return f"{name}: {value}" if current_language() == "en" else f"{name}：{value}"
