#!/usr/bin/env python3
"""Opens Krapte's pages in real headless Chromium and checks what a reader gets.

Usage: check_pages.py BASE_URL OUTPUT_FOLDER

For every page: it renders (a heading, a title, charts with a size), a screenshot is saved, and axe-core finds no
accessibility violations. On the explorer, the download links return exactly the table on the page, and the
filter form works without JavaScript (a choice gives a new address that shows it). The OpenAPI document passes
openapi-spec-validator, and live answers match its schemas. Exits 1 with the reasons when anything fails.
"""
import csv
import io
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, OUT = sys.argv[1].rstrip("/"), Path(sys.argv[2])
PAGES = {
    "home": "/",
    "dataset": "/datasets/demo-vacatures",
    "explorer": "/verkenner/demo-spanning?measure=OpenstaandeVacatures&Beroep=0111,0112&RegioS=AM01&van=2022KW01&tot=2024KW04",
    "kerncijfers": "/kerncijfers",
    "enquete": "/enquete/werkgeversenquete-synthetisch",
    "spanningsindicator": "/spanningsindicator",
    "monitor": "/monitor",
    "prognose": "/prognose?prognose=prognose-spanningsindicator&reeks=totaal",
    "api": "/api",
    "rapporten": "/rapporten",
    "error": "/verkenner/nope",
}
REPORTS = ["vacatures", "werkgeversenquete-ai"]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message)


