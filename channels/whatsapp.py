"""WhatsApp Cloud API: GET and POST /webhooks/whatsapp/webhook, on when WHATSAPP_APP_SECRET,
WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID are set.

Meta's handshake, signature, re-deliveries, turns and window are channels/meta.py's. Here:
- events: `object: "whatsapp_business_account"`, each entry's `changes` with field
  `messages` for our phone number id; a `text` message, an `interactive` button or list
  reply (its id is the payload) or a template's `button` is a citizen message; images,
  voice notes, stickers and the like are answered politely; `statuses` (sent, delivered,
  read), reactions and other numbers' events are ignored;
- sends: POST /<WHATSAPP_PHONE_NUMBER_ID>/messages with the access token,
  `messaging_product: "whatsapp"`, `to` the WhatsApp id. Up to 3 buttons become reply
  buttons, up to 10 a list, titles of at most 20 characters (short titles,
  channels/limits.py) and a body of at most 1,024 characters; beyond that, numbered
  choices in a text message (4,096 characters, longer is cut between words);
- window: nothing but approved templates may go more than 24 hours after the citizen's last
  message, and we send no templates: an officer's line is refused in the console then.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from bot.engine import BotMessage
from bot.engine.base import Button
from bot.gateway.errors import WrongShape
from bot.settings import Settings
from bot.texts import say
from channels.limits import fitted, text_parts, with_numbered_choices
from channels.meta import Inbound, MetaChannel, address_of, field, items

CHANNEL = "whatsapp"
PATH = "/webhooks/whatsapp/webhook"
MAX_TEXT = 4096
MAX_INTERACTIVE_BODY = 1024
MAX_REPLY_BUTTONS, MAX_LIST_ROWS = 3, 10
MAX_BUTTON_ID_BYTES, MAX_ROW_ID_BYTES = 256, 200
IGNORED = {"reaction", "system", "unsupported", "request_welcome"}  # nothing the citizen asked


def _message(message: Dict[str, Any]) -> Optional[Inbound]:
    sender = address_of(message.get("from"))
    message_id, kind = message.get("id"), message.get("type")
    if not isinstance(message_id, str) or not message_id or not isinstance(kind, str):
        raise WrongShape("a WhatsApp message has an 'id' and a 'type'")
    if kind in IGNORED:
        return None
    if kind == "text":
        body = field(message, "text", "body")
        return Inbound(message_id, sender, body) if isinstance(body, str) and body else None
    if kind == "interactive":
        reply = field(message, "interactive", "button_reply") or field(message, "interactive", "list_reply")
        chosen, title = field(reply, "id"), field(reply, "title")
        if isinstance(chosen, str) and chosen:
            return Inbound(message_id, sender, title if isinstance(title, str) else chosen, chosen)
        return None
    if kind == "button":  # a template's quick reply
        payload, text = field(message, "button", "payload"), field(message, "button", "text")
        if isinstance(payload, str) and payload:
            return Inbound(message_id, sender, text if isinstance(text, str) else payload, payload)
        return None
    return Inbound(message_id, sender, None)  # image, audio, video, document, sticker, location...


def _interactive(text: str, buttons: List[Button], language: str) -> Optional[Dict[str, Any]]:
    """Reply buttons, or a list, if the message fits one; else None."""
    if len(text) > MAX_INTERACTIVE_BODY or not text:
        return None
    replies = fitted(buttons, language, MAX_REPLY_BUTTONS, MAX_BUTTON_ID_BYTES)
    if replies:
        return {"type": "button", "body": {"text": text}, "action": {"buttons": [
            {"type": "reply", "reply": {"id": b["payload"], "title": b["title"]}} for b in replies]}}
    rows = fitted(buttons, language, MAX_LIST_ROWS, MAX_ROW_ID_BYTES)
    if rows:
        return {"type": "list", "body": {"text": text}, "action": {
            "button": say("choices_list_button", language),
            "sections": [{"rows": [{"id": b["payload"], "title": b["title"]} for b in rows]}]}}
    return None


class WhatsappChannel(MetaChannel):
    name = CHANNEL
    path = PATH

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, settings.whatsapp_app_secret, settings.whatsapp_verify_token,
                         settings.whatsapp_access_token, f"{settings.whatsapp_phone_number_id}/messages")

    def inbound(self, body: Dict[str, Any]) -> List[Inbound]:
        if body.get("object") != "whatsapp_business_account":
            raise WrongShape("a WhatsApp webhook has object 'whatsapp_business_account'")
        found: List[Inbound] = []
        for entry in items(body, "entry"):
            for change in items(entry, "changes"):
                value = change.get("value")
                if change.get("field") != "messages" or not isinstance(value, dict):
                    continue
                if field(value, "metadata", "phone_number_id") != self.settings.whatsapp_phone_number_id:
                    continue  # another number of the same business account
                found.extend(inbound for inbound in map(_message, items(value, "messages")) if inbound)
        return found

    def requests(self, address: str, message: BotMessage, language: str, human_agent: bool) -> List[Dict[str, Any]]:
        text = (message.get("text") or "").strip()
        if message.get("image"):
            text = f"{text}\n{message['image']}".strip()
        buttons = list(message.get("buttons") or [])
        envelope = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": address}
        interactive = _interactive(text, buttons, language) if buttons else None
        if interactive is not None:
            return [{**envelope, "type": "interactive", "interactive": interactive}]
        text = with_numbered_choices(text, buttons, language)
        return [{**envelope, "type": "text", "text": {"body": part, "preview_url": False}}
                for part in text_parts(text, MAX_TEXT)]

    def sent_id(self, answer: Any) -> str:
        sent = field(answer, "messages")
        first = sent[0] if isinstance(sent, list) and sent else None
        return str(field(first, "id") or "accepted")
