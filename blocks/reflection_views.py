"""The five small steps of a private reflection, each a modal view that replaces the one before.

Steps replace each other (`response_action: update` / `views.update`) rather than stacking, so
the reflection never comes near Slack's limit of three pushed views. A person's own words (their
story, new story and brave step) and the coach's phrases are shown whole, over as many sections as
they take.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from blocks.kit import (
    Block,
    actions,
    button,
    context,
    divider,
    header,
    input_block,
    modal,
    option,
    plain_text,
    section,
    static_select,
)
from blocks.long_text import Cuttable, filled_sections, sections
from blocks.metadata import ModalMetadata
from blocks.mrkdwn import escape, local_date
from coach.i18n import translate
from coach.records import Comeback
from use_cases.reflection import (
    BRAVE_STEP,
    FEEDBACK,
    FEEL,
    REFRAME,
    REMEMBER,
    STORY,
    TEXT_MAX_CHARS,
    AboutTheRejection,
    ReflectionScreen,
    SpottedTrap,
)

STEP_NUMBERS = {FEEL: 1, STORY: 2, REFRAME: 2, FEEDBACK: 3, BRAVE_STEP: 4, REMEMBER: 5}
CALLBACK_PREFIX = "reflect_"

SKIP_ACTION = "reflect_skip"
USE_REFRAME_ACTION = "reflect_use_reframe"
PICK_WHO_ACTION = "reflect_pick_who"
ASK_QUESTION_ACTION = "reflect_ask_question"
USE_BRAVE_STEP_ACTION = "reflect_use_step"

FEELING_NOTE_BLOCK, FEELING_NOTE_ACTION = "feeling_note", "feeling_note_input"
HEAD_STORY_BLOCK, HEAD_STORY_ACTION = "head_story", "head_story_input"
NEW_STORY_BLOCK, NEW_STORY_ACTION = "new_story", "new_story_input"
WHO_BLOCK = "who"
BRAVE_STEP_TEXT_BLOCK, BRAVE_STEP_TEXT_ACTION = "step_text", "step_text_input"
BRAVE_STEP_DATE_BLOCK, BRAVE_STEP_DATE_ACTION = "step_date", "step_date_picker"
BRAVE_STEP_TIME_BLOCK, BRAVE_STEP_TIME_ACTION = "step_time", "step_time_picker"
# The block holding each step's own text.
TEXT_BLOCKS = {
    FEEL: FEELING_NOTE_BLOCK,
    STORY: HEAD_STORY_BLOCK,
    REFRAME: NEW_STORY_BLOCK,
    BRAVE_STEP: BRAVE_STEP_TEXT_BLOCK,
}


def callback_id(step: str) -> str:
    return CALLBACK_PREFIX + step


def revisioned(block_id: str, metadata: ModalMetadata) -> str:
    """A block_id that changes with the revision, so Slack shows a new prefilled value."""
    return f"{block_id}_{metadata.revision}"


def _text_input(action_id: str, initial: str | None, placeholder: str | None = None) -> Block:
    element: Block = {
        "type": "plain_text_input",
        "action_id": action_id,
        "multiline": True,
        "max_length": TEXT_MAX_CHARS,
    }
    if initial:
        element["initial_value"] = initial[:TEXT_MAX_CHARS]
    if placeholder:
        element["placeholder"] = plain_text(placeholder)
    return element


def submit_key(step: str) -> str | None:
    """The text key of a step's submit button (the last step has none: it only closes)."""
    return {BRAVE_STEP: "reflect.step.submit", REMEMBER: None}.get(step, "reflect.next")


def _reflection_step_view(metadata: ModalMetadata, step: str, blocks: list[Block]) -> Block:
    lang = metadata.lang
    submit = submit_key(step)
    closing = [context(translate(lang, "reflect.private"))]
    if step != REMEMBER:
        closing.insert(0, actions(button(translate(lang, "reflect.skip"), SKIP_ACTION, value=step)))
    return modal(
        title=translate(lang, "reflect.title", step=STEP_NUMBERS[step]),
        submit=translate(lang, submit) if submit else None,
        close=translate(lang, "reflect.done" if step == REMEMBER else "reflect.close"),
        callback_id=callback_id(step),
        blocks=blocks + closing,
        private_metadata=metadata.encode(),
    )


