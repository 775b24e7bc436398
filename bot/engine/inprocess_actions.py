"""Rasa's action endpoint answered by rasa-sdk's executor inside the engine's process.

Rasa calls its action server over HTTP several times per turn (the language check runs
after every message, form validation on every form turn), opening a new HTTP session each
time. Answering those calls here keeps the exact contract of rasa-sdk's webhook: the call
and the answer go through JSON (the action sees plain JSON types, never Rasa's objects),
a rejected form slot is a 400 with `error` and `action_name`, an unknown action a 404.
An action server elsewhere (GOVBOT_ACTIONS_URL) is still supported.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

URL = "inprocess://actions"


class InProcessActions(EndpointConfig):
    def __init__(self, package: str = "actions") -> None:
        super().__init__(url=URL)
        self.executor = ActionExecutor()
        self.executor.register_package(package)

    async def request(
        self, method: str = "post", subpath: Optional[str] = None,
        content_type: Optional[str] = "application/json", compress: bool = False, **kwargs: Any,
    ) -> Any:
        action_call = json.loads(json.dumps(kwargs.get("json")))
        try:
            result = await self.executor.run(action_call)
        except ActionExecutionRejection as error:
            raise ClientResponseError(400, "Bad Request", _error(error.message, error.action_name)) from error
        except ActionNotFoundException as error:
            raise ClientResponseError(404, "Not Found", _error(error.message, error.action_name)) from error
        return json.loads(json.dumps(result))


def _error(message: str, action_name: str) -> str:
    return json.dumps({"error": message, "action_name": action_name})
