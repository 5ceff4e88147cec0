"""The tables, as SQLAlchemy 2.0 typed models."""

from __future__ import annotations

from datetime import UTC, date, datetime

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from storage.crypto import EncryptedText

SLACK_ID = String(32)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always hands back an aware datetime (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous: pass an aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Rejection(Base):
    """One logged no: who, when, what kind, how it landed."""

    __tablename__ = "rejections"
    __table_args__ = (
        # The App Home: one person's no's, newest first.
        Index("ix_rejections_person_time", "workspace_id", "user_id", "logged_at"),
        # The weekly digest: one workspace's no's in a week.
        Index("ix_rejections_workspace_time", "workspace_id", "logged_at"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    workspace_id: Mapped[str] = mapped_column(SLACK_ID)
    organisation_id: Mapped[str | None] = mapped_column(SLACK_ID)
    user_id: Mapped[str] = mapped_column(SLACK_ID)
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(32))
    form: Mapped[str] = mapped_column(String(32))
    feeling: Mapped[str] = mapped_column(String(32))
    intensity: Mapped[int] = mapped_column(SmallInteger)
    story: Mapped[str | None] = mapped_column(EncryptedText)
    counts_in_tally: Mapped[bool] = mapped_column(Boolean)


class Reflection(Base):
    """A person's private reflection on one of their no's; every step is optional."""

    __tablename__ = "reflections"
    __table_args__ = (
        # The App Home and the "remember" step: one person's reflections and comebacks.
        Index("ix_reflections_person_updated", "workspace_id", "user_id", "updated_at"),
        # The scheduler's look for reminders owed.
        Index("ix_reflections_reminder_owed", "brave_step_reminder_owed_since"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    rejection_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("rejections.id", ondelete="CASCADE"),
        unique=True,
    )
    workspace_id: Mapped[str] = mapped_column(SLACK_ID)
    user_id: Mapped[str] = mapped_column(SLACK_ID)
    feeling_note: Mapped[str | None] = mapped_column(EncryptedText)
    head_story: Mapped[str | None] = mapped_column(EncryptedText)
    trap_ids: Mapped[str | None] = mapped_column(EncryptedText)
    new_story: Mapped[str | None] = mapped_column(EncryptedText)
    feedback_from: Mapped[str | None] = mapped_column(EncryptedText)
    feedback_question: Mapped[str | None] = mapped_column(EncryptedText)
    brave_step: Mapped[str | None] = mapped_column(EncryptedText)
    brave_step_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    brave_step_reminder_id: Mapped[str | None] = mapped_column(String(64))
    # Set while the reminder is owed (the platform did not take it): the scheduler tries again from then.
    brave_step_reminder_owed_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The language of an owed reminder: the one the person read the step in.
    brave_step_reminder_lang: Mapped[str | None] = mapped_column(String(2))
    brave_step_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    feedback_asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class BraveryGoal(Base):
    """Effort, not outcome: "collect 10 no's this month". One goal per person; a new one replaces it."""

    __tablename__ = "bravery_goals"
    __table_args__ = (UniqueConstraint("workspace_id", "user_id", name="uq_bravery_goals_person"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    workspace_id: Mapped[str] = mapped_column(SLACK_ID)
    user_id: Mapped[str] = mapped_column(SLACK_ID)
    target: Mapped[int] = mapped_column(SmallInteger)
    period: Mapped[str] = mapped_column(String(8))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ShownPhrases(Base):
    """Which coach phrases a person saw last, per library, so the next reflection offers others."""

    __tablename__ = "shown_phrases"

    workspace_id: Mapped[str] = mapped_column(SLACK_ID, primary_key=True)
    user_id: Mapped[str] = mapped_column(SLACK_ID, primary_key=True)
    library: Mapped[str] = mapped_column(String(16), primary_key=True)
    phrase_ids: Mapped[str] = mapped_column(String(500))


class Workspace(Base):
    """A workspace's settings. A workspace without a row uses the defaults."""

    __tablename__ = "workspaces"

    workspace_id: Mapped[str] = mapped_column(SLACK_ID, primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(2), default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    digest_weekday: Mapped[int] = mapped_column(SmallInteger, default=4)
    digest_time: Mapped[str] = mapped_column(String(5), default="16:00")
    min_group: Mapped[int] = mapped_column(SmallInteger, default=3)
    team_goal: Mapped[int | None] = mapped_column(SmallInteger)
    retention_months: Mapped[int] = mapped_column(SmallInteger, default=24, server_default="24")
    # The Enterprise Grid organisation the workspace belongs to, so an org-wide uninstall finds it.
    organisation_id: Mapped[str | None] = mapped_column(SLACK_ID)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Manager(Base):
    """Someone a manager added; workspace admins and owners manage Nope without a row."""

    __tablename__ = "managers"

    workspace_id: Mapped[str] = mapped_column(SLACK_ID, primary_key=True)
    user_id: Mapped[str] = mapped_column(SLACK_ID, primary_key=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DigestChannel(Base):
    """A channel that receives a workspace's weekly digest."""

    __tablename__ = "digest_channels"

    workspace_id: Mapped[str] = mapped_column(
        SLACK_ID, ForeignKey("workspaces.workspace_id", ondelete="CASCADE"), primary_key=True
    )
    channel_id: Mapped[str] = mapped_column(SLACK_ID, primary_key=True)


class DigestRun(Base):
    """One week's digest for one channel. Its uniqueness is the at-most-once guarantee."""

    __tablename__ = "digest_runs"
    __table_args__ = (UniqueConstraint("workspace_id", "channel_id", "week_start", name="uq_digest_runs_week"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    workspace_id: Mapped[str] = mapped_column(SLACK_ID)
    channel_id: Mapped[str] = mapped_column(SLACK_ID)
    week_start: Mapped[date] = mapped_column(Date)
    # claimed -> posted, or failed (retried later), or unknown (it may be posted: looked for before a retry),
    # or abandoned (never retried)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(SmallInteger)
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_ts: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str | None] = mapped_column(String(200))
    # When the first post whose outcome is unknown went out (the platform's clock): from then on the
    # digest may be in the channel, and every later attempt looks for it there before posting.
    unconfirmed_since: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ProcessedEvent(Base):
    """An Events API delivery already handled: Slack retries a delivery up to three times."""

    __tablename__ = "processed_events"
    # Forgetting expired deliveries looks them up by age on every event.
    __table_args__ = (Index("ix_processed_events_received_at", "received_at"),)

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())


# The OAuth tables' secrets: encrypted at rest, re-encrypted by `nope keys rotate`, never exported.
SLACK_TOKEN_COLUMNS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")


def _slack_oauth_tables() -> tuple[Table, Table, Table]:
    """slack_sdk's installation and state tables, in our metadata so migrations and erasure see them."""
    installations = SQLAlchemyInstallationStore.build_installations_table(Base.metadata, "slack_installations")
    bots = SQLAlchemyInstallationStore.build_bots_table(Base.metadata, "slack_bots")
    states = SQLAlchemyOAuthStateStore.build_oauth_states_table(Base.metadata, "slack_oauth_states")
    for table in (installations, bots):
        for column in table.columns:
            if column.name in SLACK_TOKEN_COLUMNS:
                # Fernet makes a 200-character token about 370 characters long.
                column.type = String(1000)
    return installations, bots, states


SLACK_INSTALLATIONS, SLACK_BOTS, SLACK_OAUTH_STATES = _slack_oauth_tables()
