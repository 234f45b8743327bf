"""platform_delivery.py against a real recommender and the local WeCom and Telegram fakes.

The recommender's address and a bot token come from RECOMMENDER_SERVER and RECOMMENDER_TOKEN; the
groups from WECOM_CONFIRMED_GROUP, WECOM_EXPIRING_GROUP and TELEGRAM_GROUP (PlatformDeliveryExampleTest
sets them all up and runs this file).
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import platform_delivery  # noqa: E402
from chat_tool_client import Api  # noqa: E402
from platform_fakes import FakeTelegram, FakeWeCom  # noqa: E402


class PlatformDeliveryTest(unittest.TestCase):
    def setUp(self):
        self.api = Api(os.environ["RECOMMENDER_SERVER"], os.environ["RECOMMENDER_TOKEN"], give_up_after=30)

    def outcome_of(self, suggestion_id):
        status, _, body = self.api.call("POST", f"/api/v1/suggestions/{suggestion_id}/feedback",
                                        {"outcome": "task_created"})
        self.assertEqual(200, status, body)
        return body["outcome"]

    def test_wecom_taskConfirmedByTheOwner_isReportedSent(self):
        fake = FakeWeCom("token-1", "owner-1", confirm_after_polls=2)
        try:
            suggestion = platform_delivery.next_suggestion(self.api, os.environ["WECOM_CONFIRMED_GROUP"], "wecom")
            outcome = platform_delivery.deliver_wecom(self.api, platform_delivery.WeCom(fake.url, "token-1"),
                                                      suggestion, "owner-1", deadline_seconds=30, poll_seconds=0.05)
        finally:
            fake.close()
        self.assertEqual("sent", outcome)
        template = fake.calls_to("add_msg_template")[0]
        self.assertEqual(suggestion["rendering"]["wecom"]["text"], template["text"]["content"])
        self.assertNotIn("**", template["text"]["content"])
        self.assertEqual(2, len(fake.calls_to("get_groupmsg_task")))
        self.assertEqual("posted", self.outcome_of(suggestion["id"]), "a late step changes nothing")

    def test_wecom_taskNeverConfirmed_isCancelledAndReportedExpired(self):
        fake = FakeWeCom("token-2", "owner-2", confirm_after_polls=None)
        try:
            suggestion = platform_delivery.next_suggestion(self.api, os.environ["WECOM_EXPIRING_GROUP"], "wecom")
            outcome = platform_delivery.deliver_wecom(self.api, platform_delivery.WeCom(fake.url, "token-2"),
                                                      suggestion, "owner-2", deadline_seconds=0.2, poll_seconds=0.05)
        finally:
            fake.close()
        self.assertEqual("expired", outcome)
        self.assertEqual(1, len(fake.calls_to("cancel_groupmsg_send")))
        self.assertEqual("expired", self.outcome_of(suggestion["id"]))

    def test_telegram_sendsEachMessageWithItsEntities_andReportsPosted(self):
        fake = FakeTelegram("bot-3")
        try:
            suggestion = platform_delivery.next_suggestion(self.api, os.environ["TELEGRAM_GROUP"], "telegram")
            outcome = platform_delivery.deliver_telegram(self.api, platform_delivery.Telegram(fake.url, "bot-3"),
                                                         suggestion, "-1003")
        finally:
            fake.close()
        self.assertEqual("posted", outcome)
        sent = fake.calls_to("sendMessage")
        messages = suggestion["rendering"]["telegram"]["messages"]
        self.assertEqual([m["text"] for m in messages], [s["text"] for s in sent])
        self.assertEqual([m["entities"] for m in messages], [s["entities"] for s in sent])
        self.assertTrue(any(e["type"] == "bold" for s in sent for e in s["entities"]))


if __name__ == "__main__":
    unittest.main()
