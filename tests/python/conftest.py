import pytest

import wijknet


@pytest.fixture
def small():
    """agent -- welzijn (collaboration, T0); coc -> welzijn -> agent (referral, T0); buurt only in T1."""
    a = wijknet.Alliance()
    a.add_wave("T0", "T0 2021", "2021-10-01")
    a.add_wave("T1", "T1 2022", "2022-11-15")
    a.add_stakeholder("agent", "Kees", "person", roles=["wijkagent"])
    a.add_stakeholder("welzijn", roles=["social welfare work"])
    a.add_stakeholder("coc", roles=["lhbti_organisatie", "zelforganisatie"],
                      attributes={"lhbti_focus": True, "members": 120}, sensitive=["lhbti_focus"])
    a.add_stakeholder("buurt", kind="initiative", roles=["bewonersinitiatief"], waves=["T1"])
    a.add_tie("agent", "welzijn", "collaboration", "T0", 3)
    a.add_tie("coc", "welzijn", "referral", "T0")
    a.add_tie("welzijn", "agent", "referral", "T0")
    return a


@pytest.fixture(scope="session")
def example():
    return wijknet.load_example()
