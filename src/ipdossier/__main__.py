"""`python -m ipdossier` runs the command line (handy where the script is not on PATH)."""

from .cli import app

app(prog_name="ipdossier")
