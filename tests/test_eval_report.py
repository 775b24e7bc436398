"""`govbot eval`'s report: comparison with the last one, and the HTML page with charts,
opened in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

from bot.trainer.eval_report import compare, details
from bot.trainer.nlu_eval import _report, write_reports
from bot.trainer.nlu_metrics import FALLBACK, Prediction
from tests.support.browser import browser, page  # noqa: F401


def predictions(wrong: int) -> list[Prediction]:
    """Ten examples per intent and language; `wrong` of the greet ones misread."""
    made = []
    for language in ("en", "fr"):
        for intent in ("greet", "goodbye", "out_of_scope", "passport_fees"):
            for i in range(10):
                predicted = intent
                if intent == "greet" and i < wrong:
                    predicted = "goodbye" if i % 2 else FALLBACK
                made.append(Prediction(f"<script>window.__pwned=1</script> {intent} {i}", intent,
                                       language, predicted, 0.9))
    return made


def report(wrong: int) -> dict:
    return _report(0.2, 13, 300, 12.5, predictions(wrong))


def test_details_hold_the_matrix_and_f1():
    found = details(predictions(4))
    assert found["confusion"]["greet"] == {"greet": 12, "goodbye": 4, FALLBACK: 4}
    assert found["f1_by_intent"]["passport_fees"] == 1.0
    assert found["f1_by_intent"]["greet"] < 1.0


def test_compare_says_what_got_better_or_worse():
    assert compare(report(0), None) == ["no earlier report to compare with: this one is the baseline"]
    worse = compare(report(6), report(2))
    assert worse[0].startswith("all: intent accuracy")
    assert "WORSE" in worse[0] and "fallback rate" in worse[0]
    better = compare(report(2), report(6))
    assert "WORSE" not in better[0] and "better" in better[0]


async def test_html_report_opens_with_charts_and_comparison(tmp_path: Path, page):  # noqa: F811
    path = tmp_path / "nlu_eval.json"
    write_reports(path, report(6))
    write_reports(path, report(2))  # the second run is compared with the first
    assert json.loads(path.with_suffix(".previous.json").read_text())["metrics"]["all"]["accuracy"] < \
        json.loads(path.read_text())["metrics"]["all"]["accuracy"]

    await page.goto(path.with_suffix(".html").as_uri())
    assert await page.title() == "NLU evaluation"
    summary = await page.locator("#summary tbody tr").all_inner_texts()
    assert [row.split("\t")[0] for row in summary] == ["all", "en", "fr"]
    assert "(+" in summary[0], "the accuracy gain over the last report is shown"
    assert await page.locator("#f1-chart rect.bar").count() == 4  # one bar per true intent
    greet_bar = await page.locator('#f1-chart rect.bar[data-intent="greet"]').get_attribute("width")
    fees_bar = await page.locator('#f1-chart rect.bar[data-intent="passport_fees"]').get_attribute("width")
    assert float(greet_bar) < float(fees_bar)
    assert await page.locator("#confusion tbody tr").count() == 4
    assert "better" in await page.locator("#comparison").inner_text()
    errors = await page.locator("#errors tbody tr").count()
    assert errors == 4, "2 misread greet examples per language"
    assert await page.evaluate("window.__pwned") is None, "example text is shown, never run"
    assert "<script>" in await page.locator("#errors tbody tr").first.inner_text()
