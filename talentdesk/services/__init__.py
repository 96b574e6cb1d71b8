"""Use cases: plain Python, no Qt. Each takes a Session (which carries its actor) and returns plain frozen rows.

Every write is an `@operation` declaring its permission and what kinds of data it changes; permission checks
and the audit trail live in `services.base`, once.
"""
