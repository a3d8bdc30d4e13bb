"""Post the journey diff as ONE pull-request comment, updated in place on every push.

Used by the composite action (action.yml, input `diff-comment`); docs/diff.md,
"A pull-request comment from GitHub Actions". The comment carries a hidden
marker (`<!-- journey-diff -->`): on a later push the script finds the
comment with that marker (through every page of the pull request's
comments) and edits it, so a pull request has one diff comment, never one
per push. Only the standard library is used: the action runs it with
whatever Python set up journey.

    python pr_comment.py --repo OWNER/NAME --pr 42 --body-file journey-diff.md

The token comes from $GITHUB_TOKEN, the API from $GITHUB_API_URL (GitHub
Enterprise sets it; default https://api.github.com). Exit 0 on success, 2 on
a usage or API error, with one line on stderr saying which.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MARKER = "<!-- journey-diff -->"
MAX_BODY = 65_000  # GitHub refuses comments over 65,536 characters
TRUNCATED = "\n\n… (truncated: run `journey diff` locally for the full diff)\n"
EMPTY = "No journey map changed in this pull request.\n"
_NEXT = re.compile(r'<([^>]+)>;\s*rel="next"')


class ApiError(Exception):
    """The GitHub API answered with an error (or could not be reached)."""


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    data: Any
    next_url: str | None


Transport = Callable[[str, str, dict[str, Any] | None], Response]


def http_transport(token: str) -> Transport:
    """A transport over urllib: method, URL, JSON payload -> Response."""

    def send(method: str, url: str, payload: dict[str, Any] | None) -> Response:
        body = None if payload is None else json.dumps(payload).encode("utf-8")
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        request.add_header("User-Agent", "journey-diff-comment")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                raw = answer.read()
                link = answer.headers.get("Link") or ""
                found = _NEXT.search(link)
                data = json.loads(raw) if raw else None
                return Response(answer.status, data, found.group(1) if found else None)
        except urllib.error.HTTPError as exc:
            raise ApiError(f"{method} {url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise ApiError(f"{method} {url}: {exc}") from exc

    return send


def comment_body(markdown: str) -> str:
    """The comment: the marker, then the diff (or a note that no map changed), cut to fit."""
    text = markdown.strip() + "\n" if markdown.strip() else EMPTY
    if len(text) > MAX_BODY:
        text = text[: MAX_BODY - len(TRUNCATED)] + TRUNCATED
    return f"{MARKER}\n{text}"


def find_comment(send: Transport, api: str, repo: str, pr: int) -> int | None:
    """The id of the pull request's comment that carries the marker, through every page."""
    url: str | None = f"{api}/repos/{repo}/issues/{pr}/comments?per_page=100"
    while url:
        answer = send("GET", url, None)
        for comment in answer.data or []:
            if MARKER in (comment.get("body") or ""):
                return int(comment["id"])
        url = answer.next_url
    return None


def upsert(send: Transport, api: str, repo: str, pr: int, markdown: str) -> tuple[str, int | None]:
    """Create the comment, or edit the one from an earlier push: ("created" | "updated" |
    "skipped", comment id). With no diff and no earlier comment nothing is posted."""
    existing = find_comment(send, api, repo, pr)
    if existing is None and not markdown.strip():
        return "skipped", None
    body = {"body": comment_body(markdown)}
    if existing is not None:
        send("PATCH", f"{api}/repos/{repo}/issues/comments/{existing}", body)
        return "updated", existing
    answer = send("POST", f"{api}/repos/{repo}/issues/{pr}/comments", body)
    return "created", int(answer.data["id"]) if answer.data else None


def main(argv: list[str] | None = None, send: Transport | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True, help="OWNER/NAME")
    parser.add_argument("--pr", required=True, type=int, help="pull request number")
    parser.add_argument("--body-file", required=True, type=Path, help="the Markdown diff")
    args = parser.parse_args(argv)
    api = os.environ.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    try:
        markdown = args.body_file.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"pr_comment: cannot read {args.body_file} ({exc.strerror})", file=sys.stderr)
        return 2
    transport = send or http_transport(os.environ.get("GITHUB_TOKEN", ""))
    try:
        action, number = upsert(transport, api, args.repo, args.pr, markdown)
    except ApiError as exc:
        print(f"pr_comment: {exc}", file=sys.stderr)
        return 2
    print(f"pr_comment: {action}" + (f" comment {number}" if number else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