def browser(language):
    """Chromium set to `language` (it sends it as Accept-Language, which Krapte follows)."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000",
                 f"--lang={language}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def fetch(path):
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")


def check_page(driver, name, path):
    driver.get(BASE + path)
    heading = driver.find_elements(By.TAG_NAME, "h1")
    if not heading or not heading[0].text.strip():
        fail(f"{name}: no heading")
    if "Krapte" not in driver.title:
        fail(f"{name}: title is {driver.title!r}")
    for svg in driver.find_elements(By.TAG_NAME, "svg"):
        if svg.size["width"] < 100 or svg.size["height"] < 50:
            fail(f"{name}: a chart is drawn {svg.size}")
    shot = OUT / f"{name}.png"
    driver.save_screenshot(str(shot))
    if not shot.exists() or shot.stat().st_size < 5000:
        fail(f"{name}: the screenshot is empty")
    axe = Axe(driver)
    axe.inject()
    for v in axe.run()["violations"]:
        targets = [n["target"] for n in v["nodes"]][:3]
        fail(f"{name}: axe {v['id']} ({v['impact']}): {v['help']} at {targets}")


def check_reports(driver):
    for report in REPORTS:
        check_report(driver, report)


def check_report(driver, report):
    """A report as a reader opens it, at 1280 and 390 pixels wide: its own style applied (the server's policy lets
    its inline style sheet through), every note linked both ways, charts readable, and axe-core finding nothing."""
    for width in (1280, 390):
        driver.set_window_size(width, 2000)
        driver.get(BASE + "/rapporten/" + report)
        name = f"rapport-{report}-{width}"
        if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "nl":
            fail(f"{name}: the report is not marked as Dutch")
        weight = driver.execute_script("return getComputedStyle(document.querySelector('.getal')).fontWeight")
        if weight not in ("600", "700", "bold"):
            fail(f"{name}: the report's style sheet is not applied (a filled-in number has weight {weight})")
        links = driver.find_elements(By.CSS_SELECTOR, "a.noot")
        if not links:
            fail(f"{name}: no note links")
        for link in links:
            target = link.get_attribute("href").split("#")[-1]
            if not driver.find_elements(By.ID, target):
                fail(f"{name}: note link to #{target} has no note")
        for svg in driver.find_elements(By.TAG_NAME, "svg"):
            if svg.size["width"] < 300:
                fail(f"{name}: a chart is drawn {svg.size} wide, too small to read")
        shot = OUT / f"{name}.png"
        driver.save_screenshot(str(shot))
        axe = Axe(driver)
        axe.inject()
        for v in axe.run()["violations"]:
            targets = [n["target"] for n in v["nodes"]][:3]
            fail(f"{name}: axe {v['id']} ({v['impact']}): {v['help']} at {targets}")
    driver.set_window_size(1280, 2000)


def dutch_label(code):
    """A CBS period code as StatLine writes it: 2024KW04 is "2024 4e kwartaal", 2024JJ00 is "2024"."""
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    year, kind, number = code[:4], code[4:6], int(code[6:])
    return {"JJ": year, "KW": f"{year} {number}e kwartaal", "HJ": f"{year} {number}e halfjaar"}.get(kind) or \
        f"{year} {months[number - 1]}"


def check_explorer(driver):
    driver.get(BASE + PAGES["explorer"])
    rows = driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
    table = {}
    for row in rows:
        cells = row.find_elements(By.CSS_SELECTOR, "th, td")
        table[cells[0].text] = [c.text for c in cells[1:]]
    href = driver.find_element(By.ID, "download-csv").get_attribute("href")
    status, kind, text = fetch(href[len(BASE):])
    if status != 200 or not kind.startswith("text/csv"):
        fail(f"explorer: the CSV link answers {status} {kind}")
    columns, count = [], 0
    for line in csv.DictReader(io.StringIO(text)):
        key = (line["Beroep"], line["RegioS"])
        if key not in columns:
            columns.append(key)
        value = float(line["value"])
        shown = f"{value:,.0f}".replace(",", ".")
        mark = {"voorlopig": "*", "nader voorlopig": "**"}.get(line["status"], "")
        cell = table.get(dutch_label(line["period"]), [None] * 9)[columns.index(key)]
        if cell != shown + mark:
            fail(f"explorer: {line['period']} {key} is {cell!r} on the page and {shown + mark!r} in the CSV")
        count += 1
    if count != sum(len(v) for v in table.values()) or count == 0:
        fail(f"explorer: the CSV has {count} values, the table {sum(len(v) for v in table.values())}")
    status, kind, text = fetch(driver.find_element(By.ID, "download-json").get_attribute("href")[len(BASE):])
    if len(json.loads(text)["observations"]) != count:
        fail("explorer: the JSON download differs from the table")
    # The CSV for Dutch Excel holds the same rows, with `;` and a decimal comma, after a byte order mark.
    standard = list(csv.reader(io.StringIO(fetch(href[len(BASE):])[2])))
    status, kind, dutch = fetch(driver.find_element(By.ID, "download-csv-nl").get_attribute("href")[len(BASE):])
    rows = list(csv.reader(io.StringIO(dutch.lstrip("\ufeff"), newline=""), delimiter=";"))
    value = standard[0].index("value") if standard else 0
    comma = [[c.replace(",", ".") if i == value else c for i, c in enumerate(r)] for r in rows]
    if not dutch.startswith("\ufeff") or comma != standard:
        fail("explorer: the CSV for Dutch Excel differs from the CSV")
    # The form works without JavaScript: choose another region and send it.
    Select(driver.find_element(By.ID, "f-RegioS")).deselect_all()
    Select(driver.find_element(By.ID, "f-RegioS")).select_by_value("AM02")
    button = driver.find_element(By.CSS_SELECTOR, "form.filters button")
    button.click()
    WebDriverWait(driver, 10).until(expected_conditions.staleness_of(button))
    if "RegioS=AM02" not in driver.current_url or "AM02" not in driver.find_element(By.ID, "permalink").get_attribute("href"):
        fail(f"explorer: the form did not lead to the new choice ({driver.current_url})")


def check_tension(driver):
    """The spanningsindicator's table sorts by a heading, one way and then the other, and leads to an occupation."""
    driver.get(BASE + PAGES["spanningsindicator"])

    def vacancies():
        rows = driver.find_elements(By.CSS_SELECTOR, "#beroepen tbody tr")
        return [float(r.find_elements(By.CSS_SELECTOR, "td")[1].text.replace(".", "").replace(",", ".")) for r in rows]

    for direction in ("descending", "ascending"):
        link = driver.find_element(By.CSS_SELECTOR, "#beroepen th a[href*='sorteer=vacatures']")
        link.click()
        WebDriverWait(driver, 10).until(expected_conditions.staleness_of(link))
        shown = vacancies()
        heading = driver.find_element(By.CSS_SELECTOR, "#beroepen th[aria-sort]")
        if len(shown) < 2 or shown != sorted(shown, reverse=direction == "descending") or "sorteer=vacatures" not in \
                heading.find_element(By.TAG_NAME, "a").get_attribute("href"):
            fail(f"spanningsindicator: sorted {direction} by vacancies the table reads {shown}")
        if heading.get_attribute("aria-sort") != direction:
            fail(f"spanningsindicator: the sorted heading says {heading.get_attribute('aria-sort')}, not {direction}")
    occupation = driver.find_element(By.CSS_SELECTOR, "#beroepen tbody th a")
    name = occupation.text
    occupation.click()
    WebDriverWait(driver, 10).until(expected_conditions.staleness_of(occupation))
    if name not in driver.find_element(By.TAG_NAME, "h1").text:
        fail(f"spanningsindicator: following {name!r} leads to {driver.find_element(By.TAG_NAME, 'h1').text!r}")


