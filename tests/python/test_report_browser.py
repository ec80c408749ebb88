"""The report as a person sees it: opened in a real headless browser (Debian's chromium, driven by
Playwright), in both languages. The screenshots are kept as test artefacts in
``report-artefacts/`` under the folder the tests run in (build/dev/tests under ctest)."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

import wijknet

from playwright import sync_api as playwright  # installed by scripts/install.sh with the test extras

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
ARTEFACTS = Path.cwd() / "report-artefacts"


@pytest.fixture(scope="module")
def browser():
    assert BROWSER, "Debian's chromium is needed for this test (scripts/install.sh installs it)"
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def open_page(browser, path):
    """The saved report opened in a new page; the lists collect its errors and requests."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_in_the_browser(browser, example, tmp_path, lang):
    path = Path(wijknet.report(example, lang=lang).save(tmp_path / f"rapport_{lang}.html"))
    page, errors, requests = open_page(browser, path)

    assert errors == []
    assert requests == [path.as_uri()]  # the file itself, nothing else
    assert page.locator("main > section").count() == 11  # nine, the example's events and its incident log
    # One map node per stakeholder present in the wave shown (T1: everyone but the T0-only one).
    frame = example.stakeholders()
    present = sum(1 for w in frame["waves"] if not w or "T1" in w)
    assert page.locator(".wave-panel.active svg .node").count() == present
    assert page.locator(".wave-panel.active").get_attribute("data-wave") == "T1"

    # Interaction: switch wave, hover a stakeholder, untick a relation, click a chain route.
    page.locator(".wave-button[data-wave='T0']").click()
    assert page.locator(".wave-panel.active").get_attribute("data-wave") == "T0"
    page.locator(".wave-button[data-wave='T1']").click()
    node = page.locator(".wave-panel.active svg .node").first
    node.hover()
    assert page.locator(".hover-box").inner_text().strip() != ""
    first_relation = page.locator(".rel-toggle").first
    relation = first_relation.get_attribute("data-relation")
    first_relation.uncheck()
    assert page.locator(f".wave-panel.active g.rel[data-relation='{relation}']").first.is_hidden()
    first_relation.check()
    page.locator(".route-button").first.click()
    assert page.locator(".wave-panel.active svg .node.route").count() >= 2

    # No person's name in what the page shows.
    text = page.inner_text("body")
    for name in frame[frame["kind"] == "person"]["name"]:
        assert name not in text

    # Names on screen are whole (wrapped, never cut off with an ellipsis); numbers and key table are for paper.
    assert "…" not in page.locator(".wave-panel.active svg").first.text_content()
    assert page.locator("table.key").is_hidden() and page.locator(".map-area text.num").first.is_hidden()

    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"report_{lang}.png"), full_page=True)
    # The print layout: every wave's map is shown, the controls are not, and it renders to A4 pages.
    page.emulate_media(media="print")
    assert page.locator(".wave-panel").nth(0).is_visible() and page.locator(".wave-panel").nth(1).is_visible()
    assert page.locator(".wave-button").first.is_hidden()
    # On paper: the legend comes before its maps, marks carry numbers, the key table names every stakeholder drawn.
    legend, first_map = page.locator(".map-area .legend").bounding_box(), page.locator(".wave-panel").first.bounding_box()
    assert legend["y"] < first_map["y"]
    assert page.locator(".map-area text.num").first.is_visible()
    assert page.locator(".map-area text.name").first.is_hidden()
    assert page.locator("table.key").is_visible()
    assert page.locator("table.key tr").count() == len(frame) + 1  # every stakeholder of either wave, and the head
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and pdf.count(b"/Type /Page") >= 9  # at least a page per section
    (ARTEFACTS / f"report_{lang}.pdf").write_bytes(pdf)
    page.close()


def test_study_report_in_the_browser(browser, example, tmp_path):
    study = wijknet.Study({
        "oost": (example, {"municipality": "Rivierstad", "neighbourhood": "Oost", "method": "samen_in_de_wijk"}),
        "west": (wijknet.without(example, ["coc_rivierstad"]),
                 {"municipality": "Rivierstad", "neighbourhood": "West", "method": "alle_kleuren"})})
    path = tmp_path / "wijken.html"
    study.report(path, lang="nl")  # saved there
    page, errors, requests = open_page(browser, path)
    assert errors == [] and requests == [path.as_uri()]
    assert page.locator("main > section").count() == 6
    # A small map per alliance, side by side (one grid row), each as wide as a third of the page or more.
    maps = page.locator(".small-maps figure")
    assert maps.count() == 2
    first, second = maps.nth(0).bounding_box(), maps.nth(1).bounding_box()
    assert first["y"] == second["y"] and first["width"] >= 300
    # The labels are hidden on the small maps; the pseudonym is in the hover title.
    assert page.locator(".small-maps svg text").first.is_hidden()
    text = page.inner_text("body")
    for name in example.stakeholders().query("kind == 'person'")["name"]:
        assert name not in text
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "study_report_nl.png"), full_page=True)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and pdf.count(b"/Type /Page") >= 6
    page.close()


