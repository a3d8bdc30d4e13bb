"""The action's pull-request comment (scripts/pr_comment.py) against a fake GitHub API.

A small HTTP server on 127.0.0.1 plays the three endpoints the script uses
(list a pull request's comments, paginated with a Link header; create one;
edit one). The body is the real `journey diff --format md` output. The
first push creates one comment; later pushes edit that same comment.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from conftest import ROOT
from test_diff import AFTER, BASE

PAGE = 2  # comments per page, small so that finding the marker needs pagination


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pr_comment", ROOT / "scripts" / "pr_comment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pr_comment"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


pr_comment = load_script()


class FakeGitHub:
    """The state behind the fake API: comments by pull request, and every request seen."""

    def __init__(self) -> None:
        self.comments: dict[int, list[dict[str, Any]]] = {}
        self.requests: list[tuple[str, str, str | None]] = []  # method, path, Authorization
        self.next_id = 1000
        self.fail_writes = False

    def add(self, pr: int, body: str) -> int:
        self.next_id += 1
        self.comments.setdefault(pr, []).append({"id": self.next_id, "body": body})
        return self.next_id


def handler_for(state: FakeGitHub, base: list[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep pytest's output clean
            pass

        def _reply(self, status: int, data: Any, link: str | None = None) -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            if link:
                self.send_header("Link", link)
            self.end_headers()
            self.wfile.write(raw)

        def _body(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length", "0"))
            data: dict[str, Any] = json.loads(self.rfile.read(length))
            return data

        def _seen(self) -> None:
            state.requests.append((self.command, self.path, self.headers.get("Authorization")))

        def do_GET(self) -> None:
            self._seen()
            found = re.fullmatch(
                r"/repos/o/r/issues/(\d+)/comments\?per_page=100(?:&page=(\d+))?", self.path
            )
            if not found:
                return self._reply(404, {"message": "Not Found"})
            pr, page = int(found.group(1)), int(found.group(2) or 1)
            comments = state.comments.get(pr, [])
            chunk = comments[(page - 1) * PAGE : page * PAGE]
            more = len(comments) > page * PAGE
            following = f"{base[0]}/repos/o/r/issues/{pr}/comments?per_page=100&page={page + 1}"
            link = f'<{following}>; rel="next"' if more else None
            return self._reply(200, chunk, link)

        def do_POST(self) -> None:
            self._seen()
            found = re.fullmatch(r"/repos/o/r/issues/(\d+)/comments", self.path)
            if not found:
                return self._reply(404, {"message": "Not Found"})
            if state.fail_writes:
                return self._reply(403, {"message": "Resource not accessible by integration"})
            number = state.add(int(found.group(1)), self._body()["body"])
            return self._reply(201, {"id": number})

        def do_PATCH(self) -> None:
            self._seen()
            found = re.fullmatch(r"/repos/o/r/issues/comments/(\d+)", self.path)
            if not found:
                return self._reply(404, {"message": "Not Found"})
            number = int(found.group(1))
            for comments in state.comments.values():
                for comment in comments:
                    if comment["id"] == number:
                        comment["body"] = self._body()["body"]
                        return self._reply(200, {"id": number})
            return self._reply(404, {"message": "Not Found"})

    return Handler


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    state = FakeGitHub()
    base: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state, base))
    base.append(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("GITHUB_API_URL", base[0])
    monkeypatch.setenv("GITHUB_TOKEN", "secret-token")
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def post(tmp_path: Path, markdown: str, pr: int = 7) -> int:
    body = tmp_path / "journey-diff.md"
    body.write_text(markdown, encoding="utf-8")
    code: int = pr_comment.main(["--repo", "o/r", "--pr", str(pr), "--body-file", str(body)])
    return code


def test_one_comment_created_then_edited_in_place(
    cli: Any, github: FakeGitHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for text in ("LGTM", "Please re-measure", "Nice", "Thanks"):  # others' comments, two pages
        github.add(7, text)
    first = cli(["diff", BASE, AFTER, "--format", "md"]).out
    assert post(tmp_path, first) == 0
    assert "created comment" in capsys.readouterr().out
    ours = [c for c in github.comments[7] if pr_comment.MARKER in c["body"]]
    assert len(github.comments[7]) == 5 and len(ours) == 1
    assert ours[0]["body"] == f"{pr_comment.MARKER}\n{first}"

    # a new push: the same comment is found (on page 3) and edited, not a second one posted
    for text in ("Another review", "One more"):
        github.add(7, text)
    second = cli(["diff", BASE, BASE, "--format", "md"]).out
    assert post(tmp_path, second) == 0
    assert f"updated comment {ours[0]['id']}" in capsys.readouterr().out
    assert len(github.comments[7]) == 7
    [again] = [c for c in github.comments[7] if pr_comment.MARKER in c["body"]]
    assert again["id"] == ours[0]["id"] and again["body"] == f"{pr_comment.MARKER}\n{second}"
    assert [m for m, _, _ in github.requests].count("POST") == 1
    assert [m for m, _, _ in github.requests].count("PATCH") == 1
    assert {auth for _, _, auth in github.requests} == {"Bearer secret-token"}


def test_other_pull_requests_are_left_alone(github: FakeGitHub, tmp_path: Path) -> None:
    other = github.add(8, f"{pr_comment.MARKER}\nold diff of PR 8")
    assert post(tmp_path, "# Journey map changes\n", pr=7) == 0
    assert github.comments[8] == [{"id": other, "body": f"{pr_comment.MARKER}\nold diff of PR 8"}]
    assert len(github.comments[7]) == 1


def test_no_diff_posts_nothing_but_clears_an_old_comment(
    github: FakeGitHub, tmp_path: Path
) -> None:
    assert post(tmp_path, "") == 0
    assert github.comments.get(7) is None
    number = github.add(7, f"{pr_comment.MARKER}\nan earlier diff")
    assert post(tmp_path, "\n") == 0
    assert github.comments[7] == [
        {"id": number, "body": f"{pr_comment.MARKER}\n{pr_comment.EMPTY}"}
    ]


def test_a_long_diff_is_cut_to_what_github_accepts() -> None:
    body = pr_comment.comment_body("x" * 200_000)
    assert len(body) <= 65_536 and body.endswith(pr_comment.TRUNCATED)


def test_an_api_error_is_one_line_and_exit_2(
    github: FakeGitHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    github.fail_writes = True
    assert post(tmp_path, "# Journey map changes\n") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HTTP 403" in err


def test_the_action_runs_the_diff_and_the_comment_script() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["inputs"]["diff-comment"]["default"] == "false"
    [step] = [s for s in action["runs"]["steps"] if s.get("name") == "journey diff comment"]
    assert "inputs.diff-comment == 'true'" in step["if"]
    assert "--format md" in step["run"] and "scripts/pr_comment.py" in step["run"]
    assert "${{" not in step["run"]  # inputs reach the shell through env only
    assert step["env"]["JOURNEY_BASE"] == "${{ github.event.pull_request.base.sha }}"
