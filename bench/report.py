"""The results: a table for the terminal, JSON and Markdown for the repository."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from .harness import Bench, Row


def machine() -> dict[str, object]:
    """What the figures depend on: cores, CPU model, memory, Python."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "ram_gib": round(ram / 1024**3, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def figure(row: Row) -> str:
    if row.value is None:
        return "FAILED"
    if row.unit in ("files", "queries") or abs(row.value) >= 100:
        return f"{row.value:,.0f}"
    return f"{row.value:.2f}"


def table(rows: list[Row]) -> str:
    """A Markdown table: readable in a terminal and in the README alike."""
    lines = ["| Measure | Value | Unit | Notes |", "| --- | ---: | --- | --- |"]
    lines += [f"| {r.label} | {figure(r)} | {r.unit} | {r.note} |" for r in rows]
    return "\n".join(lines)


def summary(bench: Bench, failures: list[str], seconds: float) -> dict:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_date": bench.build_date,
        "size": {
            "name": bench.size.name,
            "territories": bench.size.territories,
            "languages": bench.size.languages,
            "items_per_type": bench.size.items,
            "items": bench.size.total_items,
        },
        "machine": machine(),
        "seconds": round(seconds, 1),
        "rows": [asdict(row) for row in bench.rows.values()],
        "failures": failures,
    }


def markdown(result: dict) -> str:
    host = result["machine"]
    rows = [Row(**row) for row in result["rows"]]
    lines = [
        "# Vetrina benchmark — latest run",
        "",
        f"- Date: {result['date']} (whole run {result['seconds']} s)",
        f"- Corpus: {result['size']['name']}: {result['size']['territories']} "
        f"territories × {result['size']['languages']} languages × 6 types × "
        f"{result['size']['items_per_type']} items = {result['size']['items']:,} "
        "items",
        f"- Machine: {host['cpus']} CPUs, {host['cpu_model']}, "
        f"{host['ram_gib']} GiB RAM, Python {host['python']}",
        "",
        table(rows),
        "",
    ]
    if result["failures"]:
        lines += ["Failed steps:", ""] + [f"- {f}" for f in result["failures"]]
        lines.append("")
    return "\n".join(lines)


def write(result: dict, folder: Path) -> tuple[Path, Path]:
    """latest.json and latest.md, and a copy named after the size (medium.md,
    large.md…), so the figures of each size stay side by side."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    size = result["size"]["name"].split(",")[0]
    for name in ("latest", size):
        (folder / f"{name}.json").write_text(text)
        (folder / f"{name}.md").write_text(markdown(result), "utf-8")
    return folder / "latest.json", folder / "latest.md"
