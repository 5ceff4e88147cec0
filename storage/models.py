"""The tables, as SQLAlchemy 2.0 typed models."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Index, Integer, SmallInteger, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

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
        Index("ix_rejections_person_time", "team_id", "user_id", "logged_at"),
        # The weekly digest: one workspace's no's in a week.
        Index("ix_rejections_team_time", "team_id", "logged_at"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    team_id: Mapped[str] = mapped_column(SLACK_ID)
    enterprise_id: Mapped[str | None] = mapped_column(SLACK_ID)
    user_id: Mapped[str] = mapped_column(SLACK_ID)
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(32))
    form: Mapped[str] = mapped_column(String(32))
    feeling: Mapped[str] = mapped_column(String(32))
    intensity: Mapped[int] = mapped_column(SmallInteger)
    story: Mapped[str | None] = mapped_column(Text)
    counts_in_tally: Mapped[bool] = mapped_column(Boolean)
