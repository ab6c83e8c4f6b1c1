from kiosk.core.failures import FailureCounter


def test_a_source_working_again_forgives_only_its_own_failures() -> None:
    counter = FailureCounter(limit=3, window_s=600)
    assert not counter.record(0, "fingerprint")
    assert not counter.record(1, "card")
    counter.reset("card")
    assert len(counter) == 1
    assert not counter.record(2, "fingerprint")
    assert counter.record(3, "printer")
    assert counter.reached
    counter.reset()
    assert len(counter) == 0 and not counter.reached
