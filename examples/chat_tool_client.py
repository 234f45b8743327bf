#!/usr/bin/env python3
"""A reference chat-tool client for Community Recommender.

It polls for the next suggestion of every group it serves, "posts" each one to standard output,
and reports back that it was posted. Copy it and replace post() with your chat platform's API.

    python3 examples/chat_tool_client.py --server http://localhost:8080 --token cr_... [--groups a,b] [--once]

Only the Python standard library is used.
"""
import argparse
import json
import os
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PAGE_SIZE = 100
LONGEST_SLEEP = 60  # seconds between rounds at most, even when every group is held for longer
FIRST_RETRY = 0.5  # seconds before the first retry after a connection error or a 502/503/504
LONGEST_RETRY = 30  # the backoff doubles up to this
UNAVAILABLE = (502, 503, 504)  # a node shutting down, restarting, or away from its database


def backoff(attempt, retry_after=0):
    """Exponential backoff with full jitter, never shorter than the server's Retry-After."""
    return max(retry_after, random.uniform(0, min(LONGEST_RETRY, FIRST_RETRY * 2 ** attempt)))


class Api:
    """The few calls a chat tool makes, with the token in every request."""

    def __init__(self, server, token, give_up_after=None):
        self.server = server.rstrip("/")
        self.token = token
        self.give_up_after = give_up_after

    def call(self, method, path, body=None):
        """Answers (status, headers, parsed JSON or None).

        Waits and retries when rate-limited (429), and with exponential backoff and jitter when the
        server cannot be reached or answers 502, 503 or 504: a rolling deploy or a restart stops no bot.
        """
        data = None if body is None else json.dumps(body).encode("utf-8")
        started = time.monotonic()
        attempt = 0
        while True:
            request = urllib.request.Request(self.server + path, data=data, method=method)
            request.add_header("Authorization", "Bearer " + self.token)
            if data is not None:
                request.add_header("Content-Type", "application/json")
            try:
                with urllib.request.urlopen(request, timeout=90) as response:
                    text = response.read().decode("utf-8")
                    return response.status, response.headers, json.loads(text) if text else None
            except urllib.error.HTTPError as error:
                text = error.read().decode("utf-8")
                if error.code == 429:
                    wait = int(error.headers.get("Retry-After", "1"))
                    log(f"rate-limited; waiting {wait} s")
                    time.sleep(wait)
                    continue
                if error.code not in UNAVAILABLE:
                    return error.code, error.headers, json.loads(text) if text else None
                wait = backoff(attempt, int(error.headers.get("Retry-After", "0")))
                reason = f"the server answered {error.code}"
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                wait = backoff(attempt)
                reason = f"cannot reach {self.server}: {getattr(error, 'reason', error)}"
            if self.give_up_after is not None and time.monotonic() - started + wait > self.give_up_after:
                raise SystemExit(f"error: {reason}; gave up after {self.give_up_after} s")
            log(f"{reason}; retrying in {wait:.1f} s")
            time.sleep(wait)
            attempt += 1

    def next_suggestions(self, groups, page):
        """One page of the batch poll: each item is a group's next suggestion, or why there is none."""
        query = {"page": page, "pageSize": PAGE_SIZE}
        if groups:
            query["groups"] = ",".join(groups)
        return self.call("GET", "/api/v1/suggestions?" + urllib.parse.urlencode(query))

    def report(self, suggestion_id, outcome, metrics=None):
        # A report sent right after posting leaves postedAt out: the server takes the report's time, on its own clock.
        body = {"outcome": outcome}
        if metrics:
            body["metrics"] = metrics
        return self.call("POST", f"/api/v1/suggestions/{suggestion_id}/feedback", body)


def post(group_id, suggestion):
    """Posts to the chat group. Here: standard output. Answer True when the post went out."""
    content = suggestion["content"]
    print(f"[{group_id}] {content['title']}")
    print(content["body"])
    print("  why: " + "; ".join(r["message"] for r in suggestion["reasons"]))
    print(flush=True)
    return True


def one_round(api, groups):
    """Polls every group once (page by page); answers the seconds until the next group may have news."""
    next_in = LONGEST_SLEEP
    page = 1
    while True:
        status, _, batch = api.next_suggestions(groups, page)
        if status != 200:
            raise SystemExit(f"error: the server answered {status}: {batch}")
        for item in batch["items"]:
            group_id = item["groupId"]
            if item["status"] == 200:
                suggestion = item["suggestion"]
                outcome = "posted" if post(group_id, suggestion) else "failed"
                status, _, answer = api.report(suggestion["id"], outcome)
                if status != 200:
                    log(f"{group_id}: feedback answered {status}: {answer}")
            elif item["status"] == 204:
                next_in = min(next_in, item.get("retryAfter", LONGEST_SLEEP))
            else:
                log(f"{group_id}: {item['status']} {item.get('error', '')}")
        if page * batch["pageSize"] >= batch["total"]:
            return next_in
        page += 1


def log(message):
    print(message, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description="A reference chat-tool client for Community Recommender.")
    parser.add_argument("--server", default=os.environ.get("RECOMMENDER_SERVER", "http://localhost:8080"))
    parser.add_argument("--token", default=os.environ.get("RECOMMENDER_TOKEN"),
                        help="a bot token (default: $RECOMMENDER_TOKEN)")
    parser.add_argument("--groups", help="comma-separated group ids (default: every group of the token)")
    parser.add_argument("--once", action="store_true", help="poll every group once, then stop")
    parser.add_argument("--give-up-after", type=float, metavar="SECONDS",
                        help="stop retrying an unreachable or unavailable server after this long (default: never)")
    args = parser.parse_args()
    if not args.token:
        parser.error("give a bot token with --token or RECOMMENDER_TOKEN")
    api = Api(args.server, args.token, args.give_up_after)
    groups = [g.strip() for g in args.groups.split(",") if g.strip()] if args.groups else []
    try:
        while True:
            next_in = one_round(api, groups)
            if args.once:
                return
            log(f"nothing more now; polling again in {next_in} s")
            time.sleep(next_in)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
