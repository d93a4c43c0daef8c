"""Demo data for the Hưng Yên board: a deterministic generator of exchange-workbook rows."""
