"""Local fakes of the WeCom and Telegram APIs that platform_delivery.py calls, for its tests.

Each fake is a real HTTP server on a free loopback port that records every call, checks the limits
and fields the real API would, and answers as the real API does.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class _Fake:
    def __init__(self):
        self.calls = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length).decode("utf-8"))
                url = urlparse(self.path)
                fake.calls.append((url.path, body))
                answer = fake.answer(url.path, parse_qs(url.query), body)
                data = json.dumps(answer).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_port}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def calls_to(self, suffix):
        return [body for path, body in self.calls if path.endswith(suffix)]


class FakeWeCom(_Fake):
    """add_msg_template, get_groupmsg_task and cancel_groupmsg_send for one access token.

    A task stays unsent (status 0) until the owner confirms it: `confirm_after_polls` reads of the
    task list after its creation, or never when None.
    """

    def __init__(self, access_token, owner, confirm_after_polls=None):
        self.access_token = access_token
        self.owner = owner
        self.confirm_after_polls = confirm_after_polls
        self.tasks = {}
        super().__init__()

    def answer(self, path, query, body):
        if query.get("access_token") != [self.access_token]:
            return {"errcode": 40014, "errmsg": "invalid access_token"}
        name = path.rsplit("/", 1)[-1]
        if name == "add_msg_template":
            text = body.get("text", {}).get("content", "")
            if body.get("chat_type") != "group" or body.get("sender") != self.owner:
                return {"errcode": 41048, "errmsg": "invalid chat_type or sender"}
            if len(text.encode("utf-8")) > 4000 or len(body.get("attachments", [])) > 9:
                return {"errcode": 45002, "errmsg": "content size out of limit"}
            msgid = f"msg{len(self.tasks) + 1}"
            self.tasks[msgid] = {"status": 0, "polls": 0}
            return {"errcode": 0, "errmsg": "ok", "fail_list": [], "msgid": msgid}
        task = self.tasks.get(body.get("msgid"))
        if task is None:
            return {"errcode": 41063, "errmsg": "msgid not found"}
        if name == "get_groupmsg_task":
            task["polls"] += 1
            if self.confirm_after_polls is not None and task["polls"] >= self.confirm_after_polls \
                    and task["status"] == 0:
                task["status"] = 2
            return {"errcode": 0, "errmsg": "ok", "task_list": [{"userid": self.owner, "status": task["status"]}]}
        if name == "cancel_groupmsg_send":
            task["status"] = 3
            return {"errcode": 0, "errmsg": "ok"}
        return {"errcode": 404, "errmsg": "unknown call " + name}


class FakeTelegram(_Fake):
    """sendMessage and sendPhoto for one bot token, checking text length and entity bounds."""

    def __init__(self, bot_token):
        self.bot_token = bot_token
        super().__init__()

    def answer(self, path, query, body):
        prefix = f"/bot{self.bot_token}/"
        if not path.startswith(prefix):
            return {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix):]
        if method == "sendMessage":
            text = body.get("text", "")
            units = len(text.encode("utf-16-le")) // 2
            if not 1 <= units <= 4096:
                return {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}
            for entity in body.get("entities", []):
                if entity["offset"] < 0 or entity["offset"] + entity["length"] > units:
                    return {"ok": False, "error_code": 400, "description": "Bad Request: entity out of bounds"}
        elif method != "sendPhoto":
            return {"ok": False, "error_code": 404, "description": "Not Found"}
        return {"ok": True, "result": {"message_id": len(self.calls)}}
