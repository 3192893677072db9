"""Documents on the web: URL lists, and fetching with a timeout and a polite user agent.

Requests go out one at a time, at least ``DELAY`` seconds apart to the same host, with the
user agent ``USER_AGENT`` (which says what is asking), and give up after ``timeout`` seconds.
A refused connection, an unknown host, a timeout or an HTTP error is a DocumentError naming
the URL and the problem.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

from pakus.errors import DocumentError

try:
    _VERSION = version("pakus")
except PackageNotFoundError:  # run from a source tree that is not installed
    _VERSION = "dev"
USER_AGENT = f"pakus/{_VERSION} (research corpus builder; one request at a time)"
TIMEOUT = 20.0
"""Seconds to wait for a server before giving up."""
DELAY = 1.0
"""Seconds between two requests to the same host."""
MAX_BYTES = 20_000_000
"""Largest response read (bytes)."""
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


def is_url(value: str) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return bool(_URL.match(value.strip()))


def url_list(text: str) -> list[str] | None:
    """The URLs of a URL-list file (one per line; blank lines and ``#`` comments allowed),
    or None when any other line is not a URL (so the file is a document)."""
    lines = [x.strip() for x in text.splitlines()]
    lines = [x for x in lines if x and not x.startswith("#")]
    if lines and all(is_url(x) for x in lines):
        return lines
    return None


@dataclass(frozen=True)
class Response:
    url: str
    data: bytes
    content_type: str


@dataclass
class Fetcher:
    """Fetches URLs politely (see the module docstring)."""

    timeout: float = TIMEOUT
    delay: float = DELAY
    _last: dict[str, float] = field(default_factory=dict)

    def fetch(self, url: str) -> Response:
        """The response to a GET of ``url``; raises DocumentError naming the URL."""
        host = urlsplit(url).hostname or ""
        wait = self._last.get(host, -1e9) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                data = reply.read(MAX_BYTES + 1)
                kind = reply.headers.get_content_type()
                final = reply.geturl()
        except urllib.error.HTTPError as err:
            raise DocumentError(url, f"the server answered HTTP {err.code} {err.reason}") from None
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, TimeoutError):
                raise DocumentError(url, f"timed out after {self.timeout:g} s") from None
            raise DocumentError(url, f"could not be fetched ({reason})") from None
        except TimeoutError:
            raise DocumentError(url, f"timed out after {self.timeout:g} s") from None
        except (OSError, ValueError) as err:
            raise DocumentError(url, f"could not be fetched ({err})") from None
        finally:
            self._last[host] = time.monotonic()
        if len(data) > MAX_BYTES:
            raise DocumentError(url, f"response larger than {MAX_BYTES:,} bytes")
        return Response(final, data, kind)
