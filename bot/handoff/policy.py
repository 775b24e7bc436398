"""Who may do what with a ticket: the console's access rules, written once.

Deny by default: only the roles listed here get anything, and only by the rules below.

- Answering roles (officer, supervisor, admin) work with tickets; a trainer reviews
  training data and reads no live conversation. An inactive account gets nothing.
- claim: an officer takes tickets of their own teams and languages; a supervisor or an
  admin takes a ticket from any queue.
- read (the transcript and notes, and adding a note): whoever may claim it, the officer
  who holds it, a supervisor or an admin.
- act (write to the citizen, transfer, resolve): the officer who holds it; a supervisor or
  an admin on any ticket (to take over or close a conversation left behind).
- assign a waiting ticket to someone: supervisors and admins.
- receive a ticket (the target of an assignment or a transfer): an active answering
  account that serves the ticket's team and language.
- experts (role `expert`, whose teams are their areas) are not an answering role: they
  never claim, receive, write to the citizen, transfer or resolve, and read no ticket by the
  rules above. They see only the consults put to them (asked by name, or to their area when
  no one was named), and through one of those, read-only, that one ticket's transcript; they
  answer the consult privately, to the officer.
- ask an expert about a ticket: whoever may read it; relay or close a consult: whoever may
  act on its ticket, or the officer who asked.

Callers answer "not found" for a ticket the account may not read, so ids (sequential)
reveal nothing; see Desk._ticket in bot/handoff/desk.py.

The predicates on a role alone (`*_role`, `can_see_analytics`, `can_review_training_data`)
are the access rules of the staff pages and API: bot/console/auth.py `require_role` takes
one of them for every route, and the session has already refused an inactive account.
"""

from __future__ import annotations

from bot.storage.models import Consult, Officer, Ticket
from bot.vocabulary import ROLES

ANSWERING_ROLES = ("officer", "supervisor", "admin")
OVERSEEING_ROLES = ("supervisor", "admin")
REVIEWING_ROLES = ("trainer", "supervisor", "admin")  # the NLU inbox
EXPERT_ROLE = "expert"


def staff_role(role: str) -> bool:
    """Any account of a known role: its own session, the console page, signing out."""
    return role in ROLES


def answering_role(role: str) -> bool:
    """The queue, tickets and everything that writes to a citizen."""
    return role in ANSWERING_ROLES


def overseeing_role(role: str) -> bool:
    """Supervisors and admins: every queue, assignments, analytics."""
    return role in OVERSEEING_ROLES


def expert_role(role: str) -> bool:
    return role == EXPERT_ROLE


def console_role(role: str) -> bool:
    """Who works in the console app itself (its live events, teams, consults): the answering
    roles and experts. A trainer's work is the inbox."""
    return answering_role(role) or expert_role(role)


def answers(account: Officer) -> bool:
    return bool(account.active) and answering_role(account.role)


def oversees(account: Officer) -> bool:
    return bool(account.active) and can_see_analytics(account.role)


def serves(account: Officer, team: str, language: str) -> bool:
    """An answering account whose teams and languages include this queue."""
    return answers(account) and team in (account.teams or []) and language in (account.languages or [])


def holds(account: Officer, ticket: Ticket) -> bool:
    return answers(account) and ticket.officer_id is not None and ticket.officer_id == account.id


def can_claim(account: Officer, ticket: Ticket) -> bool:
    return oversees(account) or serves(account, ticket.team, ticket.language)


def can_read(account: Officer, ticket: Ticket) -> bool:
    return can_claim(account, ticket) or holds(account, ticket)


def can_act(account: Officer, ticket: Ticket) -> bool:
    return oversees(account) or holds(account, ticket)


def can_assign(account: Officer) -> bool:
    return oversees(account)


def can_receive(account: Officer, team: str, language: str) -> bool:
    return serves(account, team, language)


def is_expert(account: Officer) -> bool:
    return bool(account.active) and expert_role(account.role)


def can_ask_expert(account: Officer, ticket: Ticket) -> bool:
    return can_read(account, ticket)


def is_put_to(account: Officer, consult: Consult) -> bool:
    """The consult is for this expert: asked by name, or to their area with no name."""
    if not is_expert(account):
        return False
    if consult.expert_id is not None:
        return bool(consult.expert_id == account.id)
    return consult.team in (account.teams or [])


def can_see_consult(account: Officer, consult: Consult, ticket: Ticket) -> bool:
    """The consult and, read-only, its ticket's transcript."""
    return is_put_to(account, consult) or can_read(account, ticket)


def can_answer_consult(account: Officer, consult: Consult) -> bool:
    return is_put_to(account, consult) and consult.status == "open"


def can_relay_consult(account: Officer, consult: Consult, ticket: Ticket) -> bool:
    """Use the answer in a reply, or close the consult."""
    return can_act(account, ticket) or (answers(account) and consult.asked_by == account.id)


def can_review_training_data(role: str) -> bool:
    return role in REVIEWING_ROLES


def can_see_analytics(role: str) -> bool:
    return overseeing_role(role)


def abilities(role: str) -> dict[str, bool]:
    """What the console's script may offer this role (GET /console/api/me): the same rules,
    so the page never decides from a role's name. The server checks every action anyway."""
    return {"answer": answering_role(role), "oversee": overseeing_role(role), "consult": expert_role(role),
            "review": can_review_training_data(role)}
