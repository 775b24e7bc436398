"""Read a message in the light of the conversation, before the dialogue policies see it.

Things a citizen says that make sense only after what came before, or that ask two things:
- the answer to "are you travelling in the next two weeks?" given as a date ("my flight is in
  2 days", "je pars demain matin"): read as yes (within two weeks) or no;
- an elliptical follow-up ("and for a kid?", "what about october", "pis en novembre?", "et si je
  vis en France?"): read together with the citizen's previous message, so it keeps its topic.

- two needs in one message ("photo size? and how much is a 10 year", "je dois renouveler mon
  passeport et aussi faire une demande de NAS"): each part is read alone; the first is the
  message's intent, the second rides along as `also` and is answered after it.

The text itself is never changed (the answer action still reads "for a kid" from it); only the
intent, its ranking, the chosen knowledge entry and `also` can come from another reading. A
message read with the one before it carries that one's text as `read_with` ("pis si c'est
urgent?" after a child's fee question: the exact fee reads the child from it).

bot/engine/embedded.py reads every message through four steps: `past_small_talk`, then
`past_a_correction`, then `in_context`, then `with_second_need`. The package's modules, each importing only modules below
it in this list (there is no import cycle):

    topic_rules.py    `in_context`: the follow-up reader, then the topic rules by situation, in order
    follow_ups.py     the follow-up reader: a message that makes sense only after what came before
    parts.py          a whole message read in parts: small talk around a question, two needs (`also`)
    programs.py       a question read in the conversation's program, or with only the program's name
    passports.py      what a passport question tells (a service's extra cost, damage, a child, 16 or more)
    conversation.py   what the citizen said before, read from the conversation's Rasa events
    perspective.py    a message written for a grown-up other, read as their own question too
    readings.py       a parse result: its topic, how sure, decided for another topic or entry
    constants.py      the words, thresholds and topic names that several of these modules use
"""

from bot.engine.context.constants import ASKS, ASKS_WHERE
from bot.engine.context.conversation import conversation_so_far, recent_messages
from bot.engine.context.follow_ups import switches_program
from bot.engine.context.parts import past_a_correction, past_small_talk, with_second_need
from bot.engine.context.passports import for_the_child_named, service_surcharge
from bot.engine.context.perspective import reading_their_own
from bot.engine.context.programs import PROGRAM_NAMES, in_the_conversations_program
from bot.engine.context.topic_rules import in_context, named_program_over_off_topic

__all__ = [
    "ASKS", "ASKS_WHERE", "PROGRAM_NAMES", "conversation_so_far", "for_the_child_named", "in_context",
    "in_the_conversations_program", "named_program_over_off_topic", "past_a_correction", "past_small_talk", "reading_their_own",
    "recent_messages", "service_surcharge", "switches_program", "with_second_need",
]
