"""Data safety in the window: login, idle lock, accounts, audit trail, backup/restore and checks."""
