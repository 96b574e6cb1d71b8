-- Indexes the benchmark's findings propose (see FINDINGS.md). NOT applied to the program: the owners of the
-- services add them in their migrations. `python tests/bench/profile_queries.py --db COPY` after applying this
-- file to a copy shows the effect.

-- Overview "service commitment ending": a date range inside one status, instead of every active talent
CREATE INDEX IF NOT EXISTS ix_talents_status_service_end ON talents(status, service_end_date);
-- Ledger tab: newest entries of a year by walking the index and stopping after the page (no sort of the year)
CREATE INDEX IF NOT EXISTS ix_ledger_entries_year_id ON ledger_entries(fiscal_year, id);
-- Ledger totals of a year from the index alone (kind, reversal target and amount are in the index)
CREATE INDEX IF NOT EXISTS ix_ledger_entries_year_totals ON ledger_entries(fiscal_year, kind, reverses_id, amount_fen);
-- Growth tab: newest events first by walking the index
CREATE INDEX IF NOT EXISTS ix_growth_events_date ON growth_events(event_date, id);
-- Training plan: enrolments per programme counted from the index alone
CREATE INDEX IF NOT EXISTS ix_training_enrolments_program ON training_enrolments(program_id, status, hours);
-- Statistics for the query planner: without sqlite_stat1 it guesses (and picks ix_talents_status_arrival for
-- "active and ending soon"). The program should run `PRAGMA optimize` when it closes a database.
ANALYZE;
