"""The model from Python: the same invariants and error paths as tests/cpp/test_model.cpp."""

import math

import pandas as pd
import pytest

import wijknet


def test_exceptions_form_one_hierarchy_rooted_in_value_error():
    for cls in (wijknet.UnknownIdError, wijknet.DuplicateIdError, wijknet.InvalidValueError, wijknet.ParseError):
        assert issubclass(cls, wijknet.WijknetError)
    assert issubclass(wijknet.WijknetError, ValueError)


def test_builtin_roles_templates_relations():
    a = wijknet.Alliance()
    keys = [r["key"] for r in a.roles]
    assert keys[:3] == ["wijkagent", "welzijnswerk", "zelforganisatie"]
    assert a.role("Community Police Officer")["key"] == "wijkagent"
    assert {r["key"]: r["directed"] for r in a.relations} == {
        "collaboration": False, "information": True, "referral": True, "trust": True}
    templates = {t["key"]: t for t in a.templates}
    assert "antidiscriminatievoorziening" in templates["samen_in_de_wijk"]["recommended"]
    assert templates["alle_kleuren"]["required"] == ["kerngroep", "bewoner"]
    assert all(source for _, _, source in templates["samen_in_de_wijk"]["sources"])
    assert wijknet.Alliance(builtins=False).roles == []


def test_unknown_role_names_the_closest():
    a = wijknet.Alliance()
    with pytest.raises(wijknet.UnknownIdError, match="did you mean 'wijkagent'"):
        a.add_stakeholder("x", roles=["wijkagnt"])
    assert len(a) == 0


def test_user_roles_and_templates():
    a = wijknet.Alliance()
    a.add_role("jongerenwerk", "youth work")
    a.add_template("mini", required=["youth work"], recommended=["wijkagent"], source="our plan")
    t = [t for t in a.templates if t["key"] == "mini"][0]
    assert t["required"] == ["jongerenwerk"]
    with pytest.raises(wijknet.DuplicateIdError):
        a.add_role("Jongerenwerk")


def test_stakeholders_frame_is_keyed_by_id_and_hides_sensitive(small):
    df = small.stakeholders()
    assert list(df.index) == ["agent", "welzijn", "coc", "buurt"]
    assert df.loc["welzijn", "roles"] == ["welzijnswerk"]  # label stored as key
    assert df.loc["agent", "name"] == "Kees" and df.loc["welzijn", "name"] == "welzijn"
    assert "lhbti_focus" not in df.columns
    assert df.loc["coc", "members"] == 120
    full = small.stakeholders(include_sensitive=True)
    assert bool(full.loc["coc", "lhbti_focus"]) is True
    assert full.attrs["sensitive"] == ["lhbti_focus"]
    assert pd.isna(full.loc["agent", "members"])
    assert small.stakeholder("coc")["sensitive"] == ["lhbti_focus"]


def test_ties_frame(small):
    ties = small.ties()
    assert list(ties.columns[:5]) == ["source", "target", "relation", "wave", "weight"]
    assert len(ties) == 3
    assert ties.iloc[0].to_dict() == {"source": "agent", "target": "welzijn", "relation": "collaboration",
                                      "wave": "T0", "weight": 3.0}


@pytest.mark.parametrize(
    "edit, error, message",
    [
        (lambda a: a.add_stakeholder("coc"), wijknet.DuplicateIdError, "stakeholder 'coc' already exists"),
        (lambda a: a.add_stakeholder(""), wijknet.InvalidValueError, "non-empty id"),
        (lambda a: a.add_stakeholder("x", kind="club"), wijknet.InvalidValueError, "expected organisation"),
        (lambda a: a.add_stakeholder("x", waves=["T2"]), wijknet.UnknownIdError, "unknown wave 'T2'"),
        (lambda a: a.add_stakeholder("x", attributes={"a": [1]}), wijknet.InvalidValueError, "attribute 'a'"),
        (lambda a: a.add_stakeholder("x", sensitive=["b"]), wijknet.InvalidValueError, "attribute 'b'"),
        (lambda a: a.add_tie("agent", "nobody", "referral", "T0"), wijknet.UnknownIdError, "'nobody'"),
        (lambda a: a.add_tie("agent", "coc", "refferal", "T0"), wijknet.UnknownIdError, "did you mean 'referral'"),
        (lambda a: a.add_tie("agent", "coc", "referral", "T9"), wijknet.UnknownIdError, "unknown wave 'T9'"),
        (lambda a: a.add_tie("agent", "buurt", "trust", "T0"), wijknet.InvalidValueError,
         "'buurt' does not take part in wave 'T0'"),
        (lambda a: a.add_tie("agent", "coc", "trust", "T0", math.inf), wijknet.InvalidValueError, "finite"),
        (lambda a: a.add_tie("welzijn", "agent", "collaboration", "T0"), wijknet.DuplicateIdError,
         "collaboration tie 'welzijn' -- 'agent' in wave 'T0' already exists"),
        (lambda a: a.remove_tie("coc", "agent", "referral", "T0"), wijknet.UnknownIdError, "no referral tie"),
        (lambda a: a.remove_stakeholder("nobody"), wijknet.UnknownIdError, "unknown stakeholder 'nobody'"),
        (lambda a: a.add_event("ev", themes=["footbal"]), wijknet.UnknownIdError, "unknown theme 'footbal'"),
        (lambda a: a.add_event("ev", organisers=["kok"]), wijknet.UnknownIdError, "did you mean 'coc'"),
        (lambda a: a.add_participation("coc", "ev9"), wijknet.UnknownIdError, "unknown event 'ev9'"),
        (lambda a: a.add_relation("trust"), wijknet.DuplicateIdError, "relation 'trust' already exists"),
        (lambda a: a.add_wave("T1"), wijknet.DuplicateIdError, "wave 'T1' already exists"),
        (lambda a: a.update_stakeholder("welzijn", waves=["T1"]), wijknet.InvalidValueError, "tie in wave 'T0'"),
    ],
)
def test_rejected_edits_name_the_problem_and_change_nothing(small, edit, error, message):
    before = (small.stakeholders(include_sensitive=True).to_json(), small.ties().to_json(),
              small.events().to_json(), small.participation().to_json(), len(small.relations), len(small.waves))
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        edit(small)
    after = (small.stakeholders(include_sensitive=True).to_json(), small.ties().to_json(),
             small.events().to_json(), small.participation().to_json(), len(small.relations), len(small.waves))
    assert after == before


def test_remove_stakeholder_takes_ties_and_participation(small):
    small.add_event("ev1", "Buurtfeest", "2022-06-01", themes=["safety"], organisers=["welzijn", "coc"])
    small.add_participation("welzijn", "ev1", attributes={"as": "organiser"})
    small.add_participation("agent", "ev1")
    small.remove_stakeholder("welzijn")
    assert small.num_ties == 0
    assert small.participation()["stakeholder"].tolist() == ["agent"]
    assert small.events().loc["ev1", "organisers"] == ["coc"]
    assert small.events().loc["ev1", "themes"] == ["veiligheid"]


def test_copy_is_independent(small):
    other = small.copy()
    other.remove_stakeholder("coc")
    assert "coc" in small and "coc" not in other
    assert isinstance(other, wijknet.Alliance)


def test_numpy_and_nan_attributes(small):
    np = pytest.importorskip("numpy")
    small.add_stakeholder("n", attributes={"x": np.float64(2.5), "y": np.int64(3), "z": float("nan")})
    rec = small.stakeholder("n")["attributes"]
    assert rec == {"x": 2.5, "y": 3.0, "z": None}
