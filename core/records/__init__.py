"""Records a city can file: 文書番号, the 決裁記録 and incident report PDFs, bulk output for a period.

Every PDF is made here, without Qt (:mod:`core.records.pdf`), so the CLI and
the GUI produce the same file.
"""
