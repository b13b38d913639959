#!/usr/bin/env python3
"""A stand-in web store for trying the hub's callbacks: prints every notice it is POSTed and answers 204.

    python3 docs/callback-receiver.py 9000
    HUB_WEBSTORE_CALLBACK_URL=http://localhost:9000/notices java -jar target/backoffice-hub.jar
"""
import http.server
import json
import sys


class Notices(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        for notice in body.get("notices", []):
            print(json.dumps(notice), flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    http.server.HTTPServer(("localhost", port), Notices).serve_forever()
