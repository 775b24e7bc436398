"""The dialogue engine behind the gateway: Rasa in-process, or a Rasa server by URL."""

from bot.engine.base import BotMessage, Engine, EngineReply, EngineUnavailable

__all__ = ["BotMessage", "Engine", "EngineReply", "EngineUnavailable"]
