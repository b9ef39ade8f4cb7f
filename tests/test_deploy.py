"""What a gallery deploys is checked without building it: the Dockerfile, the nginx site and the
deployment guide agree with the code. (nginx itself runs the site in tests/test_failover.py.)"""

from __future__ import annotations

import re

from conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text()
NGINX = (ROOT / "deploy" / "nginx.conf").read_text()
DEPLOY = (ROOT / "docs" / "deploy.md").read_text()


def instructions(name: str) -> list[str]:
    text = DOCKERFILE.replace("\\\n", " ")
    return [line.split(None, 1)[1] for line in text.splitlines()
            if line.split(None, 1)[:1] == [name]]


def test_the_image_is_slim_unprivileged_and_checks_its_health():
    assert instructions("FROM")[0].endswith("-slim")
    users = instructions("USER")
    assert users and users[-1] not in ("root", "0")
    health = instructions("HEALTHCHECK")
    assert health and "/_stcore/health" in health[0]
    assert "collector-guide" in instructions("CMD")[0] and '"serve"' in instructions("CMD")[0]
    assert '"0.0.0.0"' in instructions("CMD")[0]  # reachable from outside the container


def test_the_image_has_everything_the_app_reads_beside_app_py():
    copied = " ".join(instructions("COPY"))
    for needed in ("app.py", "pyproject.toml", "README.md", ".streamlit", "collector_guide",
                   "rubrics", "sample_works"):
        assert needed in copied, needed
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".git" in ignored and "tests" in ignored


def test_nginx_routes_by_cookie_upgrades_websockets_and_logs_no_visitor():
    assert "hash $cg_route consistent" in NGINX and "ip_hash" not in NGINX
    assert "proxy_set_header Upgrade $http_upgrade" in NGINX
    assert re.search(r"^\s*gzip on;", NGINX, re.M)
    fmt = re.search(r"log_format cg_private (.*?);", NGINX, re.S).group(1)
    for leak in ("$request ", "$request_uri", "$args", "$query_string", "$remote_addr",
                 "$http_referer", "$http_user_agent", "$http_cookie", "$uri"):
        assert leak not in fmt, leak
    assert re.search(r"access_log \S+ cg_private;", NGINX)
    assert "client_max_body_size" in NGINX


def test_every_setting_the_code_reads_is_documented():
    read = set()
    for path in (ROOT / "collector_guide").rglob("*.py"):
        read |= set(re.findall(r"\"(COLLECTOR_GUIDE_[A-Z_]+)\"", path.read_text()))
    assert {"COLLECTOR_GUIDE_DRAFTS", "COLLECTOR_GUIDE_DRAFT_HOURS",
            "COLLECTOR_GUIDE_LINK_KEY"} <= read
    missing = sorted(name for name in read if f"`{name}`" not in DEPLOY)
    assert not missing, f"docs/deploy.md does not explain {missing}"
