"""The evaluation report trainers read: the comparison with the last saved report, and a
self-contained HTML page with charts (per-intent F1 bars, confusion matrix) and the errors.
No script and no outside file: it opens from disk in any browser."""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from typing import Any, Dict, List, Optional, Sequence

from bot.trainer.nlu_metrics import FALLBACK, Prediction, f1_by_intent

FIGURES = (("accuracy", "intent accuracy", True), ("macro_f1", "macro F1", True),
           ("fallback_rate", "fallback rate", False), ("out_of_scope_recall", "out-of-scope recall", True))


def details(predictions: Sequence[Prediction]) -> Dict[str, Any]:
    """What the HTML needs beyond the summary figures."""
    matrix: Dict[str, Counter] = defaultdict(Counter)
    for p in predictions:
        matrix[p.intent][p.predicted] += 1
    return {
        "f1_by_intent": {k: round(v, 4) for k, v in sorted(f1_by_intent(predictions).items())},
        "confusion": {true: dict(row) for true, row in sorted(matrix.items())},
    }


def compare(report: Dict[str, Any], previous: Optional[Dict[str, Any]]) -> List[str]:
    """One line per slice and figure: now, before, and whether it got better."""
    if not previous:
        return ["no earlier report to compare with: this one is the baseline"]
    lines = []
    for slice_name, now in report["metrics"].items():
        before = (previous.get("metrics") or {}).get(slice_name) or {}
        parts = []
        for key, label, higher_is_better in FIGURES:
            if now.get(key) is None or before.get(key) is None:
                continue
            delta = now[key] - before[key]
            verdict = "=" if abs(delta) < 0.0005 else ("better" if (delta > 0) == higher_is_better else "WORSE")
            parts.append(f"{label} {now[key]:.1%} ({delta:+.1%} {verdict})")
        lines.append(f"{slice_name}: " + "; ".join(parts))
    return lines


def _bar_chart(f1: Dict[str, float], previous: Dict[str, float]) -> str:
    row, width, label = 18, 360, 230
    height = row * len(f1) + 30
    parts = [f'<svg role="img" aria-labelledby="f1-title" width="{label + width + 90}" height="{height}" '
             f'class="chart" id="f1-chart"><title id="f1-title">F1 per intent</title>']
    for i, (intent, value) in enumerate(sorted(f1.items(), key=lambda kv: kv[1])):
        y = 20 + i * row
        colour = "#b3261e" if value < 0.7 else "#946200" if value < 0.85 else "#1d6b35"
        parts.append(f'<text x="{label - 6}" y="{y + 12}" text-anchor="end">{html.escape(intent)}</text>')
        parts.append(f'<rect class="bar" data-intent="{html.escape(intent)}" x="{label}" y="{y}" '
                     f'width="{max(1, value * width):.1f}" height="{row - 4}" fill="{colour}"/>')
        text = f"{value:.2f}"
        if intent in previous:
            text += f" ({value - previous[intent]:+.2f})"
        parts.append(f'<text x="{label + value * width + 4:.1f}" y="{y + 12}">{text}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _matrix(confusion: Dict[str, Dict[str, int]]) -> str:
    intents = sorted(set(confusion) | {p for row in confusion.values() for p in row})
    head = "".join(f'<th scope="col" class="rot"><span>{html.escape(i)}</span></th>' for i in intents)
    rows = []
    for true in sorted(confusion):
        total = sum(confusion[true].values()) or 1
        cells = []
        for predicted in intents:
            count = confusion[true].get(predicted, 0)
            share = count / total
            hue = "29,107,53" if predicted == true else "179,38,30"
            style = f"background: rgba({hue},{share:.2f})" if count else ""
            dark = " dark" if share > 0.55 else ""
            cells.append(f'<td class="cell{dark}" style="{style}" title="{html.escape(true)} → '
                         f'{html.escape(predicted)}: {count}">{count or ""}</td>')
        rows.append(f'<tr><th scope="row">{html.escape(true)}</th>{"".join(cells)}</tr>')
    return (f'<table class="matrix" id="confusion"><caption>Confusion matrix: true intent (rows) → '
            f'predicted (columns); {html.escape(FALLBACK)} = low confidence</caption>'
            f'<thead><tr><th></th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


STYLE = """
body{font-family:"Noto Sans",Arial,sans-serif;color:#333;margin:2rem;max-width:80rem}
h1{color:#26374a} table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
th[scope=row]{text-align:left;white-space:nowrap}
.better{color:#1d6b35}.worse{color:#b3261e;font-weight:bold}
.matrix td{min-width:1.6rem;font-size:.8rem}.matrix .dark{color:#fff}
.rot{height:9rem;vertical-align:bottom;padding:0}.rot span{writing-mode:vertical-rl;transform:rotate(180deg);font-size:.75rem}
.chart text{font-size:12px;fill:#333}
"""


def render_html(report: Dict[str, Any], previous: Optional[Dict[str, Any]]) -> str:
    metrics = report["metrics"]
    before_metrics = (previous or {}).get("metrics") or {}
    rows = []
    for slice_name, now in metrics.items():
        cells = [f'<th scope="row">{html.escape(slice_name)}</th><td>{now["examples"]}</td>']
        for key, _, higher_is_better in FIGURES:
            value = now.get(key)
            old = (before_metrics.get(slice_name) or {}).get(key)
            text = "n/a" if value is None else f"{value:.1%}"
            if value is not None and old is not None and abs(value - old) >= 0.0005:
                better = (value > old) == higher_is_better
                text += f' <span class="{"better" if better else "worse"}">({value - old:+.1%})</span>'
            cells.append(f"<td>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    header = "".join(f'<th scope="col">{label}</th>' for _, label, _ in FIGURES)
    errors = "".join(
        f"<tr><td>{html.escape(e['language'])}</td><th scope=\"row\">{html.escape(e['text'])}</th>"
        f"<td>{html.escape(e['true'])}</td><td>{html.escape(e['predicted'])}</td><td>{e['confidence']:.2f}</td></tr>"
        for e in report.get("errors", [])
    )
    compared = "".join(f"<li>{html.escape(line)}</li>" for line in compare(report, previous))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>NLU evaluation</title><style>{STYLE}</style></head>
<body><main>
<h1>NLU evaluation</h1>
<p>{report["train_examples"]} training and {report["held_out_examples"]} held-out examples (holdout
{report["holdout"]}, seed {report["seed"]}); split model trained in {report["training_seconds"]} s.
Accuracy and macro F1 count a fallback as wrong.</p>
<table id="summary"><thead><tr><th scope="col">slice</th><th scope="col">held out</th>{header}</tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<h2>Compared with the last report</h2><ul id="comparison">{compared}</ul>
<h2>F1 per intent</h2>{_bar_chart(report.get("f1_by_intent", {}), (previous or {}).get("f1_by_intent", {}))}
<h2>Confusion matrix</h2>{_matrix(report.get("confusion", {}))}
<h2>Held-out examples the model got wrong</h2>
<table id="errors"><thead><tr><th scope="col">lang</th><th scope="col">text</th><th scope="col">true</th>
<th scope="col">predicted</th><th scope="col">confidence</th></tr></thead><tbody>{errors}</tbody></table>
</main></body></html>
"""
