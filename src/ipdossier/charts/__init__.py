"""Figure builders: each takes a notebook Context and returns a plotly Figure.

One module per chapter topic. Builders read only through `ipdossier.derive`, label in
the run's language through `ipdossier.i18n`, and draw qualifiers honestly: a lower bound
or an approximation never looks like an exact value.
"""
