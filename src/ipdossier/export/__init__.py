"""Reports from executed notebooks: HTML pages, PDF printing with the system's Chromium,
the combined dossier, and the `dossier` nbconvert exporter."""
