"""`journey site PATH... --output DIR`: a static portal of every map (docs/site.md).

DIR gets `index.html` (every map with its owner, top gaps, breaking moments
and completed value, and the ranking of stages across maps), `maps/NAME.html`
(the HTML report of each map) and, for a map inside a git repository,
`maps/NAME.history.html` (its history). Links are relative, nothing is loaded
from elsewhere, and the same maps (and commits) give the same bytes, so the
folder can be published as it is (GitHub Pages, a file share, `file://`).

DIR is written only when it is new, empty, or a site journey wrote before
(it holds the `.journey-site` marker); then the previous site's files are
replaced. Any other non-empty folder needs `--force`, which writes the site
into it and leaves its other files alone.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from journeycli.core.combined import Report, combine
from journeycli.core.errors import JourneyError, UsageError
from journeycli.core.fs import atomic_write
from journeycli.core.model import Language
from journeycli.core.settings import Settings
from journeycli.core.slug import unique_slug
from journeycli.site.pages import SitePage

MARKER = ".journey-site"
MARKER_TEXT = "This folder was written by `journey site`; it may replace index.html and maps/.\n"
MAPS = "maps"


def _prepare(directory: Path, force: bool) -> None:
    """Make DIR ready: create it, or clear a previous site, or refuse a folder that is not ours."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: is a file, not a folder", hint="name a folder for the site")
    if not directory.exists():
        try:
            directory.mkdir(parents=True)
        except OSError as exc:
            raise UsageError(f"{directory}: cannot create ({exc.strerror or exc})") from exc
    elif (directory / MARKER).is_file():
        shutil.rmtree(directory / MAPS, ignore_errors=True)
    elif any(directory.iterdir()) and not force:
        raise UsageError(
            f"{directory}: the folder is not empty and no site of journey's",
            hint="name a new or empty folder, or add --force to write the site into it",
        )
    (directory / MAPS).mkdir(exist_ok=True)
    atomic_write(directory / MARKER, MARKER_TEXT)


def _history_page(path: str) -> str | None:
    """The history page of a map in a git repository; None when git knows no commit of it."""
    from journeycli.history.formats.html import render
    from journeycli.history.run import history_of

    try:
        return render(history_of(path))
    except JourneyError:
        return None


def _nav(page: str, links: Sequence[tuple[str, str]]) -> str:
    """The page with a row of links to the rest of the site at the top of its body."""
    from html import escape

    items = " · ".join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in links)
    nav = f'<nav class="site-nav" aria-label="Site">{items}</nav>\n'
    return page.replace("<body>\n", "<body>\n" + nav, 1)


def site_language(report: Report) -> Language:
    """The maps' language when they share one, else English."""
    languages = {analysis.language for analysis in report.analyses}
    return languages.pop() if len(languages) == 1 else Language.EN


def build_site(
    paths: Sequence[str],
    output: str,
    *,
    settings: Settings | None = None,
    force: bool = False,
    history: bool = True,
) -> list[str]:
    """Write the site; returns the files written, relative to `output`, in order.

    `settings` (the configuration `journey report` reads) decides the gap
    threshold, evidence age and reference date, so the figures match the report.
    """
    from journeycli.report.formats import FORMATS
    from journeycli.report.run import ReportOptions, build_report
    from journeycli.site.index import render_index

    if "-" in paths:
        raise UsageError("a site is built from map files, not standard input (-)")
    report = build_report(paths, ReportOptions(settings=settings or Settings()))
    directory = Path(output)
    _prepare(directory, force)
    language = site_language(report)
    html = FORMATS.load("html")
    taken: set[str] = set()
    pages: list[SitePage] = []
    written: list[str] = []
    for analysis in report.analyses:
        name = Path(analysis.path).name.split(".", 1)[0]
        slug = unique_slug(name, taken, fallback="map")
        history_text = _history_page(analysis.path) if history else None
        page = SitePage(
            analysis,
            slug,
            f"{MAPS}/{slug}.html",
            f"{MAPS}/{slug}.history.html" if history_text else None,
        )
        pages.append(page)
        links = [("../index.html", index_label(language))]
        if page.history:
            links.append((f"{slug}.history.html", history_label(language)))
        text = _nav(html.render(combine([analysis]), analysis.language), links)
        atomic_write(directory / page.report, text)
        written.append(page.report)
        if history_text and page.history:
            back = [("../index.html", index_label(language)), (f"{slug}.html", map_label(language))]
            atomic_write(directory / page.history, _nav(history_text, back))
            written.append(page.history)
    atomic_write(directory / "index.html", render_index(report, pages, language))
    written.insert(0, "index.html")
    return written


def index_label(lang: Language) -> str:
    return "Alle klantreizen" if lang is Language.NL else "All journeys"


def history_label(lang: Language) -> str:
    return "Geschiedenis" if lang is Language.NL else "History"


def map_label(lang: Language) -> str:
    return "Klantreiskaart" if lang is Language.NL else "Journey map"
