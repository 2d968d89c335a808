"""Two builds of one territory never overlap: they share snapshot, state, output."""

import threading
import time

from publisher.build import BuildOptions, territory_lock


def test_a_second_build_of_a_territory_waits_for_the_first(tmp_path):
    options = BuildOptions(api="http://unused", content=tmp_path)
    events: list[str] = []
    holding = threading.Event()

    def first():
        with territory_lock(options, "lecce", events.append):
            holding.set()
            time.sleep(0.3)
            events.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait()
    with territory_lock(options, "lecce", events.append):
        events.append("second runs")
    thread.join()
    assert events == [
        "lecce: waiting for another build of it to finish…",
        "first done",
        "second runs",
    ]
    with territory_lock(options, "grecia", events.append):  # others never wait
        assert events[-1] == "second runs"
