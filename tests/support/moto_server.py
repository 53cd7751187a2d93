"""moto's server behind a small proxy that answers the two calls moto lacks.

moto has no UpdateEndpoint, which the provider calls when an endpoint moves to a new
endpoint configuration. The proxy answers it through moto's own API, as its effect is
documented: the endpoint (same name, same ARN) serves the named configuration, at once
InService as moto's endpoints are; it deletes the endpoint and creates it again on that
configuration. moto's Application Auto Scaling has no ListTagsForResource, which the
provider calls after registering a scalable target: the modules tag none, and the proxy
answers that it has no tags. Every other request goes to moto unchanged. moto itself runs unmodified
(moto.server.ThreadedMotoServer, its documented way to run in process).

    python tests/support/moto_server.py -H 127.0.0.1 -p PORT
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from moto.server import ThreadedMotoServer

UPDATE_ENDPOINT = "SageMaker.UpdateEndpoint"
LIST_SCALING_TAGS = "AnyScaleFrontendService.ListTagsForResource"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Proxy(BaseHTTPRequestHandler):
    moto: tuple[str, int] = ("127.0.0.1", 0)
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # moto's own log is enough

    def _forward(self, method: str, body: bytes, headers: dict[str, str] | None = None) -> tuple:
        connection = http.client.HTTPConnection(*self.moto, timeout=120)
        replaced = {k.lower() for k in headers or {}} | {
            "host",
            "content-length",
            "transfer-encoding",
            "expect",
        }
        sent = {k: v for k, v in self.headers.items() if k.lower() not in replaced}
        connection.request(method, self.path, body=body, headers={**sent, **(headers or {})})
        response = connection.getresponse()
        answer = (response.status, response.getheaders(), response.read())
        connection.close()
        return answer

    def _call(self, operation: str, payload: dict[str, Any]) -> tuple:
        """A SageMaker call to moto, signed as the request being answered was."""
        return self._forward(
            "POST",
            json.dumps(payload).encode(),
            {"X-Amz-Target": f"SageMaker.{operation}"},
        )

    def _reply(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        head = self.command == "HEAD"  # moto's length stands: a HEAD answer has no body
        self.send_response(status)
        for name, value in headers:
            dropped = ("transfer-encoding", "connection") + (() if head else ("content-length",))
            if name.lower() not in dropped:
                self.send_header(name, value)
        if not head:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0], 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass  # trailers
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self, method: str) -> None:
        body = self._body()
        if self.headers.get("X-Amz-Target") == LIST_SCALING_TAGS:
            headers = [("Content-Type", "application/x-amz-json-1.1")]
            self._reply(200, headers, json.dumps({"Tags": {}}).encode())
            return
        if self.headers.get("X-Amz-Target") != UPDATE_ENDPOINT:
            self._reply(*self._forward(method, body))
            return
        request = json.loads(body)
        name, config = request["EndpointName"], request["EndpointConfigName"]
        for operation, payload in (
            ("DescribeEndpoint", {"EndpointName": name}),  # moto's error where it is absent
            ("DescribeEndpointConfig", {"EndpointConfigName": config}),
        ):
            status, headers, answer = self._call(operation, payload)
            if status != 200:
                self._reply(status, headers, answer)
                return
        endpoint = json.loads(self._call("DescribeEndpoint", {"EndpointName": name})[2])
        tags = json.loads(self._call("ListTags", {"ResourceArn": endpoint["EndpointArn"]})[2])
        self._call("DeleteEndpoint", {"EndpointName": name})
        created = {"EndpointName": name, "EndpointConfigName": config}
        if tags.get("Tags"):
            created["Tags"] = tags["Tags"]
        status, headers, answer = self._call("CreateEndpoint", created)
        self._reply(status, headers, answer)  # {"EndpointArn": ...}, as UpdateEndpoint answers

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_HEAD(self) -> None:
        self._handle("HEAD")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    port = _free_port()
    ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False).start()
    Proxy.moto = ("127.0.0.1", port)
    ThreadingHTTPServer((args.host, args.port), Proxy).serve_forever()


if __name__ == "__main__":
    main()
