"""Developer tools (not shipped in the executable): migrations autogenerate, translation upkeep."""
