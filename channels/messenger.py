"""Facebook Messenger: GET and POST /webhooks/facebook/webhook, on when MESSENGER_APP_SECRET,
MESSENGER_VERIFY_TOKEN and MESSENGER_PAGE_ACCESS_TOKEN are set.

Meta's handshake, signature, re-deliveries, turns and window are channels/meta.py's. Here:
- events: `object: "page"`, each entry's `messaging` list; a `message` with text (a quick
  reply's `payload` when one was tapped) or a `postback` (a button's payload) is a citizen
  message; attachments alone are answered politely; echoes of our own messages, delivery
  and read receipts, reactions and anything else are ignored;
- sends: POST /me/messages with the page access token, `recipient.id` the PSID; text of at
  most 2,000 characters (longer is cut between words), buttons as up to 13 quick replies
  with titles of at most 20 characters (short titles, channels/limits.py), numbered choices
  beyond that;
- typing: an officer typing in the console is shown with the sender action `typing_on`
  (POST /me/messages with `recipient` and `sender_action` only), within 24 hours of the
  citizen's last message; never through the outbox, never retried;
- window: `messaging_type: RESPONSE` within 24 hours of the citizen's last message; an
  officer's line up to 7 days after goes as `MESSAGE_TAG` with the `HUMAN_AGENT` tag.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Dict, List

from bot.engine import BotMessage
from bot.gateway.errors import WrongShape
from bot.settings import Settings
from channels.limits import fitted, text_parts, with_numbered_choices
from bot.storage import transcripts
from bot.storage.models import Conversation
from channels.meta import WINDOW, Inbound, MetaChannel, address_of, field, items

CHANNEL = "messenger"
PATH = "/webhooks/facebook/webhook"
MAX_TEXT = 2000
MAX_QUICK_REPLIES = 13
MAX_PAYLOAD_BYTES = 1000


def _event(event: Dict[str, Any]) -> List[Inbound]:
    message, postback = event.get("message"), event.get("postback")
    if isinstance(message, dict) and not message.get("is_echo"):
        sender = address_of(field(event, "sender", "id"))
        mid, text = message.get("mid"), message.get("text")
        if not isinstance(mid, str) or not mid:
            raise WrongShape("a Messenger message has a 'mid'")
        payload = field(message, "quick_reply", "payload")
        if isinstance(text, str) and text:
            return [Inbound(mid, sender, text, payload if isinstance(payload, str) and payload else None)]
        return [Inbound(mid, sender, None)] if message.get("attachments") else []
    if isinstance(postback, dict):
        sender = address_of(field(event, "sender", "id"))
        payload, title = postback.get("payload"), postback.get("title")
        mid = postback.get("mid") or f"postback:{sender}:{event.get('timestamp')}"
        if isinstance(payload, str) and payload:
            return [Inbound(str(mid), sender, title if isinstance(title, str) else payload, payload)]
    return []  # echoes, delivery and read receipts, reactions, opt-ins: nothing to answer


class MessengerChannel(MetaChannel):
    name = CHANNEL
    path = PATH
    human_agent_window = timedelta(days=7)

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, settings.messenger_app_secret, settings.messenger_verify_token,
                         settings.messenger_page_access_token, "me/messages")

    def inbound(self, body: Dict[str, Any]) -> List[Inbound]:
        if body.get("object") != "page":
            raise WrongShape("a Messenger webhook has object 'page'")
        return [found for entry in items(body, "entry") for event in items(entry, "messaging")
                for found in _event(event)]

    def requests(self, address: str, message: BotMessage, language: str, human_agent: bool) -> List[Dict[str, Any]]:
        text = (message.get("text") or "").strip()
        if message.get("image"):
            text = f"{text}\n{message['image']}".strip()
        buttons = list(message.get("buttons") or [])
        quick = fitted(buttons, language, MAX_QUICK_REPLIES, MAX_PAYLOAD_BYTES)
        if buttons and quick is None:
            text = with_numbered_choices(text, buttons, language)
        envelope: Dict[str, Any] = {"recipient": {"id": address}}
        envelope.update({"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"} if human_agent
                        else {"messaging_type": "RESPONSE"})
        bodies = [{**envelope, "message": {"text": part}} for part in text_parts(text, MAX_TEXT)]
        if quick and bodies:
            bodies[-1]["message"]["quick_replies"] = [
                {"content_type": "text", "title": button["title"], "payload": button["payload"]} for button in quick]
        return bodies

    async def show_typing(self, conversation: Conversation, name: str) -> None:
        address = self._addresses.get(conversation.external_id)
        if address is None:  # known only in memory (channels/meta.py): after a restart, nothing
            return
        last = await self._db.run_async(transcripts.last_from_citizen, conversation.id)
        if last is None or self.now() - last > WINDOW:
            return
        await self._post({"recipient": {"id": address}, "sender_action": "typing_on"})

    def sent_id(self, answer: Any) -> str:
        return str(field(answer, "message_id") or "accepted")
