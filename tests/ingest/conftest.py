"""Documents the ingest tests make themselves: invented stories (no article text is copied),
HTML pages, PDFs (fpdf2), Word files (python-docx), exports, and a local web server."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import random
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import docx
import pytest
from fpdf import FPDF

_SUBJECTS = ["The finance ministry", "A provincial governor", "The coast guard", "An envoy",
             "The trade commission", "A senior engineer", "The water board", "A harbour pilot",
             "The auditor", "A railway inspector", "The census office", "A customs officer"]  # fmt: skip
_VERBS = ["reviewed", "questioned", "approved", "postponed", "audited", "inspected",
          "extended", "revised", "welcomed", "criticised", "published", "withdrew"]  # fmt: skip
_OBJECTS = ["the grain reserve plan", "a bridge repair contract", "the fishing quota",
            "a school meals budget", "the port dredging schedule", "a weather station survey",
            "the textile tariff list", "a rail timetable", "the flood barrier design",
            "a vaccine cold chain", "the tax filing portal", "a solar farm lease"]  # fmt: skip
_ENDINGS = ["after a long meeting", "before the winter session", "despite local objections",
            "with little notice", "on the advice of auditors", "following a site visit",
            "at the request of farmers", "in a brief statement", "for the third time",
            "during a morning hearing", "without giving reasons", "as the deadline passed"]  # fmt: skip


def story(seed: int, sentences: int = 14) -> list[str]:
    """Invented sentences (deterministic in ``seed``), e.g. one paragraph each."""
    rng = random.Random(seed)
    out = []
    for _ in range(sentences):
        n = rng.randint(2, 97)
        out.append(f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
                   f"{rng.choice(_ENDINGS)}, and {n} officials {rng.choice(_VERBS)} "
                   f"{rng.choice(_OBJECTS)}.")  # fmt: skip
    return out


def html_page(title: str, paragraphs: list[str], head: str = "", lang: str = "en") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Contact us. Terms of use.</footer></body></html>"
    )


def meta_head(site: str, author: str, published: str, url: str = "") -> str:
    head = (
        f'<meta property="og:site_name" content="{site}"><meta name="author" content="{author}">'
        f'<meta property="article:published_time" content="{published}">'
    )
    return head + (f'<link rel="canonical" href="{url}">' if url else "")


def pdf_bytes(pages: list[list[str]], header: str = "", title: str = "", author: str = "",
              created: dt.datetime | None = None, password: str = "") -> bytes:  # fmt: skip
    """A PDF with one page per list of paragraphs, a running header and a ``Page N`` footer."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if created:
        pdf.set_creation_date(created)
    if password:
        pdf.set_encryption(owner_password="owner-secret", user_password=password)
    for n, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        if header:
            pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
        for p in paragraphs:
            pdf.multi_cell(0, 6, p, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_y(-20)
        pdf.cell(0, 8, f"Page {n} of {len(pages)}")
    return bytes(pdf.output())


def image_pdf_bytes() -> bytes:
    """A PDF whose only page is a picture (no text layer), as a scan is."""
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 200, 200)).save(picture, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=150)
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[tuple[str, str]], title_property: str = "") -> bytes:
    """A .docx with (style, text) paragraphs; style '' for Normal."""
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style or None)
    if title_property:
        document.core_properties.title = title_property
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


EXPORT_ARTICLES = [
    ("Harbour dredging plan approved", "The Coastal Ledger", "March 5, 2019 Tuesday",
     "Byline: Amina Qureshi", 101),
    ("Grain reserve audit delayed", "Valley Evening Post", "April 11, 2019 Thursday 8:15 AM EST",
     "", 102),
    ("Rail timetable: revised again", "The Coastal Ledger", "May 2, 2019",
     "Byline: By Tom Reyes", 103),
]  # fmt: skip


def export_lines(cover: bool = True) -> list[str]:
    """A multi-article export in the documented ``nexis`` layout, line by line."""
    lines = ["Documents (3)", "1. Harbour dredging plan approved", "Client/Matter: -None-"] if cover else []  # fmt: skip
    for title, outlet, date, byline, seed in EXPORT_ARTICLES:
        lines += [title, outlet, date, "Copyright 2019 Example Media Ltd All Rights Reserved",
                  "Section: NEWS; Pg. 4", "Length: 412 words"]  # fmt: skip
        if byline:
            lines.append(byline)
        lines += ["Body", *story(seed, 6), "Classification", "Language: ENGLISH",
                  "Load-Date: June 1, 2019", "End of Document"]  # fmt: skip
    return lines


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(2)
        if self.path not in self.routes:
            self.send_error(404, "Not Found")
            return
        kind, data = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture
def web() -> Iterator[tuple[str, dict, list]]:
    """A web server on 127.0.0.1: (base URL, routes {path: (content type, bytes)}, user agents
    seen). ``/slow`` answers after 2 s."""
    routes: dict[str, tuple[str, bytes]] = {"/slow": ("text/html", b"<html></html>")}
    agents: list[str] = []
    handler = type("Handler", (_Handler,), {"routes": routes, "agents": agents})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.handle_error = lambda request, address: None  # a client that gave up (timeout)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", routes, agents
    server.shutdown()
    server.server_close()