def _about(lang: str, about: AboutTheRejection) -> Block:
    kind = translate(lang, f"kind.{about.kind}")
    return context(translate(lang, "reflect.about", kind=kind, date=local_date(about.logged_at)))


def feel_view(metadata: ModalMetadata, about: AboutTheRejection, feeling_note: str | None) -> Block:
    lang = metadata.lang
    blocks = [
        header(translate(lang, "reflect.feel.heading")),
        _about(lang, about),
        section(translate(lang, f"reflect.feel.{about.feeling}")),
        input_block(
            FEELING_NOTE_BLOCK,
            translate(lang, "reflect.feel.label"),
            _text_input(FEELING_NOTE_ACTION, feeling_note, translate(lang, "reflect.feel.placeholder")),
            optional=True,
        ),
    ]
    return _reflection_step_view(metadata, FEEL, blocks)


def story_view(metadata: ModalMetadata, about: AboutTheRejection, head_story: str | None) -> Block:
    lang = metadata.lang
    blocks = [
        header(translate(lang, "reflect.story.heading")),
        _about(lang, about),
        section(translate(lang, "reflect.story.intro")),
        input_block(
            HEAD_STORY_BLOCK,
            translate(lang, "reflect.story.label"),
            _text_input(HEAD_STORY_ACTION, head_story, translate(lang, "reflect.story.placeholder")),
            optional=True,
        ),
    ]
    return _reflection_step_view(metadata, STORY, blocks)


def _use_this_list(lang: str, phrases: Sequence[str], action_id: str, button_key: str) -> list[Block]:
    return [
        block
        for index, phrase in enumerate(phrases)
        for block in sections(
            Cuttable(escape(phrase)), accessory=button(translate(lang, button_key), action_id, value=str(index))
        )
    ]


def reframe_view(
    metadata: ModalMetadata, traps: Sequence[SpottedTrap], had_story: bool, new_story: str | None
) -> Block:
    """Traps spotted in the person's sentence, with counter-questions; then new stories to pick or edit."""
    lang = metadata.lang
    blocks: list[Block] = [header(translate(lang, "reflect.reframe.heading"))]
    if traps:
        for trap in traps:
            blocks += filled_sections(
                lang,
                "reflect.reframe.trap",
                trap=translate(lang, f"trap.{trap.trap_id}"),
                evidence=escape(trap.evidence),
                question=escape(trap.question),
            )
    else:
        blocks.append(section(translate(lang, "reflect.reframe.no_traps" if had_story else "reflect.reframe.no_story")))
    blocks += [divider(), section(f"*{translate(lang, 'reflect.reframe.choose_label')}*")]
    blocks += _use_this_list(lang, metadata.shown, USE_REFRAME_ACTION, "reflect.use_this")
    blocks.append(
        input_block(
            revisioned(NEW_STORY_BLOCK, metadata),
            translate(lang, "reflect.reframe.edit_label"),
            _text_input(NEW_STORY_ACTION, new_story),
            optional=True,
            hint=translate(lang, "reflect.reframe.edit_hint"),
        )
    )
    return _reflection_step_view(metadata, REFRAME, blocks)


