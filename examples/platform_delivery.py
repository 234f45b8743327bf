#!/usr/bin/env python3
"""Delivers one group's suggestion on its platform: WeCom's confirmation flow, or a Telegram send.

Standard library only. It reuses chat_tool_client.Api for the recommender's API, takes the
suggestion's ready-made `rendering`, and reports each step back as feedback:

- WeCom customer group: `add_msg_template` creates a task (reported `task_created`); the group owner
  must confirm it in the WeCom client (`awaiting_confirmation`); `get_groupmsg_task` is read until
  the owner's task shows sent (`sent`) or the confirmation deadline passes, when the task is
  cancelled with `cancel_groupmsg_send` and reported `expired`, which releases it.
- Telegram: each photo with `sendPhoto` (absolute addresses only), then each message with
  `sendMessage` and its entities (no parse mode, so nothing needs escaping); `posted`, or `failed`.

    python3 examples/platform_delivery.py --token "$BOT" --group sh-coffee-lovers \\
        --wecom-api https://qyapi.weixin.qq.com --wecom-token "$ACCESS_TOKEN" --wecom-owner zhangsan
    python3 examples/platform_delivery.py --token "$BOT" --group ber-fitness \\
        --telegram-api https://api.telegram.org --telegram-bot "$BOT_TOKEN" --telegram-chat -1001234
"""

import argparse
import json
import os
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chat_tool_client import Api  # noqa: E402

WECOM_SENT = 2


def call_json(url, body):
    """POSTs JSON to a platform API and answers its parsed JSON."""
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


class WeCom:
    """The three WeCom customer-contact calls a confirmation flow needs."""

    def __init__(self, api, access_token):
        self.api = api.rstrip("/")
        self.access_token = access_token

    def _call(self, name, body):
        query = urllib.parse.urlencode({"access_token": self.access_token})
        answer = call_json(f"{self.api}/cgi-bin/externalcontact/{name}?{query}", body)
        if answer.get("errcode", 0) != 0:
            raise RuntimeError(f"WeCom {name}: {answer.get('errcode')} {answer.get('errmsg')}")
        return answer

    def add_msg_template(self, owner, rendering):
        attachments = []
        for a in rendering["attachments"]:
            if a["type"] == "image":
                attachments.append({"msgtype": "image", "image": {"pic_url": a["url"]}})
            else:
                attachments.append({"msgtype": "link", "link": {"title": a["title"], "url": a["url"]}})
        body = {"chat_type": "group", "sender": owner, "text": {"content": rendering["text"]},
                "attachments": attachments}
        return self._call("add_msg_template", body)["msgid"]

    def owner_status(self, msgid, owner):
        tasks = self._call("get_groupmsg_task", {"msgid": msgid})["task_list"]
        return next((t["status"] for t in tasks if t["userid"] == owner), 0)

    def cancel(self, msgid):
        self._call("cancel_groupmsg_send", {"msgid": msgid})


def deliver_wecom(api, wecom, suggestion, owner, deadline_seconds, poll_seconds):
    """Runs the confirmation flow for one suggestion; answers the last outcome reported."""
    msgid = wecom.add_msg_template(owner, suggestion["rendering"]["wecom"])
    api.report(suggestion["id"], "task_created")
    api.report(suggestion["id"], "awaiting_confirmation")
    deadline = time.monotonic() + deadline_seconds
    while True:
        if wecom.owner_status(msgid, owner) == WECOM_SENT:
            api.report(suggestion["id"], "sent")
            return "sent"
        if time.monotonic() >= deadline:
            wecom.cancel(msgid)
            api.report(suggestion["id"], "expired")
            return "expired"
        time.sleep(poll_seconds)


class Telegram:
    """The Bot API calls a send needs."""

    def __init__(self, api, bot_token):
        self.base = f"{api.rstrip('/')}/bot{bot_token}"

    def _call(self, method, body):
        answer = call_json(f"{self.base}/{method}", body)
        if not answer.get("ok"):
            raise RuntimeError(f"Telegram {method}: {answer.get('description')}")
        return answer["result"]

    def send_photo(self, chat_id, url):
        return self._call("sendPhoto", {"chat_id": chat_id, "photo": url})

    def send_message(self, chat_id, message):
        return self._call("sendMessage", {"chat_id": chat_id, "text": message["text"],
                                          "entities": message["entities"]})


def deliver_telegram(api, telegram, suggestion, chat_id):
    """Sends one suggestion's photos and messages; answers the outcome reported."""
    rendering = suggestion["rendering"]["telegram"]
    try:
        for photo in rendering["photos"]:
            if photo.startswith("https://") or photo.startswith("http://"):
                telegram.send_photo(chat_id, photo)
        for message in rendering["messages"]:
            telegram.send_message(chat_id, message)
    except (RuntimeError, OSError) as error:
        print(f"telegram send failed: {error}", file=sys.stderr)
        api.report(suggestion["id"], "failed")
        return "failed"
    api.report(suggestion["id"], "posted")
    return "posted"


def next_suggestion(api, group, platform):
    """The group's next suggestion rendered for `platform`, or None when it is held."""
    status, _, body = api.call("GET", f"/api/v1/groups/{urllib.parse.quote(group)}/suggestion?format={platform}")
    if status == 204:
        return None
    if status != 200:
        raise SystemExit(f"error: the poll for {group} answered {status}: {body}")
    if not body["rendering"]["fits"]:
        raise SystemExit(f"error: the suggestion does not fit {platform}: {body['rendering']['limitsExceeded']}")
    return body


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get("RECOMMENDER_SERVER", "http://localhost:8080"))
    parser.add_argument("--token", default=os.environ.get("RECOMMENDER_TOKEN"))
    parser.add_argument("--group", required=True)
    parser.add_argument("--wecom-api")
    parser.add_argument("--wecom-token", default=os.environ.get("WECOM_ACCESS_TOKEN"))
    parser.add_argument("--wecom-owner", help="the userid of the group owner who confirms")
    parser.add_argument("--confirm-deadline", type=float, default=24 * 3600,
                        help="seconds to wait for the owner's confirmation before the task expires")
    parser.add_argument("--poll-seconds", type=float, default=60)
    parser.add_argument("--telegram-api", default="https://api.telegram.org")
    parser.add_argument("--telegram-bot", default=os.environ.get("TELEGRAM_BOT_TOKEN"))
    parser.add_argument("--telegram-chat")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("a bot token is needed: --token or RECOMMENDER_TOKEN")
    api = Api(args.server, args.token, give_up_after=60)
    platform = "wecom" if args.wecom_api else "telegram"
    suggestion = next_suggestion(api, args.group, platform)
    if suggestion is None:
        print(f"{args.group}: nothing to send now")
        return 0
    if platform == "wecom":
        outcome = deliver_wecom(api, WeCom(args.wecom_api, args.wecom_token), suggestion, args.wecom_owner,
                                args.confirm_deadline, args.poll_seconds)
    else:
        outcome = deliver_telegram(api, Telegram(args.telegram_api, args.telegram_bot), suggestion,
                                   args.telegram_chat)
    print(f"{args.group}: {suggestion['content']['id']} {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
