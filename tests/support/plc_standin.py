"""A loopback stand-in for the did:plc directory, enough for the reference PDS to create accounts.

The PDS posts each signed genesis operation to ``POST /{did}`` and resolves
DIDs with ``GET /{did}``. This keeps the last operation per DID and serves
the DID document the did:plc method derives from it (the ``atproto``
verification method and ``atproto_pds`` service). It checks no signature:
it stands in for the directory, not for its security.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def did_document(did: str, op: dict[str, Any]) -> dict[str, Any]:
    methods = op.get("verificationMethods") or {}
    services = op.get("services") or {}
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/multikey/v1",
            "https://w3id.org/security/suites/secp256k1-2019/v1",
        ],
        "id": did,
        "alsoKnownAs": op.get("alsoKnownAs") or [],
        "verificationMethod": [
            {
                "id": f"{did}#{name}",
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": str(key).removeprefix("did:key:"),
            }
            for name, key in methods.items()
        ],
        "service": [
            {"id": f"#{name}", "type": service.get("type"), "serviceEndpoint": service.get("endpoint")}
            for name, service in services.items()
        ],
    }


class PlcStandIn:
    def __init__(self) -> None:
        self.operations: dict[str, list[dict[str, Any]]] = {}
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                did = self.path.strip("/")
                length = int(self.headers.get("Content-Length") or 0)
                op = json.loads(self.rfile.read(length) or b"{}")
                stand_in.operations.setdefault(did, []).append(op)
                self._answer(200, {})

            def do_GET(self) -> None:
                parts = self.path.strip("/").split("/")
                ops = stand_in.operations.get(parts[0])
                if not ops:
                    self._answer(404, {"message": f"DID not registered: {parts[0]}"})
                elif len(parts) == 1:
                    self._answer(200, did_document(parts[0], ops[-1]))
                elif parts[1:] == ["log", "last"]:
                    self._answer(200, ops[-1])
                elif parts[1:] == ["log"]:
                    self._answer(200, ops)
                elif parts[1:] == ["data"]:
                    op = ops[-1]
                    self._answer(200, {"did": parts[0], **{k: v for k, v in op.items() if k not in ("sig", "prev")}})
                else:
                    self._answer(404, {"message": "not found"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> PlcStandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
