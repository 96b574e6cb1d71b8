"""The domain: typed models, enums, value types and errors. No Qt here."""
