"""The shipped rules profiles stand on the shipped statutes."""

from __future__ import annotations

import pytest

from casefile.law.laws import Library
from casefile.law.profiles import builtin_dir, load_profile


@pytest.mark.parametrize("name", sorted(p.stem for p in builtin_dir().glob("*.toml")))
def test_every_band_rests_on_an_article_of_the_bundled_library(name, tmp_path):
    lib = Library.for_workspace(tmp_path)  # a workspace that never imported laws
    profile = load_profile(name)
    for band in profile.get("discretion", []):
        found = lib.check(band["law"], band["article"])
        assert found.status == "ok", (name, band["law"], band["article"], found.message)


def test_audit_office_profile_holds_the_audit_law_periods_and_bands():
    p = load_profile("county-audit")
    assert p["sector"] == "审计"
    assert (p["time_limits"]["audit_notice_days"], p["time_limits"]["audit_notice_unit"]) == (3, "WD")  # 审计法§42；实施条例§56：工作日
    assert (p["time_limits"]["audit_reply_days"], p["time_limits"]["audit_reply_unit"]) == (10, "WD")  # 审计法§44；实施条例§56：工作日
    bands = {b["article"]: b for b in p["discretion"]}
    assert bands[47]["max"] == 50000 and (bands[49]["min"], bands[49]["max"], bands[49]["no_income_max"]) == (1, 5, 50000)
