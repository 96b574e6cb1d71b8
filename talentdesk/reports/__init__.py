"""PDF documents (ReportLab): certificates, payment rosters, pairing agreements, yearly reports. No Qt."""
