"""End to end in headless Chromium: `nokrules serve` in a subprocess on a free loopback port, an inspector
pastes the findings of Kemerovo institution 1 (shared data), sees the plan table, picks a suggestion for a
line the catalog does not recognise, downloads the DOCX and it opens. Driven by Playwright with Debian's
chromium (no browser is downloaded); skipped with the reason when Chromium or Playwright is missing.
The screenshot is saved in the test's temporary directory.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import yaml

from .conftest import SHARED

CHROMIUM = os.environ.get("NOKRULES_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [  # as root in a container, with no network beyond loopback (see the machine notes)
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

try:
    from playwright.sync_api import expect, sync_playwright

    HAVE_PLAYWRIGHT = True
except ImportError:  # pragma: no cover - the dev extra installs it
    HAVE_PLAYWRIGHT = False

MISSING = (
    "нет пакета playwright (pip install -e '.[dev]')"
    if not HAVE_PLAYWRIGHT
    else f"нет Chromium ({CHROMIUM}): установите пакет Debian chromium (.ci/run это делает)"
    if not os.access(CHROMIUM, os.X_OK)
    else ""
)
if MISSING and os.environ.get("NOKRULES_REQUIRE_BROWSER") == "1":  # CI installs the browser: never skip there
    raise RuntimeError(f"браузерный тест обязателен (NOKRULES_REQUIRE_BROWSER=1), но {MISSING}")
pytestmark = pytest.mark.skipif(bool(MISSING), reason=MISSING)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nokrules.cli", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"nokrules serve не запустился: {err.decode()[-2000:]}")
        time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _institution_1() -> tuple[str, str]:
    data = yaml.safe_load((SHARED / "data" / "kemerovo-2016" / "institutions-1-27.yaml").read_text(encoding="utf-8"))
    first = data[0]
    assert first["number"] == 1
    return first["institution"], "\n".join(f"- {f}" for f in first["findings"])


def test_an_inspector_pastes_findings_picks_a_suggestion_and_downloads_the_docx(server: str, tmp_path: Path) -> None:
    name, findings = _institution_1()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="ru-RU")
            page.goto(server + "/")
            expect(page.get_by_role("heading", level=1)).to_contain_text("Проект плана по устранению недостатков")

            # the form is reachable by its labels (what a screen reader announces)
            page.get_by_label("Недостатки из протокола НОК").fill(findings + "\n- в комнатах проживает по 4 человека")
            page.get_by_label("Организация").fill(name)
            page.get_by_label("Вид организации").select_option(label="Дом ветеранов")
            page.get_by_label("Дата плана").fill("2027-01-15")
            page.get_by_role("button", name="Составить план").click()

            table = page.locator("#plan-table")
            expect(table).to_be_visible()
            expect(table).to_contain_text("I. Открытость и доступность информации")
            expect(table).to_contain_text("версию для слабовидящих по ГОСТ Р 52872-2019")  # enable_low_vision_site
            expect(table).to_contain_text("порядок подачи жалобы по вопросам качества оказания социальных услуг")
            expect(table).to_contain_text("«Электронную приёмную»")  # launch_e_reception
            expect(page.locator(".counts")).to_contain_text("Находок: 5; распознано: 4; не распознано: 1")
            page.screenshot(path=str(tmp_path / "plan.png"), full_page=True)
            assert (tmp_path / "plan.png").stat().st_size > 10_000

            # the explain trace of a row, opened from the keyboard
            why = table.locator("details").first
            why.locator("summary").focus()
            page.keyboard.press("Enter")
            expect(why).to_contain_text("слова находки")
            expect(why).to_contain_text("Правило")

            # the unrecognised line, then one click on its first suggestion redraws the plan
            unrec = page.locator(".unrecognized")
            expect(unrec).to_contain_text("в комнатах проживает по 4 человека")
            unrec.get_by_role("button", name="Выбрать: Неудовлетворительные условия проживания").click()
            expect(page.locator(".unrecognized")).to_have_count(0)
            expect(page.locator(".chosen")).to_contain_text("стр. 5")
            expect(page.locator("#plan-table")).to_contain_text("Провести обследование жилых комнат")  # the picked deficiency's measure
            expect(page.locator(".counts")).to_contain_text("не распознано: 0")
            page.screenshot(path=str(tmp_path / "plan-with-choice.png"), full_page=True)

            with page.expect_download() as info:
                page.get_by_role("button", name="Скачать DOCX (Word)").click()
            download = info.value
            assert download.suggested_filename.endswith(".docx")
            saved = tmp_path / "plan.docx"
            download.save_as(str(saved))
        finally:
            browser.close()
    document = docx.Document(str(saved))
    cells = "\n".join(cell.text for t in document.tables for row in t.rows for cell in row.cells)
    assert "версию для слабовидящих по ГОСТ Р 52872-2019" in cells
    assert "Провести обследование жилых комнат" in cells  # the picked suggestion made it into the document
    assert name.split("«")[0].strip() in "\n".join(p.text for p in document.paragraphs)
