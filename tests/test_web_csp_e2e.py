"""The Content-Security-Policy as a browser applies it (headless Chromium, the fixtures of test_web_e2e): the
page keeps its stylesheet and drafts a plan, Swagger UI at /docs renders the API, and Chromium reports no
violation on either."""

from __future__ import annotations

from .test_web_e2e import Browser, _draft, browser, pytestmark, server  # noqa: F401  (fixtures and the skip rule)


def _open(browser: Browser, url: str) -> tuple[object, list[str]]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="ru-RU")
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url)
    return page, violations


def test_the_page_keeps_its_styles_and_drafts_a_plan_under_the_policy(browser: Browser, server: str) -> None:  # noqa: F811
    page, violations = _open(browser, server + "/")
    rules = page.evaluate("Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)")  # type: ignore[attr-defined]
    assert rules > 10  # app.css loaded and applied
    _draft(page, "- нет пандуса у входа")  # type: ignore[arg-type]
    assert "пандус" in page.locator("table").first.inner_text()  # type: ignore[attr-defined]  # the plan table
    assert violations == []


def test_swagger_ui_renders_under_its_policy(browser: Browser, server: str) -> None:  # noqa: F811
    page, violations = _open(browser, server + "/docs")
    page.get_by_text("/api/plan", exact=True).first.wait_for(timeout=30_000)  # type: ignore[attr-defined]
    assert violations == []
