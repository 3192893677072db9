"""Bring documents into a corpus: web pages, PDFs, Word files, plain text and URLs read with
their metadata, multi-article exports split, reprints grouped (``pakus add``).

Modules: :mod:`~pakus.ingest.add` (the command's work), readers :mod:`~pakus.ingest.html`,
:mod:`~pakus.ingest.pdf`, :mod:`~pakus.ingest.docx`, :mod:`~pakus.ingest.urls`;
:mod:`~pakus.ingest.splitters` (multi-article exports, a registry of layouts),
:mod:`~pakus.ingest.ids`, :mod:`~pakus.ingest.reprints`, :mod:`~pakus.ingest.store` (atomic
writes) and :mod:`~pakus.ingest.text` (datelines, dates in URLs, clean-up).
"""