def hostile_folder(tmp_path):
    """The example with text that once broke the report's page: a name holding ``<!--<script>`` (it swallowed the
    report's own script), a relation and a wave key holding a quote (the check boxes and route buttons built
    selectors from them) and a wave label with markup (the contents list showed it escaped twice)."""
    folder = tmp_path / "hostile"
    shutil.copytree(wijknet.example_path(), folder)
    for other in ("alliance.json", "alliance.graphml"):
        (folder / other).unlink()
    read = lambda name: pd.read_csv(folder / name, dtype=str, keep_default_na=False)  # noqa: E731
    waves, relations, people, ties = read("waves.csv"), read("relations.csv"), read("stakeholders.csv"), read("ties.csv")
    waves["label"] = ['T0 <i>"2021"</i> & co', 'T"1 <b>2022</b>']
    waves["key"] = waves["key"].replace({"T1": 'T"1'})
    people["waves"] = people["waves"].str.replace("T1", 'T"1')
    people.loc[people["id"] == "welzijn_rivierstad", "name"] = "Welzijn <!--<script> Rivierstad"
    ties["wave"] = ties["wave"].replace({"T1": 'T"1'})
    extra = ties[(ties["relation"] == "collaboration") & (ties["wave"] == 'T"1')].head(6).assign(relation='ad"vies')
    relations = pd.concat([relations, pd.DataFrame([{"key": 'ad"vies', "label": 'Advies "<b>"', "directed": "true"}])])
    for name, frame in (("waves.csv", waves), ("relations.csv", relations), ("stakeholders.csv", people),
                        ("ties.csv", pd.concat([ties, extra]))):
        frame.to_csv(folder / name, index=False)
    for name in ("events.csv", "incident_steps.csv", "incidents.csv", "participation.csv"):
        (folder / name).unlink()
    return folder


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_text_in_the_data_never_breaks_the_page(browser, tmp_path, lang):
    a = wijknet.read_csv_folder(hostile_folder(tmp_path))
    path = Path(wijknet.report(a, lang=lang).save(tmp_path / "rapport.html"))
    page, errors, requests = open_page(browser, path)
    assert errors == [] and requests == [path.as_uri()]
    # The report's script ran: hovering a stakeholder names it and its ties, the one with the hostile name too.
    page.locator(".wave-panel.active svg .node").first.hover()
    assert page.locator(".hover-box").inner_text().strip() != ""
    hostile = [i for i, n in enumerate(page.locator(".wave-panel.active svg .node title").all_text_contents())
               if "<!--<script>" in n]
    assert hostile, "the hostile name is on the map"
    page.locator(".wave-panel.active svg .node").nth(hostile[0]).dispatch_event("mouseenter")  # it may lie under a label
    assert page.locator(".hover-box").inner_text().startswith("Welzijn <!--<script> Rivierstad — ")
    # The check box of the relation with a quote in its key hides its ties, and shows them again.
    toggles = page.locator(".rel-toggle")
    keys = [toggles.nth(k).get_attribute("data-relation") for k in range(toggles.count())]
    toggle = toggles.nth(keys.index('ad"vies'))
    toggle.uncheck()
    shown = """() => Array.from(document.querySelectorAll('.wave-panel.active g.rel'))
        .filter(g => g.dataset.relation === 'ad"vies').map(g => g.style.display)"""
    assert page.evaluate(shown) == ["none"]
    toggle.check()
    assert page.evaluate(shown) == [""]
    # The route buttons of the wave whose key holds a quote light up their route.
    page.locator(".route-button").first.click()
    assert page.locator(".wave-panel.active svg .node.route").count() >= 2
    assert errors == []
    # The contents list shows each heading as the heading shows it (the wave label's markup as text, once).
    headings = [h.split(". ", 1)[1] for h in page.locator("main h2").all_inner_texts()]
    assert page.locator("nav li").all_inner_texts() == headings
    assert any('<i>"2021"</i> & co' in h for h in headings)
