"""A whole protocol at once: readers for the formats ministries publish (text, DOCX, CSV, XLSX, YAML,
JSON), the batch run that drafts one plan per institution, and the regional summary."""
