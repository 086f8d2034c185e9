"""`cluster.quiet` and `restore` on a server's periodic callbacks, without a cluster:
slowed only where Dask's rate is faster, the profiler stopped, all given back."""

from __future__ import annotations

from tornado.ioloop import PeriodicCallback

from ipdossier.pipeline.cluster import QUIET_MS, STOPPED, quiet, restore


class Server:
    def __init__(self, **ms):
        self.periodic_callbacks = {k: PeriodicCallback(lambda: None, v) for k, v in ms.items()}


def test_quiet_slows_what_is_faster_stops_the_profiler_and_restore_gives_it_back():
    server = Server(tick=20, monitor=5000, memory_monitor=100, heartbeat=1000, profile=10)
    pcs = server.periodic_callbacks
    pcs["profile"].is_running = lambda: True  # started, without an event loop to run on
    stopped = []
    pcs["profile"].stop = lambda: stopped.append("profile")
    pcs["profile"].start = lambda: stopped.remove("profile")
    before = quiet(server)
    assert pcs["tick"].callback_time == QUIET_MS["tick"]
    assert pcs["memory_monitor"].callback_time == QUIET_MS["memory_monitor"]
    assert pcs["monitor"].callback_time == 5000  # already slower than QUIET_MS: left
    assert pcs["heartbeat"].callback_time == 1000  # not housekeeping: the scheduler's
    assert stopped == ["profile"] and set(STOPPED) - set(pcs) == {"profile-cycle"}
    restore(server, before)
    assert {k: v.callback_time for k, v in pcs.items()} == {
        "tick": 20, "monitor": 5000, "memory_monitor": 100, "heartbeat": 1000, "profile": 10
    }
    assert stopped == []
