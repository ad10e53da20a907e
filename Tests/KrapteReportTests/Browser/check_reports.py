"""Standalone report files (file://) in headless Chromium at 1280 and 390 pixels wide: no request leaves the file,
every note link has its note, charts are drawn at a readable size, and axe-core finds no violations.

    python3 check_reports.py OUT REPORT.html [REPORT.html ...]"""
import sys
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

OUT, REPORTS = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message)


def main():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=nl"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for report in REPORTS:
            for width in (1280, 390):
                name = f"{report.stem}-{width}"
                driver.set_window_size(width, 2000)
                driver.get(report.resolve().as_uri())
                if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "nl":
                    fail(f"{name}: not marked as Dutch")
                # Nothing but the file itself: no image, style sheet or script from elsewhere.
                outside = driver.execute_script(
                    "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('file:'))")
                if outside:
                    fail(f"{name}: requests outside the file: {outside[:3]}")
                for link in driver.find_elements(By.CSS_SELECTOR, "a.noot"):
                    target = link.get_attribute("href").split("#")[-1]
                    if not driver.find_elements(By.ID, target):
                        fail(f"{name}: note link to #{target} has no note")
                for svg in driver.find_elements(By.TAG_NAME, "svg"):
                    if svg.size["width"] < 300:
                        fail(f"{name}: a chart or map is drawn {svg.size} wide")
                driver.save_screenshot(str(OUT / f"{name}.png"))
                axe = Axe(driver)
                axe.inject()
                for v in axe.run()["violations"]:
                    targets = [n["target"] for n in v["nodes"]][:3]
                    fail(f"{name}: axe {v['id']} ({v['impact']}): {v['help']} at {targets}")
    finally:
        driver.quit()
    print(f"{len(REPORTS)} reports checked in Chromium at 1280 and 390 pixels")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
