"""A message read in the light of the conversation, before the dialogue policies see it
(bot/engine/context/follow_ups.py)."""

from bot.engine.context.follow_ups import (
    ASKS, ASKS_WHERE, PROGRAM_NAMES, conversation_so_far, for_the_child_named, in_context, in_the_conversations_program,
    named_program_over_off_topic, past_small_talk, recent_messages, service_surcharge, switches_program, with_second_need,
)

__all__ = [
    "ASKS", "ASKS_WHERE", "PROGRAM_NAMES", "conversation_so_far", "for_the_child_named", "in_context",
    "in_the_conversations_program", "named_program_over_off_topic", "past_small_talk", "recent_messages",
    "service_surcharge", "switches_program", "with_second_need",
]