def check_outlook(driver):
    """The monitor at both widths shows each target's status in words and a progress bar a reader can see; the
    forecast page's choice of series works without JavaScript and shows its table with a status per row."""
    for width in (1280, 390):
        driver.set_window_size(width, 2000)
        driver.get(BASE + PAGES["monitor"])
        cards = driver.find_elements(By.CSS_SELECTOR, "section.target")
        if len(cards) < 4:
            fail(f"monitor at {width}: {len(cards)} target cards")
        for card in cards:
            status = card.find_elements(By.CSS_SELECTOR, ".doel-status")
            bar = card.find_elements(By.TAG_NAME, "progress")
            if not status or not status[0].text.strip():
                fail(f"monitor at {width}: a card without its status in words")
            if not bar or bar[0].size["width"] < 80:
                fail(f"monitor at {width}: a card without a visible progress bar")
        if driver.execute_script("return document.documentElement.scrollWidth") > width + 1:
            fail(f"monitor at {width}: the page is wider than the window")
    driver.set_window_size(1280, 2000)
    driver.get(BASE + PAGES["prognose"])
    choices = Select(driver.find_element(By.ID, "f-reeks"))
    option = choices.options[-1]
    value = option.get_attribute("value")
    choices.select_by_value(value)
    driver.find_element(By.ID, "f-reeks").find_element(By.XPATH, "./ancestor::form").submit()
    WebDriverWait(driver, 10).until(expected_conditions.url_contains("reeks="))
    if f"reeks={value}" not in driver.current_url:
        fail(f"prognose: choosing a series leads to {driver.current_url}")
    statuses = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "tbody td .status-prognose")]
    if not statuses or any(text != "prognose" for text in statuses):
        fail(f"prognose: the table's rows show {statuses}")


def resolve(node, components):
    if isinstance(node, dict):
        if "$ref" in node:
            return resolve(components[node["$ref"].split("/")[-1]], components)
        return {k: resolve(v, components) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(v, components) for v in node]
    return node


def check_openapi():
    import jsonschema
    from openapi_spec_validator import validate

    status, _, text = fetch("/api/v1/openapi.json")
    spec = json.loads(text)
    try:
        validate(spec)
    except Exception as error:  # the validator's own error types
        fail(f"openapi: {error}")
        return
    components = spec["components"]["schemas"]
    samples = {
        "/api/v1/datasets": ("/api/v1/datasets", "200"),
        "/api/v1/datasets/{dataset}": ("/api/v1/datasets/demo-vacatures", "200"),
        "/api/v1/datasets/{dataset}/observations": ("/api/v1/datasets/demo-vacatures/observations?measure=OpenstaandeVacatures", "200"),
        "/api/v1/indicators": ("/api/v1/indicators", "200"),
        "/api/v1/indicators/{indicator}": ("/api/v1/indicators/spanningsindicator", "200"),
        "/api/v1/indicators/{indicator}/observations": ("/api/v1/indicators/spanningsindicator/observations?RegioS=AM01", "200"),
        "/api/v1/health": ("/api/v1/health", "200"),
        "/api/v1/targets": ("/api/v1/targets", "200"),
        "/api/v1/forecasts": ("/api/v1/forecasts", "200"),
        "/api/v1/forecasts/{forecast}": ("/api/v1/forecasts/prognose-spanningsindicator", "200"),
        "/api/v1/datasets/{dataset}/observations#prognose": (
            "/api/v1/datasets/prognose-spanningsindicator/observations?measure=prognose-spanningsindicator", "200"),
    }
    for template, (path, code) in samples.items():
        schema = resolve(spec["paths"][template.split("#")[0]]["get"]["responses"][code]["content"]["application/json"]["schema"], components)
        status, _, text = fetch(path)
        try:
            jsonschema.validate(json.loads(text), schema, cls=jsonschema.Draft202012Validator)
        except jsonschema.ValidationError as error:
            fail(f"openapi: {path} does not match its schema: {error.message} at {list(error.absolute_path)}")
    try:
        fetch("/api/v1/datasets/nope")
        fail("openapi: an unknown dataset answered 200")
    except urllib.error.HTTPError as error:
        schema = resolve({"$ref": "#/components/schemas/Error"}, components)
        jsonschema.validate(json.loads(error.read()), schema, cls=jsonschema.Draft202012Validator)


def check_language(driver, language):
    """Every page is in the browser's language, as its html element says."""
    for name, path in PAGES.items():
        driver.get(BASE + path)
        lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if lang != language:
            fail(f"{name}: a browser set to {language} gets a page in {lang!r}")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    driver = browser("nl")
    try:
        check_language(driver, "nl")
        for name, path in PAGES.items():
            check_page(driver, name, path)
        check_explorer(driver)
        check_tension(driver)
        check_outlook(driver)
        check_reports(driver)
    finally:
        driver.quit()
    # A browser set to English gets every page in English, and those pass axe-core too.
    driver = browser("en-GB")
    try:
        check_language(driver, "en")
        for name, path in PAGES.items():
            check_page(driver, name + "-en", path)
    finally:
        driver.quit()
    check_openapi()
    print(f"{len(PAGES)} pages checked in Chromium in Dutch and English; screenshots in {OUT}")
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)


if __name__ == "__main__":
    main()
