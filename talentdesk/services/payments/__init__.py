"""The payment loop as the county runs it (issue 19): 在岗核验 (verification), payment batches with their 公示
(public notice) and objections, bank accounts, bank files in the bank's layout and the bank's return file, reconciled
to the fen. Money moves only through the ledger's own services (services/ledger/payments.py)."""
