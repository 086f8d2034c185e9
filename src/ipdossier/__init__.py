"""ipdossier: a curated, validated dossier on Chinese IP service policy."""

__version__ = "0.1.0"
