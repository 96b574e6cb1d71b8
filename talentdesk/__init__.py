"""TalentDesk: the county talent-work office's desktop program."""

__version__ = "0.1.0"
APP_NAME = "TalentDesk"
