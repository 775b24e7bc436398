"""`govbot bench`: the gateway's REST channel against a stock `rasa run`, same model, same
message mix, same machine, loopback only. Prints throughput, latency percentiles, peak
memory (RSS of every process of each side) and the ratios; also training and load times.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional

import aiohttp
import yaml

from bot.bench.ports import free_port
from bot.bench.processes import PeakMemory
from bot.bench.traffic import conversations
from bot.settings import PROJECT_ROOT
from bot.trainer.training import model_path, training_record


@dataclass
class Target:
    name: str
    url: str  # the REST webhook
    processes: List[subprocess.Popen] = field(default_factory=list)
    load_seconds: float = 0.0

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()


@dataclass
class Result:
    conversations: int
    latencies: List[float]
    errors: int
    seconds: float
    peak_rss: int

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def _env(**extra: str) -> Dict[str, str]:
    return dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
                PYTHONPATH=str(PROJECT_ROOT), **extra)


def _wait_ready(url: str, processes: List[subprocess.Popen], timeout: float, log: Path) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise RuntimeError(f"a server exited while starting: see {log}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} not ready after {timeout:.0f} s: see {log}")


def start_gateway(model: Path, folder: Path, workers: int, port: int = 0, **env: str) -> Target:
    """`port`: 0 for any free one; `env`: more settings for the gateway (GOVBOT_...)."""
    port = port or free_port()
    log = folder / "gateway.log"
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve"], cwd=PROJECT_ROOT,
        env=_env(**{"GOVBOT_PORT": str(port), "GOVBOT_MODEL": str(model),
                    "GOVBOT_DATA_DIR": str(folder / "gateway"), "TELEGRAM_BOT_TOKEN": "",
                    "GOVBOT_RATE_LIMIT_PER_MINUTE": "1000000", "GOVBOT_CLIENT_RATE_LIMIT_PER_MINUTE": "1000000",
                    "GOVBOT_ENGINE_WORKERS": str(workers), **env}),
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    name = f"gateway, {workers} engine workers" if workers else "gateway, engine in-process"
    target = Target(name, f"http://127.0.0.1:{port}/webhooks/rest/webhook", [process])
    _wait_ready(f"http://127.0.0.1:{port}/health", [process], 300, log)
    target.load_seconds = time.monotonic() - started
    return target


def start_stock_rasa(model: Path, folder: Path, name: str = "stock rasa run (REST)") -> Target:
    port, actions = free_port(), free_port()
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump({"action_endpoint": {"url": f"http://127.0.0.1:{actions}/webhook"}}))
    log = folder / "rasa.log"
    started = time.monotonic()
    action_server = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(actions), "--quiet"],
        cwd=PROJECT_ROOT, env=_env(), stdout=(folder / "actions.log").open("wb"), stderr=subprocess.STDOUT,
    )
    rasa = subprocess.Popen(
        [sys.executable, "-m", "rasa", "run", "--model", str(model), "--port", str(port),
         "--interface", "127.0.0.1", "--endpoints", str(endpoints), "--enable-api"],
        cwd=PROJECT_ROOT, env=_env(), stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    target = Target(name, f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                    [action_server, rasa])
    _wait_ready(f"http://127.0.0.1:{port}/", [action_server, rasa], 300, log)
    _wait_ready(f"http://127.0.0.1:{actions}/health", [action_server], 60, folder / "actions.log")
    target.load_seconds = time.monotonic() - started
    return target


async def drive(target: Target, count: int, concurrency: int, time_limit: float) -> Result:
    """`count` conversations from `concurrency` clients at once; each message waits for its reply."""
    latencies: List[float] = []
    errors = 0
    scripts: Iterator[List[str]] = iter(conversations(count))
    done = 0
    deadline = time.monotonic() + time_limit
    run = uuid.uuid4().hex[:6]

    async def client(http: aiohttp.ClientSession, number: int) -> None:
        nonlocal errors, done
        for index, script in enumerate(scripts):
            sender = f"bench-{run}-{number}-{index}"
            for text in script:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                try:
                    async with http.post(target.url, json={"sender": sender, "message": text}) as response:
                        body = await response.read()
                        ok = response.status == 200 and bool(json.loads(body))
                except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                    ok = False
                if ok:
                    latencies.append(time.perf_counter() - started)
                else:
                    errors += 1
            done += 1

    timeout = aiohttp.ClientTimeout(total=60)
    roots = [p.pid for p in target.processes]
    with PeakMemory(roots) as memory:
        async with aiohttp.ClientSession(timeout=timeout) as http:
            started = time.monotonic()
            await asyncio.gather(*(client(http, n) for n in range(concurrency)))
            seconds = time.monotonic() - started
    return Result(done, latencies, errors, seconds, memory.peak)


def _row(name: str, load: float, result: Result) -> str:
    return (f"{name:<27} {load:>6.1f} {result.conversations:>5} {len(result.latencies):>5} {result.errors:>6} "
            f"{result.rate:>7.1f} {result.percentile(0.5):>7.0f} {result.percentile(0.95):>7.0f} "
            f"{result.percentile(0.99):>7.0f} {result.peak_rss / 2**20:>11.1f}")


def quality(model: Path, baseline: Optional[Target]) -> List[str]:
    """Rows of both realistic sets: our model in-process, the baseline over REST."""
    from bot.trainer import citizen_eval

    rows = []
    for path in (citizen_eval.EVAL_SET, citizen_eval.EVAL_SET.with_name("citizen_questions_blind.yml")):
        if not path.exists():
            continue
        items = citizen_eval.load_items(path)
        runs = [("our model", citizen_eval.run_in_process(items, model))]
        if baseline is not None:
            runs.append((baseline.name, citizen_eval.run_over_rest(items, baseline.url.split("/webhooks")[0])))
        for name, running in runs:
            summary = citizen_eval.summarise(asyncio.run(running))
            for language in ("en", "fr"):
                s = summary[language]
                rows.append(f"{path.stem[18:] or 'development':<12} {name:<35} {language:>3} {s['n']:>4} "
                            f"{100 * s['correct_rate']:>8.1f}% {100 * s['confidently_wrong_rate']:>10.1f}% "
                            f"{100 * s['clarified_rate']:>9.1f}% {100 * s['fallback_rate']:>8.1f}%")
    return rows


def run(conversation_count: int, concurrency: int, single: int, time_limit: float,
        workers: int, model: Optional[Path] = None, baseline: bool = True) -> int:
    model = model or model_path()
    if not model.exists():
        print(f"bench: no model at {model}: run `govbot train` first", file=sys.stderr)
        return 2
    record = training_record()
    trained = json.loads(record.read_text()) if record.exists() else None
    print(f"govbot bench: {os.cpu_count()} CPUs, loopback, model {model.name}"
          + (f" (trained in {trained['seconds']:.0f} s on {trained['finished']})" if trained else
             " (training time unknown: `govbot train --force` records it)"))
    print(f"mix: {conversation_count} bilingual conversations (FAQ, fee form, greetings, out of scope, "
          f"repeats), {concurrency} at once; then {single} one at a time\n")
    header = (f"{'target':<27} {'load s':>6} {'conv':>5} {'msgs':>5} {'errors':>6} {'msg/s':>7} "
              f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'peak RSS MB':>11}")
    results: Dict[str, List[Result]] = {}
    loads: Dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="govbot-bench-") as tmp:
        starts: List[Callable[[Path, Path], Target]] = [
            functools.partial(start_gateway, workers=count) for count in sorted({0, workers})]
        starts.append(start_stock_rasa)
        if baseline:
            from bot.bench.baseline import baseline_model

            default_model = baseline_model()
            starts.append(lambda _model, folder: start_stock_rasa(
                default_model, folder, "stock rasa run, Rasa default config"))
        quality_rows: List[str] = []
        for start in starts:
            folder = Path(tmp) / f"target-{len(results)}"
            folder.mkdir()
            target = start(model, folder)
            try:
                asyncio.run(drive(target, 4, 2, time_limit))  # warm-up (each worker), not counted
                loaded = asyncio.run(drive(target, conversation_count, concurrency, time_limit))
                alone = asyncio.run(drive(target, single, 1, time_limit))
                if "default config" in target.name:
                    quality_rows = quality(model, target)
            finally:
                target.stop()
            results[target.name] = [loaded, alone]
            loads[target.name] = target.load_seconds
    print(header)
    for name, (loaded, _) in results.items():
        print(_row(name, loads[name], loaded))
    print(f"\none conversation at a time ({single} conversations):")
    print(header)
    for name, (_, alone) in results.items():
        print(_row(name, loads[name], alone))
    named = list(results.items())
    stock = results["stock rasa run (REST)"][0]
    ours = [(name, pair) for name, pair in named if name.startswith("gateway")]
    print(f"\nratio to stock (same model) at {concurrency} concurrent conversations:")
    for name, (gateway, _) in ours:
        if stock.rate:
            print(f"  {name}: {gateway.rate / stock.rate:.2f}x messages per second, "
                  f"p95 {gateway.percentile(0.95) / stock.percentile(0.95):.2f}x, "
                  f"peak memory {gateway.peak_rss / max(stock.peak_rss, 1):.2f}x")
    print("targets (issue 10): >= 4x msg/s at 20 concurrent with p95 < 250 ms; single-conversation p50 < 40 ms")
    if quality_rows:
        print("\nrealistic citizen sets (eval/, never trained on):")
        print(f"{'set':<12} {'model':<35} {'':>3} {'n':>4} {'correct':>9} {'conf.wrong':>11} {'clarified':>10} "
              f"{'fallback':>9}")
        print("\n".join(quality_rows))
    print("note: the gateway also redacts, stores every transcript line and keeps Rasa's tracker in SQLite; "
          "stock rasa run uses its default in-memory tracker store")
    return 0 if all(r.errors == 0 for pair in results.values() for r in pair) else 1

