"""Variants: the parameter sets a build turns into reports.

A params file (YAML) may give
  defaults:  values for every variant
  variants:  a list of {name?, param: value, ...}
  matrix:    {param: [values...], ...}, expanded to every combination
  cluster:   a Dask scheduler's address (tcp://HOST:8786) to build the variants on
Without a file there is one variant, "default", with the notebooks' own defaults.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import VariantError


@dataclass(frozen=True)
class Variant:
    name: str
    params: dict

    @property
    def slug(self) -> str:
        return re.sub(r"[^A-Za-z0-9_.-]+", "-", self.name).strip("-") or "variant"


def _auto_name(params: dict) -> str:
    return "-".join(str(v) for v in params.values()) if params else "default"


def load_variants(path: Path | None) -> list[Variant]:
    if path is None:
        return [Variant("default", {})]
    import yaml  # here: a build without a params file (and its no-op check) does without

    from ..params import RunParameters, YamlLoader

    try:
        doc = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YamlLoader)
    except FileNotFoundError as exc:
        raise VariantError(f"{path}: params file not found") from exc
    except yaml.YAMLError as exc:
        raise VariantError(f"{path}: not valid YAML: {exc}") from exc
    if doc is None:
        raise VariantError(f"{path}: the params file is empty")
    if not isinstance(doc, dict):
        raise VariantError(f"{path}: expected a mapping with 'variants', 'matrix' or 'defaults'")
    unknown = set(doc) - {"defaults", "variants", "matrix", "cluster"}
    if unknown:
        raise VariantError(
            f"{path}: unknown key(s) {', '.join(sorted(unknown))}; "
            "use 'defaults', 'variants', 'matrix' and/or 'cluster'"
        )
    defaults = doc.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise VariantError(f"{path}: 'defaults' must be a mapping of parameter: value")
    variants: list[Variant] = []
    for i, entry in enumerate(doc.get("variants") or [], start=1):
        if not isinstance(entry, dict):
            raise VariantError(f"{path}: variant {i} must be a mapping of parameter: value")
        entry = dict(entry)
        name = str(entry.pop("name", "")) or None
        params = {**defaults, **entry}
        variants.append(Variant(name or _auto_name(entry), params))
    matrix = doc.get("matrix") or {}
    if matrix:
        if not isinstance(matrix, dict) or not all(
            isinstance(v, list) and v for v in matrix.values()
        ):
            raise VariantError(f"{path}: 'matrix' must map each parameter to a non-empty list")
        keys = list(matrix)
        for combo in itertools.product(*(matrix[k] for k in keys)):
            chosen = dict(zip(keys, combo, strict=True))
            variants.append(Variant(_auto_name(chosen), {**defaults, **chosen}))
    if not variants:
        variants = [Variant("default", dict(defaults))]
    seen: dict[str, int] = {}
    for v in variants:
        seen[v.slug] = seen.get(v.slug, 0) + 1
    for v in variants:
        # A variant's slug is a folder of the run: '.' or '..' would write into the run's
        # parent (reports/.staging/), and a leading dot hides it from `ls` and the manifest.
        if v.slug.startswith("."):
            raise VariantError(
                f"{path}: variant name {v.name!r} cannot name a folder of the run "
                "(its folder name would be {v.slug!r}); use letters, digits, '-' or '_', "
                "not starting with '.'".replace("{v.slug!r}", repr(v.slug))
            )
    dupes = [s for s, n in seen.items() if n > 1]
    if dupes:
        raise VariantError(f"{path}: variant name(s) used more than once: {', '.join(dupes)}")
    for v in variants:
        # The run parameters' names, types and ranges, named by file and variant before
        # anything starts (event_id once the data package is checked; other names a
        # notebook declares when each notebook's parameters are validated).
        own = {k: val for k, val in v.params.items() if k in RunParameters.names()}
        RunParameters.check(own, where=f"{path}, variant {v.name}", data=False)
    return variants


def cluster_address(path: Path | None) -> str | None:
    """The `cluster:` a params file names, if any."""
    if path is None:
        return None
    import yaml

    from ..params import YamlLoader

    try:
        doc = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YamlLoader)
    except (OSError, yaml.YAMLError):
        return None  # load_variants reports an unreadable file
    value = doc.get("cluster") if isinstance(doc, dict) else None
    if value is not None and not isinstance(value, str):
        raise VariantError(f"{path}: 'cluster' must be an address such as tcp://HOST:8786")
    return value