def feedback_view(metadata: ModalMetadata, who_options: Sequence[str], who: str, asked: str | None) -> Block:
    """Who said no (changing it offers other questions), and questions to pick; a pick is sent as a DM."""
    lang = metadata.lang
    options = [option(translate(lang, f"who.{value}"), value) for value in who_options]
    who_select = static_select(
        PICK_WHO_ACTION, translate(lang, "log.choose"), options, initial=options[who_options.index(who)]
    )
    blocks: list[Block] = [
        header(translate(lang, "reflect.feedback.heading")),
        section(translate(lang, "reflect.feedback.intro")),
        {
            **input_block(WHO_BLOCK, translate(lang, "reflect.feedback.who_label"), who_select),
            "dispatch_action": True,
        },
        section(f"*{translate(lang, 'reflect.feedback.question_label')}*"),
    ]
    for index, question in enumerate(metadata.shown):
        if question == asked:
            blocks += sections(Cuttable(escape(question)), f"\n_{translate(lang, 'reflect.feedback.sent')}_")
        else:
            ask = button(translate(lang, "reflect.feedback.ask"), ASK_QUESTION_ACTION, value=str(index))
            blocks += sections(Cuttable(escape(question)), accessory=ask)
    return _reflection_step_view(metadata, FEEDBACK, blocks)


def brave_step_view(
    metadata: ModalMetadata, step_text: str | None, default_day: date | None, default_time: str
) -> Block:
    """Suggested small steps to pick or edit, and when; Nope reminds the person then."""
    lang = metadata.lang
    date_picker: Block = {"type": "datepicker", "action_id": BRAVE_STEP_DATE_ACTION}
    if default_day is not None:
        date_picker["initial_date"] = default_day.isoformat()
    blocks: list[Block] = [
        header(translate(lang, "reflect.step.heading")),
        section(translate(lang, "reflect.step.intro")),
        section(f"*{translate(lang, 'reflect.step.choose_label')}*"),
        *_use_this_list(lang, metadata.shown, USE_BRAVE_STEP_ACTION, "reflect.use_this"),
        input_block(
            revisioned(BRAVE_STEP_TEXT_BLOCK, metadata),
            translate(lang, "reflect.step.own_label"),
            _text_input(BRAVE_STEP_TEXT_ACTION, step_text),
            optional=True,
        ),
        input_block(
            BRAVE_STEP_DATE_BLOCK,
            translate(lang, "reflect.step.date_label"),
            date_picker,
        ),
        input_block(
            BRAVE_STEP_TIME_BLOCK,
            translate(lang, "reflect.step.time_label"),
            {"type": "timepicker", "action_id": BRAVE_STEP_TIME_ACTION, "initial_time": default_time},
        ),
    ]
    return _reflection_step_view(metadata, BRAVE_STEP, blocks)


def _memory(lang: str, comeback: Comeback | None) -> list[Block]:
    """The earlier comeback in the person's own words, every one of them."""
    if comeback is None:
        return [section(translate(lang, "reflect.remember.none"))]
    values = {
        "date": local_date(comeback.logged_at),
        "kind": translate(lang, f"kind.{comeback.kind}"),
        "step": escape(comeback.brave_step),
    }
    if comeback.new_story:
        return filled_sections(lang, "reflect.remember.comeback", story=escape(comeback.new_story), **values)
    return filled_sections(lang, "reflect.remember.comeback_no_story", **values)


def remember_view(metadata: ModalMetadata, comeback: Comeback | None) -> Block:
    """One of the person's own earlier comebacks, when there is one."""
    lang = metadata.lang
    blocks = [
        header(translate(lang, "reflect.remember.heading")),
        *_memory(lang, comeback),
        divider(),
        section(f"*{translate(lang, 'reflect.remember.closing')}*"),
    ]
    return _reflection_step_view(metadata, REMEMBER, blocks)


def reflection_step_view(screen: ReflectionScreen, metadata: ModalMetadata) -> Block:
    """The modal for whichever step `screen` is, with `metadata` carried to the next request."""
    if screen.step == FEEL:
        return feel_view(metadata, screen.about, screen.text)
    if screen.step == STORY:
        return story_view(metadata, screen.about, screen.text)
    if screen.step == REFRAME:
        return reframe_view(metadata, screen.traps, screen.had_story, screen.text)
    if screen.step == FEEDBACK:
        return feedback_view(metadata, screen.who_options, screen.who or screen.who_options[0], screen.asked)
    if screen.step == BRAVE_STEP:
        return brave_step_view(metadata, screen.text, screen.default_day, screen.default_time)
    return remember_view(metadata, screen.comeback)
