"""First-run wizard (shown once per PC user, remembered in QSettings)."""
from talentdesk.ui.wizard.wizard import FirstRunWizard, first_run, wizard_needed

__all__ = ["FirstRunWizard", "first_run", "wizard_needed"]
