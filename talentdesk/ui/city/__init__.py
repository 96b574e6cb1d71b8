"""Windows for an office's or a city's shared database: the server form, the city roll-up."""
