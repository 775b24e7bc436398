"""Rasa's action endpoint answered by rasa-sdk's executor inside the engine's process.

Rasa calls its action server over HTTP several times per turn (the language check runs
after every message, form validation on every form turn), opening a new HTTP session each
time. Answering those calls here keeps the exact contract of rasa-sdk's webhook: the call
and the answer go through JSON (the action sees plain JSON types, never Rasa's objects),
a rejected form slot is a 400 with `error` and `action_name`, an unknown action a 404.
An action server elsewhere (GOVBOT_ACTIONS_URL) is still supported.

Rasa sends its whole domain (about 29 kB of JSON, both languages' responses) with every call,
the same object each time: its plain-JSON copy is made once per loaded domain and shared by
the calls. The actions (ours and rasa-sdk's forms) only read it; a test holds them to that.
The rest of each call (the tracker, about 8 kB) and each answer go through ujson (in the lock
with Rasa), twice as fast as the standard library for the same plain copy; what it cannot
encode goes through the standard library, as it would over HTTP.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Tuple

import ujson
from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

URL = "inprocess://actions"


class InProcessActions(EndpointConfig):
    def __init__(self, package: str = "actions") -> None:
        super().__init__(url=URL)
        self.executor = ActionExecutor()
        self.executor.register_package(package)
        self._domain: Optional[Tuple[Any, Dict[str, Any]]] = None  # (Rasa's dict, its plain copy)

    async def request(
        self, method: str = "post", subpath: Optional[str] = None,
        content_type: Optional[str] = "application/json", compress: bool = False, **kwargs: Any,
    ) -> Any:
        call = kwargs.get("json")
        if isinstance(call, dict) and call.get("domain") is not None:
            action_call = plain({k: v for k, v in call.items() if k != "domain"})
            action_call["domain"] = self.plain_domain(call["domain"])
        else:
            action_call = plain(call)
        try:
            result = await self.executor.run(action_call)
        except ActionExecutionRejection as error:
            raise ClientResponseError(400, "Bad Request", _error(error.message, error.action_name)) from error
        except ActionNotFoundException as error:
            raise ClientResponseError(404, "Not Found", _error(error.message, error.action_name)) from error
        return plain(result)

    def plain_domain(self, domain: Any) -> Dict[str, Any]:
        """The JSON copy of Rasa's domain dict, made again only for another domain object."""
        if self._domain is None or self._domain[0] is not domain:
            self._domain = (domain, plain(domain))
        return self._domain[1]


def plain(value: Any) -> Any:
    """`value` as JSON gives it back: plain dicts, lists, strings, numbers, None (no object
    shared with the caller)."""
    try:
        return ujson.loads(ujson.dumps(value))
    except (TypeError, ValueError, OverflowError):
        return json.loads(json.dumps(value))


def _error(message: str, action_name: str) -> str:
    return json.dumps({"error": message, "action_name": action_name})
