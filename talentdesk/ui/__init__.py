"""Qt only: the main window, one package per tab, table models, dialogs and the background runner.

Widgets receive plain frozen rows from `services/`; they never see ORM objects or open Sessions.
"""
