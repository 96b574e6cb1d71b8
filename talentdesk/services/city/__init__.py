"""An office's or a city's shared database on a PostgreSQL server: connecting, counties, the roll-up, moving."""
