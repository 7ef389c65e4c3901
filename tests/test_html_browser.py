"""The HTML report in a real headless Chromium: it renders, each evidence link lands on a mark in
the right article, Arabic blocks are laid out right to left, and a screenshot is taken.

CI installs Debian's ``chromium`` (``.ci/run``); where no browser can be had the test is skipped
with the reason shown."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (apt-get install chromium)")

#: run in the page by the test only (the report itself has no script): computed directions and
#: link targets, written into the DOM for --dump-dom to show
PROBE = """<script>
for (const el of document.querySelectorAll('[lang=ar], .ar, bdi, article')) {
  el.setAttribute('data-dir', getComputedStyle(el).direction);
}
for (const a of document.querySelectorAll('a.ev')) {
  const target = document.getElementById(a.getAttribute('href').slice(1));
  const art = target && target.closest('article');
  a.setAttribute('data-target', target ? target.tagName.toLowerCase() : 'missing');
  a.setAttribute('data-in', art ? art.id : 'none');
}
document.body.setAttribute('data-probed', '1');
</script>"""


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
    return subprocess.run([BROWSER, *flags, *args], capture_output=True, text=True, timeout=120)  # type: ignore[list-item]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    a = SEEDS[0].read_text(encoding="utf-8")
    b = SEEDS[1].read_text(encoding="utf-8").replace("ثلاثة أهداف", "أربعة أهداف").replace("في بروكسل", "في روما")
    (folder / "a.txt").write_text(a, encoding="utf-8")
    (folder / "b.txt").write_text(b, encoding="utf-8")
    out = folder / "report.html"
    args = ["compare", str(folder / "a.txt"), str(folder / "b.txt"), "--model", "none", "--format", "html"]
    r = CliRunner().invoke(main, [*args, "-o", str(out), "--fail-on", "none", "--lang", "en"])
    assert r.exit_code == 0, r.output
    return out


def test_links_land_on_marks_in_the_right_article_and_arabic_is_rtl(page: Path) -> None:
    probed = page.with_name("probed.html")
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    r = chromium("--dump-dom", probed.as_uri())
    dom = r.stdout
    assert 'data-probed="1"' in dom, r.stderr[-2000:]
    links = re.findall(r'<a class="ev"[^>]*>', dom)
    assert len(links) >= 4
    for link in links:
        assert 'data-target="mark"' in link, link
        want = re.search(r'data-article="(a\d+)"', link).group(1)  # type: ignore[union-attr]
        assert f'data-in="{want}"' in link, link
    articles = re.findall(r"<article[^>]*>", dom)
    assert len(articles) == 2 and all('data-dir="rtl"' in x for x in articles)
    quotes = re.findall(r'<q class="ar"[^>]*>', dom)
    assert quotes and all('data-dir="rtl"' in q for q in quotes)
    assert 'lang="ar" data-dir="rtl"' in dom or 'data-dir="rtl"' in dom


def test_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    r = chromium(f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 20_000, r.stderr[-2000:]
    keep = ROOT / "tests" / ".artifacts"
    keep.mkdir(exist_ok=True)
    shutil.copy(shot, keep / "report.png")  # for a person to look at after the run
